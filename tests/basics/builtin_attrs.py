# getattr, setattr, delattr, hasattr, dir
class A:
    cls_attr = 1

    def meth(self):
        return "meth"


a = A()
setattr(a, "x", 5)
print(getattr(a, "x"), getattr(a, "cls_attr"), getattr(a, "meth")(), getattr(a, "nope", "default"))
print(hasattr(a, "x"), hasattr(a, "nope"), hasattr(A, "meth"), hasattr(1, "nope"))
delattr(a, "x")
print(hasattr(a, "x"))
setattr(A, "y", 2)
print(a.y)
print("meth" in dir(a), "cls_attr" in dir(A), "x" in dir(a), "append" in dir([]))
x = 1
print("x" in dir())
print(getattr("abc", "upper")())
