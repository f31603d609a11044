# classes: attributes, methods, __init__, class vs instance attributes
class A:
    x = 1

    def __init__(self, y):
        self.y = y

    def get(self):
        return self.x + self.y

    def set_x(self, v):
        self.x = v


a = A(10)
print(a.x, a.y, a.get())
a.set_x(5)
print(a.x, A.x, a.get())
A.x = 100
b = A(1)
print(b.x, b.get(), a.x)
print(type(a) is A, type(A) is type, A.__name__, a.__class__ is A)

# methods are bound
m = a.get
print(m())
print(A.get(b))

# attributes added later
a.z = 3
print(a.z)
del a.z
print(hasattr(a, "z"))

# class attribute holding a function added after creation
def extra(self):
    return "extra", self.y


A.extra = extra
print(b.extra())

# class body namespace
class B:
    n = 0
    for i in range(3):
        n += i
    del i


print(B.n, hasattr(B, "i"))

# instances are distinct and hash by identity
c1 = A(1)
c2 = A(1)
print(c1 == c2, c1 != c2, c1 == c1, hash(c1) == hash(c1))
d = {c1: 1, c2: 2}
print(d[c1], d[c2])

# empty class and object()
class E:
    pass


e = E()
e.v = 5
print(e.v, isinstance(e, object), isinstance(object(), object))
