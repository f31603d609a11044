# The seed module of the .mpy fuzzer (tests/host/mpy.test.mjs): every kind of
# constant and the bytecode of every control structure, so that mutations of
# its .mpy reach every part of the loader and the verifier. It uses no I/O.
BIG = 123456789012345678901234567890
NEG = -98765432109876543210
FL = 2.5e-3
CX = 3j
TUP = (1, "two", b"three", (4.5, None, True, False, ...))
LONG = "a string constant too long to be interned as a qstr, held in the obj table"
BYTES = b"\x00\x01\x02\xfe\xff"


def args(a, b=2, *rest, c, d=4, **kw):
    return a + b + c + d + len(rest) + len(kw)


def gen(n):
    for i in range(n):
        if i % 2:
            yield i
        else:
            yield from (i, -i)


def closure():
    count = 0

    def inc(step=1):
        nonlocal count
        count += step
        return count

    return inc


class Base:
    attr = 10

    def __init__(self, v):
        self.v = v

    def method(self):
        return self.v * self.attr


class Derived(Base):
    def method(self):
        return super().method() + 1

    @property
    def prop(self):
        return self.v

    @staticmethod
    def stat(x):
        return [x, x]


class Ctx:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return True


def control(n):
    total = 0
    while n > 0:
        n -= 1
        try:
            if n == 3:
                continue
            if n == 7:
                break
            total += n
        except ValueError as e:
            total -= 1
        finally:
            total += 1
    for k, v in {"a": 1, "b": 2}.items():
        total += v
    with Ctx():
        raise KeyError(total)
    try:
        raise IndexError
    except (IndexError, KeyError):
        pass
    else:
        total = 0
    return total


def comps(n):
    a = [i * i for i in range(n) if i & 1]
    b = {i: str(i) for i in range(n)}
    c = {i % 3 for i in range(n)}
    d = sum(x for x in range(n))
    e, *f, g = range(5)
    s = "%d-%s" % (n, "x") + "{}:{!r}".format(n, "y") + f"{n:>4}"
    return len(a) + len(b) + len(c) + d + e + len(f) + g + len(s) + (a[1:3] == b) + (n if n > 2 else -n)


def run():
    r = args(1, c=3) + args(1, 2, 3, c=4, e=5)
    r += sum(gen(5)) + closure()() + Derived(3).method() + Derived(2).prop + len(Derived.stat(1))
    r += control(10) + comps(6)
    r += BIG % 1000 + int(FL * 1000) + int(CX.imag) + len(TUP) + len(LONG) + len(BYTES) + NEG % 7
    assert r > 0
    del r
    return 42


RESULT = run()
