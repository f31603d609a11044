# dicts: construction, repr, operators (iteration order is MicroPython's hash
# order, not insertion order: multi-entry dicts are shown sorted)
def items(d):
    return sorted(d.items(), key=repr)
print({}, {1: 2}, items({"a": 1, "b": [2], (1, 2): None}), {(1, 2): None}, {1: {2: {3: 4}}})
print(dict(), items(dict(a=1, b=2)), dict({1: 2}), items(dict([(1, 2), [3, 4]])), items(dict({1: 2}, x=3)), dict([("a", 1)], a=2))
print(items(dict(zip("abc", range(3)))), items(dict(((i, i * i) for i in range(4)))))
d = {}
for i in range(20):
    d[i * 7 % 20] = i
print(items(d))
print(sorted(d) == sorted([i * 7 % 20 for i in range(20)]))
print(len(d), bool(d), bool({}), 7 in d, 99 in d, 99 not in d)
d = {"x": 1}
d["y"] = 2
d["x"] = 3
print(items(d), d["x"])
del d["x"]
print(d)
d["x"] = 4
print(items(d))
print({1: 2} == {1: 2}, {1: 2} == {1: 3}, {1: 2} == {2: 2}, {1: 2} != {1: 2}, {} == {}, {1: 2} == [1])
print({1: 2, 3: 4} == {3: 4, 1: 2}, {1: [1]} == {1: [1]})
print(items({1: 1} | {2: 2}), items({1: 1, 2: 1} | {2: 2}))
d = {1: 1}
e = d
d |= {3: 3}
d |= [(4, 4)]
print(items(d), e is d)
# keys of mixed types and equal numbers
d = {1: "int", "1": "str", (1,): "tuple", None: "none", True: "bool?"}
print(items(d))
print(d[1], d["1"], d[(1,)], d[None])
# str objects and interned strings as keys
k = "".join(["a", "b"])
d = {"ab": 1}
print(d[k], k in d)
d[k] = 2
print(d)
# many keys (hash index)
d = {}
for i in range(200):
    d[str(i)] = i
print(len(d), d["0"], d["199"], sum(d.values()))
for i in range(0, 200, 2):
    del d[str(i)]
print(len(d), sorted(d, key=int)[:5], "1" in d, "2" in d)
for i in range(0, 200, 2):
    d[str(i)] = -i
print(len(d), sorted(d, key=int)[-3:])
# self reference
d = {}
d["me"] = d
print(d)
print(str({1: "a"}), repr({"b": 2}))
print(items({i: i * i for i in range(5)}))
