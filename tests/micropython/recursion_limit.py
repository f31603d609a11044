# Unbounded recursion ends in RuntimeError, and the runtime lives on.
def f(n):
    return f(n + 1)


try:
    f(0)
except RuntimeError as e:
    print("RuntimeError", e)


# recursion through a built-in that calls back into Python
class R:
    def __repr__(self):
        return repr(self)


try:
    repr(R())
except RuntimeError as e:
    print("RuntimeError", e)


def g(n):
    return n if n == 0 else g(n - 1)


print(g(100))
