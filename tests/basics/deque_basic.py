# collections.deque: the operations MicroPython's deque shares with CPython's
# (deque(iterable, maxlen), both ends, overflow, len/bool, iteration, index)
from collections import deque

# construction from any iterable; maxlen keeps the rightmost items
print(list(deque([1, 2, 3], 5)))
print(list(deque((1, 2, 3, 4, 5, 6), 3)))
print(list(deque(range(10), 4)))
print(list(deque("abc", 10)))
print(list(deque((x * x for x in range(5)), 2)))
print(list(deque({7: 1}, 3)))
print(list(deque([], 0)), list(deque([1, 2], 0)))

# len and bool
d = deque((), 3)
print(len(d), bool(d))
d.append(1)
print(len(d), bool(d))

# append drops from the left when full, appendleft from the right
d = deque((), 3)
for i in range(5):
    d.append(i)
    print(list(d), len(d))
for i in range(10, 15):
    d.appendleft(i)
    print(list(d), len(d))

# pop and popleft
d = deque([1, 2, 3, 4], 4)
print(d.pop(), d.popleft(), list(d))
print(d.pop(), d.pop(), len(d), bool(d))
d.appendleft("a")
d.append("b")
print(d.popleft(), d.pop(), len(d))

# return values of the mutators
d = deque((), 2)
print(d.append(1), d.appendleft(0), d.extend([5]))
print(list(d))

# a maxlen of 0 keeps nothing
d = deque((), 0)
d.append(1)
d.appendleft(2)
print(len(d), list(d))

# extend from lists, tuples, generators, strings, another deque and itself
d = deque([1], 6)
d.extend([2, 3])
d.extend((4,))
print(list(d))
d.extend(x for x in "xy")
print(list(d))
d.extend(deque([7, 8, 9], 3))
print(list(d))
d = deque([1, 2, 3], 5)
d.extend(d)
print(list(d))
d = deque([1, 2], 10)
d.extend(d)
print(list(d))
d = deque((), 3)
d.extend("")
print(list(d))

# wrap-around: the ring buffer indexes stay right
d = deque((), 4)
for i in range(11):
    d.append(i)
    if i % 3 == 0:
        d.popleft()
print(list(d), [d[i] for i in range(len(d))], [d[-i] for i in range(1, len(d) + 1)])
for i in range(7):
    d.appendleft(-i)
    if i % 2:
        d.pop()
print(list(d), d[0], d[-1])

# item access and assignment, negative indexes
d = deque((10, 20, 30, 40), 5)
print(d[0], d[1], d[3], d[-1], d[-4])
d[0] = "first"
d[-1] = "last"
d[2] = [1]
print(list(d))
d = deque((), 3)
for i in range(6):
    d.append(i)
    d[0] = d[0] * 10
    print(list(d), d[-1])

# out of range
d = deque([1, 2], 3)
for i in (2, -3, 100, -100):
    try:
        d[i]
    except IndexError:
        print("IndexError", i)
    try:
        d[i] = 0
    except IndexError:
        print("IndexError", i)
print(list(d))

# pop from empty
d = deque((), 2)
for f in (d.pop, d.popleft):
    try:
        f()
    except IndexError:
        print("IndexError")
d.append(1)
d.pop()
try:
    d.popleft()
except IndexError:
    print("IndexError")

# iteration, `in`, and the builtins that iterate
d = deque([3, 1, 2], 5)
for x in d:
    print(x)
print(2 in d, 5 in d, 5 not in d)
print(sorted(d), sum(d), max(d), min(d), tuple(d), list(enumerate(d)))
print([x + 1 for x in d], list(zip(d, "abc")), set(d) == {1, 2, 3})
it = iter(d)
print(next(it), next(it), next(it))
try:
    next(it)
except StopIteration:
    print("StopIteration")
a, b, c = d
print(a, b, c)
print(*d)

# identity and equality by identity
d = deque([1], 2)
print(d == d, d != d, d is d, type(d) is deque, isinstance(d, deque))

# objects of any type, kept alive by the deque
d = deque((), 3)
d.append([1, 2])
d.append({"k": "v"})
d.append("s" * 3)
d.append((1,))
print(list(d))

# a subclass of deque
class D(deque):
    def total(self):
        return sum(self)

d = D([1, 2, 3], 3)
d.append(4)
print(list(d), len(d), d.total(), d[0], isinstance(d, deque))
d.appendleft(0)
print(d.pop(), d.popleft(), list(d))
