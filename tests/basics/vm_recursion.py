# unbounded recursion raises RuntimeError (RecursionError in CPython) and the runtime lives on
def down(n):
    return down(n + 1)


try:
    down(0)
except RuntimeError:
    print("RuntimeError from Python recursion")


# recursion through a built-in that calls back into Python
def via_builtin(n):
    return list(map(via_builtin, [n + 1]))


try:
    via_builtin(0)
except RuntimeError:
    print("RuntimeError from recursion through map")


class Rec:
    def __repr__(self):
        return repr(self)


try:
    repr(Rec())
except RuntimeError:
    print("RuntimeError from recursive __repr__")


# recursion inside generators
def g(n):
    yield from g(n + 1)


try:
    next(g(0))
except RuntimeError:
    print("RuntimeError from recursive generators")


# the runtime is still usable, and moderately deep recursion works
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(depth(900))
