# __dict__ of classes and instances, __class__, __name__
class A:
    x = 1

    def f(self):
        pass


a = A()
a.y = 2
print(sorted(k for k in A.__dict__ if not k.startswith("__")))
print(a.__dict__, a.__class__.__name__, A.__name__)
print("y" in a.__dict__, "x" in a.__dict__)
print(type(A.__dict__["f"]).__name__)
