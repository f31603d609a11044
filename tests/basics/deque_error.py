# collections.deque: MicroPython's own signature and messages (bad input,
# the overflow-check flag); compared with MicroPython's unix port
from collections import deque


def check(f, *args):
    try:
        r = f(*args)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, repr(e.args))


# maxlen is mandatory, positional, a non-negative int
check(deque)
check(deque, ())
check(deque, (), 2, 0, 1)
check(lambda: deque((), maxlen=2))
check(deque, (), -1)
check(deque, (), "2")
check(deque, (), None)
check(deque, (), 2.0)
check(deque, (), 2**100)
check(deque, (), 2, "x")
check(lambda: list(deque((), True)))
check(lambda: list(deque([1, 2], False)))

# the iterable
check(deque, 5, 2)
check(deque, None, 2)

def gen():
    yield 1
    raise ValueError("from gen")

check(deque, gen(), 2)

# methods: argument counts and types
d = deque((), 2)
check(d.append)
check(d.append, 1, 2)
check(d.appendleft)
check(d.extend)
check(d.extend, 5)
check(d.pop, 0)
check(d.popleft, 0)

# pop/popleft from an empty deque
check(d.pop)
check(d.popleft)

# indexes
d = deque([1, 2, 3], 4)
check(lambda: d[3])
check(lambda: d[-4])
check(lambda: d["a"])
check(lambda: d[1.0])
check(lambda: d[0:1])
def setitem(i, v):
    d[i] = v
def setslice():
    d[0:1] = (5,)
def delitem(i):
    del d[i]
def delslice():
    del d[0:1]
check(setitem, 3, 0)
check(setitem, "x", 0)
check(setslice)
check(delitem, 0)
check(delslice)
print(list(d))

# operators a deque does not have
check(lambda: ~d)
check(lambda: -d)
check(lambda: d + d)
check(lambda: d < d)
check(lambda: hash(d) == hash(d))
check(lambda: d.clear())
check(lambda: d.maxlen)
check(repr, deque((), 1))

# flags bit 0: IndexError("full") instead of dropping items
d = deque((), 2, 1)
d.append(1)
d.append(2)
check(d.append, 3)
check(d.appendleft, 0)
check(d.extend, [7])
print(list(d), len(d))
d.pop()
d.appendleft(0)
check(d.appendleft, -1)
print(list(d))
check(deque, [1, 2, 3], 2, True)
d = deque((), 0, 1)
check(d.append, 1)
print(len(d))
