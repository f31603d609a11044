# single and multiple inheritance, overriding, isinstance/issubclass
class A:
    def f(self):
        return "A.f"

    def g(self):
        return "A.g"


class B(A):
    def f(self):
        return "B.f"


class C(B):
    def g(self):
        return "C.g " + A.g(self)


c = C()
print(c.f(), c.g())
print(isinstance(c, A), isinstance(c, B), isinstance(c, C), isinstance(A(), C))
print(issubclass(C, A), issubclass(A, C), issubclass(C, C), issubclass(C, object))
print(isinstance(c, (int, A)), isinstance(1, (str, list)), issubclass(B, (int, A)))


class X:
    def who(self):
        return "X"

    def x(self):
        return "x"


class Y:
    def who(self):
        return "Y"

    def y(self):
        return "y"


class Z(X, Y):
    pass


z = Z()
print(z.who(), z.x(), z.y())
print(isinstance(z, X), isinstance(z, Y), issubclass(Z, Y))
print([b.__name__ for b in Z.__bases__], [b.__name__ for b in A.__bases__])

# class attributes are inherited, instance attributes shadow them
class P:
    v = 1


class Q(P):
    pass


q = Q()
print(q.v)
P.v = 2
print(q.v)
q.v = 3
print(q.v, P.v, Q.v)
