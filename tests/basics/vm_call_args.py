# argument binding of Python functions: defaults, *args, **kwargs, keyword-only
def f(a, b=2, *args, c=5, **kw):
    return a, b, args, c, sorted(kw.items())


print(f(1))
print(f(1, 3, 4, 5))
print(f(1, c=10, d=4))
print(f(*[1, 2, 3], **{"c": 0, "e": 9}))
print(f(1, *range(3), *[7], c=1))


def kwonly(a, *, b, c=3):
    return a, b, c


print(kwonly(1, b=2))
print(kwonly(b=2, a=1, c=4))
for bad in (lambda: kwonly(1), lambda: kwonly(1, 2), lambda: kwonly(1, b=2, d=3), lambda: kwonly(1, a=1, b=2)):
    try:
        bad()
    except TypeError:
        print("TypeError")


def pos(a, b):
    return a - b


print(pos(b=1, a=5))
try:
    pos(1)
except TypeError:
    print("TypeError missing")
try:
    pos(1, 2, 3)
except TypeError:
    print("TypeError too many")


class Mapping:
    def keys(self):
        return ["x", "y"]

    def __getitem__(self, k):
        return k.upper()


def kws(**kw):
    return sorted(kw.items())


print(kws(**Mapping()))


def gen_args():
    yield 1
    yield 2


print(f(*gen_args()))

# closures and bound methods called with all argument kinds
def make(n):
    def inner(x, *rest, y=0, **kw):
        return n + x + sum(rest) + y + len(kw)

    return inner


clo = make(100)
print(clo(1), clo(1, 2, 3), clo(1, y=5, z=0), clo(*[1, 2], **{"y": 1}))


class C:
    def m(self, a, b=1):
        return a * b


bm = C().m
print(bm(3), bm(3, 4), bm(b=5, a=2), bm(*(2, 2)))

# deep recursion through closures and methods stays off the wasm stack
def rec_closure():
    def r(n):
        return 0 if n == 0 else 1 + r(n - 1)

    return r(500)


print(rec_closure())


class R:
    def r(self, n):
        return 0 if n == 0 else 1 + self.r(n - 1)


print(R().r(500))
