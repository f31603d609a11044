# dict methods (multi-entry dicts are shown sorted: iteration order is
# MicroPython's hash order; popitem takes the first filled slot)
def items(d):
    return sorted(d.items(), key=repr)
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d.get("a", 5))
print(d.setdefault("a", 9), d.setdefault("c"), d.setdefault("d", [1]), items(d))
print(d.pop("c"), d.pop("zz", "dflt"), d.pop("d"), items(d))
d = {1: 1, 2: 2, 3: 3}
a, b = d.popitem(), d.popitem()
print(a != b, a[0] == a[1], b[0] == b[1], a[0] not in d, b[0] not in d, len(d))
d[4] = 4
c = d.popitem()
print(c[0] == c[1], c[0] not in d, len(d), sorted([a, b, c] + list(d.items())))
d = {1: 2}
print(d.update({3: 4}), items(d))
d.update([(5, 6)], seven=7)
d.update(x=1, y=2)
d.update(((8, 9),))
d.update({1: "one"})
d.update()
d.update(d)
print(items(d))
c = d.copy()
c[100] = 1
print(len(d), len(c), c == d, type(c))
print(d.clear(), d, c[1])
print(items(dict.fromkeys([1, 2, 3])), items(dict.fromkeys("ab", 0)), items(dict.fromkeys(range(2), [])), {}.fromkeys((5,), 1))
print(dict.fromkeys([]), dict.fromkeys({"k": 1}))
# popitem until empty
d = {i: i for i in range(12)}
out = []
while d:
    out.append(d.popitem()[0])
print(sorted(out))
d = {i: str(i) for i in range(30)}
for i in range(25):
    d.popitem()
print(len(d), all(d[k] == str(k) for k in d))
d[100] = "x"
print(len(d), d[100])
