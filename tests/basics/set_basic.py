# sets: construction, repr, iteration order of small ints, operators
print(set(), {1}, {3, 1, 2}, set([5, 4, 4, 5]), set("a"), set(range(10)), set((7, 1, 7)))
print({10, 3}, {8, 0}, set([9, 1, 17]), set([100, 5, 37]), set(range(20, 0, -1)), set([-1, -2, 0, 1]))
a, b, c = 100, 5, 37
print({a, b, c}, {c, b, a}, {a, 5})
print(set({1: 2, 0: 3}), set({3, 2}), frozenset({2, 1}))
s = {1, 2, 3}
print(len(s), len(set()), bool(set()), bool({0}), 2 in s, 9 in s, 9 not in s)
for x in {5, 3, 9}:
    print(x, end=" ")
print()
print({1, 2} | {2, 3}, {1, 2} & {2, 3}, {1, 2} - {2, 3}, {1, 2} ^ {2, 3})
print({1, 2} == {2, 1}, {1} == {1, 2}, {1} != {2}, {1} == [1], {1} == frozenset({1}))
print({1} < {1, 2}, {1} < {1}, {1} <= {1}, {1, 2} > {1}, {1, 2} >= {3}, {1, 3} <= {1, 2})
a = {1, 2}
b = a
a |= {3}
a &= {1, 3, 4}
a -= {1}
a ^= {5, 3}
print(a, b is a)
# many elements and removal
s = set()
for i in range(100):
    s.add(i * 3 % 101)
print(len(s), sorted(s)[:5], 297 % 101 in s, 1 in s)
for i in range(0, 100, 2):
    s.discard(i * 3 % 101)
print(len(s), sorted(s)[:5])
# mixed element types
s = {1, "a", (1, 2), None, 2.5, frozenset({1})}
print(len(s), "a" in s, (1, 2) in s, frozenset({1}) in s, {1} in s)
# a str object equal to an interned one
print("".join(["x", "y"]) in {"xy"}, {"".join(["p", "q"])} == {"pq"})
print({i % 3 for i in range(10)})
print(str({1}), repr({2}))
