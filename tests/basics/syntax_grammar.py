# A tour of the grammar: every statement and expression form the parser
# accepts, with the values they compute.
import sys


tags = []


def deco(f):
    tags.append(f.__name__)
    return f


def deco_arg(n):
    def wrap(f):
        tags.append(n)
        return f
    return wrap


@deco
@deco_arg(3)
def func(a, b=2, *args, c, d=4, **kwargs) -> int:
    "docstring is dropped"
    return a + b + len(args) + c + d + len(kwargs)


print(func(1, c=3), func(1, 2, 3, 4, c=5, e=6), tags)


def only_star(*, key):
    return key


print(only_star(key=9))


class Base:
    x = 1

    def method(self):
        return self.x


@deco
class Child(Base):
    x = 2


class Empty:
    pass


class WithArgs(Base,):
    pass


print(Child().method(), tags, Empty.__name__, WithArgs().x)

# assignments
a = b = c = 5
d, e = 1, 2
(f, g), h = (3, 4), 5
[i, j] = [6, 7]
first, *rest = [1, 2, 3, 4]
*init, last = "abc"
k: int = 8
m: list
print(a, b, c, d, e, f, g, h, i, j, first, rest, init, last, k)
a += 1; b -= 1; c *= 2
print(a, b, c)
lst = [0, 1, 2, 3, 4, 5]
lst[0] = 10
lst[1:3] = [11, 12]
del lst[-1]
del lst[0], lst[0]
print(lst)

# expressions
print(1 if a else 2, not a, a and b, a or b, not not a)
print(a < b < c, a == 6 != b, a is None, a is not None, 1 in lst, 1 not in lst)
print(-a, +a, ~a, a ** 2, -2 ** 2, (-2) ** 2, 2 ** -1 if False else 0)
print(a | b & c ^ d, a << 1 >> 1, a // 4 * 3 % 5)
print(lst[-1], lst[::2], lst[1:], lst[:-1], lst[:], lst[::])
print((lambda: 1)(), (lambda x, y=2: x * y)(3), (lambda *a, **k: (a, k))(1, z=2))
print([x * x for x in range(5) if x % 2 if x > 0], [y for x in [[1, 2], [3]] for y in x])
print({x: x * 2 for x in range(3)}, sorted({x % 3 for x in range(10)}), list(x for x in "ab"))
print(sum(x for x in range(4)), max((x for x in [1, 5, 3])))
print((), (1,), (1, 2), [], [1], [1,], {}, {1: 2,}, {1,})
print(..., Ellipsis is ..., None, True, False)
print("str" "ing", b"by" b"tes", 0x10, 0o10, 0b10, 1_0)
t = 1,
u = 1, 2,
print(t, u)
if (n := len(lst)) > 1:
    print("walrus", n)
print([y for x in range(3) if (y := x * 2) > 0])


def gen():
    yield 1
    yield from [2, 3]
    x = yield
    return x


print(list(gen()))


def scopes():
    v = 1

    def inner():
        nonlocal v
        v += 1
        global G
        G = v

    inner()
    return v


print(scopes(), G)

# compound statements
for q in range(3):
    if q == 0:
        continue
    elif q == 1:
        pass
    else:
        break
else:
    print("not reached")
print("for", q)
w = 0
while w < 3:
    w += 1
else:
    print("while else", w)
try:
    raise ValueError("v")
except (TypeError, ValueError) as ex:
    print("caught", type(ex).__name__, ex)
else:
    print("not reached")
finally:
    print("finally")
try:
    pass
except Exception:
    pass
else:
    print("try else")
try:
    try:
        raise KeyError(1)
    finally:
        print("inner finally")
except KeyError:
    print("outer except")
try:
    raise RuntimeError("a") from None
except RuntimeError as e:
    print("from", e)


class CM:
    def __enter__(self):
        return "entered"

    def __exit__(self, *a):
        print("exit")


with CM() as v1, CM() as v2:
    print(v1, v2)
with CM():
    pass
if True: print("one line if")
for z in []: pass
while False: pass
def one_line(): return "one"
class OneLine: pass
print(one_line(), OneLine.__name__)
assert True, "message"
assert 1
import sys as system, sys
from sys import argv as av, path
from sys import (argv,
                 path as p2,)
print(system is sys, av is argv, p2 is path)


async def coro(x):
    await x
    async with x:
        pass
    async for y in x:
        pass


print(callable(coro))
print("end")
