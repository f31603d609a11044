# type() with one and three arguments
print(type(1) is int, type("a") is str, type(None).__name__, type(type) is type)


def f(self):
    return self.v * 2


A = type("A", (), {"v": 21, "f": f})
a = A()
print(A.__name__, a.v, a.f(), isinstance(a, A))

B = type("B", (A,), {})
print(B().f(), issubclass(B, A))

for args in [(), (1, 2), ("X", 1, {}), ("X", (), 1), ("X", (1,), {})]:
    try:
        type(*args)
    except TypeError:
        print("TypeError", len(args))
