# Iteration order of dicts follows MicroPython's hash tables (map.c): a key's
# slot is hash % alloc with linear probing, tables grow through a fixed list
# of sizes, and deleted slots are reused; popitem takes the first filled
# slot. Only keys whose hash is the same on every port (small non-negative
# ints, str) are used.
d = {}
for i in range(20):
    d[i * 7 % 20] = i
print(d)
d = {}
for i in range(12):
    d[100 - i * 9] = i
print(d)
print(list(d.keys())[:4], list(d.values())[:4], list(d.items())[:2])
print({"a": 1, "b": 2, "c": 3, "foo": 4, "bar": 5})
print(dict(zip("hello world", range(11))))
print({str(i): i for i in range(15)})
print({3: 4, 1: 2}, {1: 2, 3: 4}, dict([(1, 2), (3, 4)]), {2: 0, 4: 0, 6: 0})
print({1: 1, 2: 1} | {2: 2, 5: 5})
d = {"x": 1}
d["y"] = 2
d["x"] = 3
d["z"] = 0
print(d)
del d["x"]
print(d)
d["w"] = 9
print(d)
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
d = dict.fromkeys([5, 3, 1, 7, 9, 11])
print(d, d.copy())
d.update({"k": 1, "j": 2}, q=3, p=4)
print(d)
print(dict.fromkeys("abcdefg", 0))


def f(**kw):
    return kw


print(f(a=1, b=2, c=3, alpha=4, beta=5))


class A:
    def __init__(self):
        self.x = 1
        self.y = 2
        self.width = 3
        self.height = 4


print(A().__dict__)
print(sorted(d.items(), key=repr) == sorted(dict(d).items(), key=repr))
