# __new__ and __init__
class A:
    def __new__(cls, *args):
        print("A.__new__", cls.__name__, args)
        self = super().__new__(cls)
        self.made = True
        return self

    def __init__(self, x):
        print("A.__init__", x)
        self.x = x


a = A(5)
print(a.made, a.x)


class B:
    def __new__(cls):
        return 7

    def __init__(self):
        print("not called")


print(B())


class C:
    instance = None

    def __new__(cls):
        if C.instance is None:
            C.instance = object.__new__(cls)
        return C.instance


print(C() is C())

# __init__ must return None
class D:
    def __init__(self):
        return 1


try:
    D()
except TypeError:
    print("TypeError")
