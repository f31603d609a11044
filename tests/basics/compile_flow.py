# Control flow the compiler lowers to blocks and jumps: try/finally with
# returns and loops, with, generators, async, decorators, defaults.


def tf(n):
    try:
        if n == 0:
            return "try"
        if n == 1:
            raise ValueError
    except ValueError:
        return "except"
    else:
        return "else"
    finally:
        print("finally", n)


print(tf(0), tf(1), tf(2))


def loop_finally():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out


print(loop_finally())


def finally_overrides():
    try:
        return 1
    finally:
        return 2


print(finally_overrides())


class CM:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self.name

    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None)
        return self.name == "swallow"


with CM("a") as a, CM("b") as b:
    print("body", a, b)
with CM("swallow"):
    raise KeyError
try:
    with CM("c"):
        raise IndexError
except IndexError:
    print("IndexError passed through")


def with_return():
    with CM("r"):
        return "returned"


print(with_return())


def gen():
    x = yield 1
    print("got", x)
    yield from range(2)
    return "done"


g = gen()
print(next(g), g.send("s"), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.args)

print(list(x * y for x in range(3) for y in range(2) if x))
print({k: v for k, v in zip("ab", range(2))}, sorted({c for c in "aba"}))
print([[j for j in range(i)] for i in range(3)])


def deco(tag):
    def wrap(f):
        def inner(*a, **k):
            return tag + f(*a, **k)

        return inner

    return wrap


@deco("<")
@deco("[")
def hello(name, *, end="!"):
    return name + end


print(hello("x"), hello("y", end="?"))


def kw(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, sorted(kw.items())


print(kw(1, c=3), kw(1, 2, 3, 4, c=5, d=6, e=7))
print(kw(*[1, 2], *(3,), c=0, **{"z": 1}))


async def coro(v):
    return v * 2


async def main():
    r = await coro(2)
    return r + 1


c = main()
try:
    c.send(None)
except StopIteration as e:
    print("async result", e.args[0])

i = 0
while i < 3:
    i += 1
    if i == 2:
        continue
else:
    print("while else", i)
while True:
    break
print(1 if [] else 2, [] or "or", 0 and "and", 1 and 2 or 3)
assert True, "never"
try:
    assert 1 == 2, "msg"
except AssertionError as e:
    print("assert", e.args)
