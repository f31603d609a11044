# property(), @property with setter and deleter
class A:
    def __init__(self):
        self._x = 0

    @property
    def x(self):
        print("get x")
        return self._x

    @x.setter
    def x(self, v):
        print("set x", v)
        self._x = v

    @x.deleter
    def x(self):
        print("del x")
        self._x = None

    def get_y(self):
        return "y"

    y = property(get_y)


a = A()
print(a.x)
a.x = 5
print(a.x)
del a.x
print(a._x)
print(a.y)
try:
    a.y = 1
except AttributeError:
    print("AttributeError set y")
try:
    del a.y
except AttributeError:
    print("AttributeError del y")
print(type(A.x) is property)

# a property with only a setter
class B:
    def _set(self, v):
        self.v = v

    p = property(None, _set)


b = B()
b.p = 3
print(b.v)
try:
    b.p
except AttributeError:
    print("AttributeError get p")

# properties are inherited and can be overridden
class C(A):
    @property
    def y(self):
        return "C.y"


c = C()
print(c.y, c.x)

# property(fget=..., doc=...)
class D:
    z = property(fget=lambda self: 42, doc="the answer")


print(D().z)
