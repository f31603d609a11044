# descriptors: __get__, __set__, __delete__, __set_name__
class Desc:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name

    def __get__(self, obj, objtype=None):
        print("get", self.name, obj is None, objtype.__name__)
        return 42

    def __set__(self, obj, value):
        print("set", self.name, value)

    def __delete__(self, obj):
        print("delete", self.name)


class A:
    d = Desc()


a = A()
print(a.d)
a.d = 1
del a.d


class Ro:
    def __get__(self, obj, cls):
        return "ro"


class B:
    r = Ro()


b = B()
print(b.r)
b.r = "shadow"
print(b.r)
