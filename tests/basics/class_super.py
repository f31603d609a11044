# super() with and without arguments
class A:
    def __init__(self):
        self.a = "A"

    def f(self, x):
        return "A.f(%d)" % x

    @classmethod
    def c(cls):
        return "A.c " + cls.__name__


class B(A):
    def __init__(self):
        super().__init__()
        self.b = "B"

    def f(self, x):
        return "B.f " + super().f(x + 1)

    @classmethod
    def c(cls):
        return "B.c " + super().c()


class C(B):
    def f(self, x):
        return "C.f " + super(C, self).f(x * 10)


c = C()
print(c.a, c.b, c.f(1))
print(C.c(), B.c())

# super() in a method with a different first-argument name
class D(A):
    def f(me, x):
        return "D " + super().f(x)


print(D().f(7))

# super() in a nested function is not allowed without arguments, but super(T, obj) works
class E(A):
    def f(self, x):
        def inner():
            return super(E, self).f(x)
        return "E " + inner()


print(E().f(2))

# super() reaches object.__init__
class F:
    def __init__(self):
        super().__init__()
        print("F init")


F()
