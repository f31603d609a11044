# sets: construction, repr, operators (iteration order is MicroPython's hash
# order: multi-element sets are shown sorted)
S = sorted
print(set(), {1}, S({3, 1, 2}), S(set([5, 4, 4, 5])), set("a"), S(set(range(10))), S(set((7, 1, 7))))
print(S({10, 3}), S({8, 0}), S(set([9, 1, 17])), S(set([100, 5, 37])), S(set(range(20, 0, -1))), S(set([-1, -2, 0, 1])))
a, b, c = 100, 5, 37
print(S({a, b, c}), S({c, b, a}), S({a, 5}), {a, b, c} == {c, b, a})
print(S(set({1: 2, 0: 3})), S(set({3, 2})), S(frozenset({2, 1})), frozenset({2}))
s = {1, 2, 3}
print(len(s), len(set()), bool(set()), bool({0}), 2 in s, 9 in s, 9 not in s)
out = []
for x in {5, 3, 9}:
    out.append(x)
print(S(out))
print(S({1, 2} | {2, 3}), {1, 2} & {2, 3}, {1, 2} - {2, 3}, S({1, 2} ^ {2, 3}))
print({1, 2} == {2, 1}, {1} == {1, 2}, {1} != {2}, {1} == [1], {1} == frozenset({1}))
print({1} < {1, 2}, {1} < {1}, {1} <= {1}, {1, 2} > {1}, {1, 2} >= {3}, {1, 3} <= {1, 2})
a = {1, 2}
b = a
a |= {3}
a &= {1, 3, 4}
a -= {1}
a ^= {5, 3}
print(S(a), b is a)
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
print(S({i % 3 for i in range(10)}))
print(str({1}), repr({2}))
