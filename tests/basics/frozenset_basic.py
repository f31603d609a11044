# frozenset: immutable, hashable
f = frozenset({3, 1, 2})
print(f, frozenset(), frozenset("aa"), frozenset(range(3)), frozenset(f) is f)
print(len(f), 1 in f, 5 in f, f == {1, 2, 3}, {1, 2, 3} == f, f != frozenset())
print(hash(f) == hash(frozenset([1, 2, 3])), hash(frozenset()) == hash(frozenset()))
d = {f: "x", frozenset(): "e"}
print(d[frozenset([2, 3, 1])], d[frozenset()])
print({f, frozenset({1, 2, 3}), frozenset({1})} == {f, frozenset({1})})
print(f | {4}, f & {1}, f - {1}, f ^ {1, 9}, type(f | {4}).__name__, type({4} | f).__name__)
print(f.union([7]), f.intersection([1, 2]), f.difference([1]), f.symmetric_difference([3]), f.copy() is f)
print(f.issubset(range(5)), f.issuperset([1]), f.isdisjoint([0]))
g = f
g |= {9}
print(f, g, g is f)
for name in ("add", "remove", "discard", "pop", "clear", "update"):
    print(name, hasattr(f, name))
try:
    frozenset({1}).add(2)
except AttributeError:
    print("AttributeError")
print(frozenset({frozenset({1})}))
