# dict methods
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d.get("a", 5))
print(d.setdefault("a", 9), d.setdefault("c"), d.setdefault("d", [1]), d)
print(d.pop("c"), d.pop("zz", "dflt"), d.pop("d"), d)
d = {1: 1, 2: 2, 3: 3}
print(d.popitem(), d.popitem(), d)
d[4] = 4
print(d.popitem(), d)
d = {1: 2}
print(d.update({3: 4}), d)
d.update([(5, 6)], seven=7)
d.update(x=1, y=2)
d.update(((8, 9),))
d.update({1: "one"})
d.update()
d.update(d)
print(d)
c = d.copy()
c[100] = 1
print(len(d), len(c), c == d, type(c))
print(d.clear(), d, c[1])
print(dict.fromkeys([1, 2, 3]), dict.fromkeys("ab", 0), dict.fromkeys(range(2), []), {}.fromkeys((5,), 1))
print(dict.fromkeys([]), dict.fromkeys({"k": 1}))
# popitem until empty (LIFO)
d = {i: i for i in range(12)}
out = []
while d:
    out.append(d.popitem()[0])
print(out)
d = {i: str(i) for i in range(30)}
for i in range(25):
    d.popitem()
print(d)
d[100] = "x"
print(d)
