# Iteration order of sets follows MicroPython's hash sets (map.c): a key's
# slot is hash % alloc with linear probing, tables grow through a fixed list
# of sizes, pop takes the first filled slot, and set operations build their
# result as objset.c does. Only keys whose hash is the same on every port
# (small non-negative ints, str) are used.
print({3, 1, 2}, set([5, 4, 4, 5]), set(range(20, 0, -1)), {10, 3}, {8, 0}, {100, 5, 37})
print(set("hello world"), {"a", "b", "c", "foo", "bar"})
s = set()
for i in range(30):
    s.add(i * 7 % 31)
print(s)
for i in range(0, 30, 3):
    s.discard(i * 7 % 31)
print(s)
s.add(1000)
s.add(2000)
print(s)
a = {1, 2, 3, 4, 17, 30}
b = {4, 5, 17, 99}
print(a | b, b | a, a & b, b & a, a - b, b - a, a ^ b, b ^ a)
print(a.union([50, 60, 70]), a.intersection([30, 1, 4]), a.difference([1]), a.symmetric_difference([2, 8]))
c = set(a)
c |= {40, 41}
print(c)
c &= {41, 1, 2, 3, 40}
print(c)
c ^= {1, 7}
print(c)
s = {9, 8, 7, 6, 5, 4, 3, 2, 1}
out = []
while s:
    out.append(s.pop())
print(out)
print(frozenset([12, 5, 9, 33]), {i % 7 for i in range(40)}, set({"k": 1, "j": 2, "i": 3}))
