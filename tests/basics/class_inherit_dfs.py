# attribute lookup with multiple inheritance is depth-first, left to right
# (MicroPython's rule; CPython's C3 order gives "C" for the diamond: .exp)
class A:
    def f(self):
        return "A"


class B(A):
    pass


class C(A):
    def f(self):
        return "C"


class D(B, C):
    pass


print(D().f())


class E:
    x = "E"


class F:
    x = "F"
    y = "F"


class G(E, F):
    pass


print(G.x, G.y, G().x)


# super() follows the bases of the class it is called from
class P1:
    def m(self):
        return "P1"


class P2:
    def m(self):
        return "P2"

    def n(self):
        return "P2.n"


class Child(P1, P2):
    def m(self):
        return "Child>" + super().m()

    def n(self):
        return "Child>" + super().n()


c = Child()
print(c.m(), c.n())
