# try/finally and with blocks unwound by return, break, continue and exceptions
def ret_in_finally():
    try:
        return 1
    finally:
        print("finally runs")


print(ret_in_finally())


def finally_overrides():
    try:
        return 1
    finally:
        return 2


print(finally_overrides())


def nested(n):
    for i in range(n):
        try:
            try:
                if i == 1:
                    continue
                if i == 3:
                    break
                print("body", i)
            finally:
                print("inner finally", i)
        finally:
            print("outer finally", i)
    return "end"


print(nested(5))


def ret_from_loop():
    for x in [1, 2, 3]:
        try:
            for y in "ab":
                if x == 2 and y == "b":
                    return x, y
        finally:
            print("loop finally", x)


print(ret_from_loop())


class CM:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None)
        return self.swallow


def with_return():
    with CM("a"):
        with CM("b"):
            return "from with"


print(with_return())

for i in range(3):
    with CM(i):
        if i == 1:
            continue
        if i == 2:
            break
    print("after", i)

with CM("s", swallow=True):
    raise ValueError("swallowed")
print("after swallow")

try:
    with CM("p"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", type(e).__name__, e.args)


def reraise():
    try:
        raise ValueError("first")
    except ValueError:
        try:
            raise TypeError("second")
        except TypeError:
            pass
        raise


try:
    reraise()
except ValueError as e:
    print("reraised", e)

try:
    raise
except RuntimeError:
    print("no active exception")


def exc_in_finally():
    try:
        raise ValueError("a")
    finally:
        print("cleanup")


try:
    exc_in_finally()
except ValueError as e:
    print("got", e)

# else clauses
for x in range(2):
    pass
else:
    print("for else")
try:
    pass
except Exception:
    print("no")
else:
    print("try else")
finally:
    print("try finally")
