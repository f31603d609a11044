# __getattr__, __setattr__, __delattr__
class A:
    def __init__(self):
        self.real = 1

    def __getattr__(self, name):
        if name == "missing":
            raise AttributeError(name)
        return "virtual " + name


a = A()
print(a.real, a.foo, getattr(a, "bar"), hasattr(a, "missing"), getattr(a, "missing", "dflt"))


class B:
    def __init__(self):
        self.__dict__  # reading it is fine
        object.__setattr__(self, "log", [])

    def __setattr__(self, name, value):
        self.log.append((name, value))
        object.__setattr__(self, name, value * 2)

    def __delattr__(self, name):
        self.log.append(("del", name))
        object.__delattr__(self, name)


b = B()
b.x = 5
print(b.x, b.log)
del b.x
print(hasattr(b, "x"), b.log)
setattr(b, "y", 1)
print(b.y)
try:
    delattr(b, "nothere")
except AttributeError:
    print("AttributeError")

# attribute errors
class C:
    pass


try:
    C().nope
except AttributeError as e:
    print("AttributeError", e)
try:
    C.nope
except AttributeError as e:
    print("AttributeError", e)
try:
    del C().nope
except AttributeError:
    print("AttributeError del")
