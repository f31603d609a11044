# frozenset: immutable, hashable (multi-element ones shown sorted: iteration
# order is MicroPython's hash order)
S = sorted
f = frozenset({3, 1, 2})
print(S(f), frozenset({7}), frozenset(), frozenset("aa"), S(frozenset(range(3))), frozenset(f) is f)
print(len(f), 1 in f, 5 in f, f == {1, 2, 3}, {1, 2, 3} == f, f != frozenset())
print(hash(f) == hash(frozenset([1, 2, 3])), hash(frozenset()) == hash(frozenset()))
d = {f: "x", frozenset(): "e"}
print(d[frozenset([2, 3, 1])], d[frozenset()])
print({f, frozenset({1, 2, 3}), frozenset({1})} == {f, frozenset({1})})
print(S(f | {4}), f & {1}, S(f - {1}), S(f ^ {1, 9}), type(f | {4}).__name__, type({4} | f).__name__)
print(S(f.union([7])), S(f.intersection([1, 2])), S(f.difference([1])), S(f.symmetric_difference([3])), f.copy() is f)
print(type(f.union([7])).__name__, type(f.intersection([1])).__name__, type(f.difference([1])).__name__, type(f.symmetric_difference([3])).__name__)
print(f.issubset(range(5)), f.issuperset([1]), f.isdisjoint([0]))
g = f
g |= {9}
print(S(f), S(g), g is f, type(g).__name__)
for name in ("add", "remove", "discard", "pop", "clear", "update"):
    print(name, hasattr(f, name))
try:
    frozenset({1}).add(2)
except AttributeError:
    print("AttributeError")
print(frozenset({frozenset({1})}))
