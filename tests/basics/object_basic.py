# object: the root class
o = object()
print(type(o) is object, isinstance(o, object), o == o, o != object(), hash(o) == hash(o))
try:
    o.x = 1
except AttributeError:
    print("AttributeError")
try:
    object(1)
except TypeError:
    print("TypeError")
print(object.__name__, object.__bases__ if False else (), issubclass(object, object))


class A:
    def __init__(self):
        object.__init__(self)
        self.v = 1


a = object.__new__(A)
print(type(a) is A, hasattr(a, "v"))
A.__init__(a)
print(a.v)
try:
    object.__new__(int)
except TypeError:
    print("TypeError")
