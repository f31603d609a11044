# staticmethod and classmethod
class A:
    @staticmethod
    def s(x):
        return ("s", x)

    @classmethod
    def c(cls, x):
        return (cls.__name__, x)

    def m(self):
        return self.s(1), self.c(2)


class B(A):
    pass


print(A.s(1), A().s(2), B.s(3))
print(A.c(1), A().c(2), B.c(3), B().c(4))
print(B().m())
print(type(A.__dict__["s"]) is staticmethod, type(A.__dict__["c"]) is classmethod)

# wrapping explicitly
def f(*args):
    return args


class C:
    sf = staticmethod(f)
    cf = classmethod(f)


print(C.sf(1, 2), C().sf(3))
print(C.cf(1)[0] is C, C().cf(2)[1])
