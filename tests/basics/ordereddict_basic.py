# collections.OrderedDict: a dict that keeps insertion order, compares with
# order against another OrderedDict and without it against a dict
from collections import OrderedDict


def show(d):
    print(type(d).__name__, list(d.items()))


# construction
show(OrderedDict())
show(OrderedDict([("z", 1), ("a", 2), (3, "c")]))
show(OrderedDict(b=1, a=2))
show(OrderedDict({"q": 1, "p": 2}))
show(OrderedDict([("x", 1)], y=2))
show(OrderedDict((k, k * k) for k in range(5)))
show(OrderedDict(OrderedDict([(2, 2), (1, 1)])))
show(OrderedDict.fromkeys("cab"))
show(OrderedDict.fromkeys([3, 1, 2], 0))

# order through stores, deletes and re-inserts
d = OrderedDict()
for k in "hello world":
    d[k] = d.get(k, 0) + 1
show(d)
del d["l"]
d["l"] = "last"
d["h"] = "same place"
show(d)
print(d.pop("o"), d.pop("nope", None), d.setdefault("new", 9), d.setdefault("h"))
show(d)
print(d.popitem(), d.popitem())
show(d)
d.update([("u", 1)], v=2)
d.update({"h": 0})
show(d)
print(list(d), list(d.keys()), list(d.values()), list(reversed(list(d))))
print(len(d), bool(d), bool(OrderedDict()), "u" in d, "zz" in d, d["u"])
d.clear()
show(d)

# many entries keep their order too (past the small-map size)
d = OrderedDict()
for i in range(50):
    d[(i * 37) % 50] = i
print(list(d)[:10], list(d)[-5:], len(d))
for i in range(0, 50, 2):
    del d[i]
d[0] = "again"
print(list(d)[:6], list(d)[-3:], len(d))

# equality: order counts between OrderedDicts only
a = OrderedDict([(1, 1), (2, 2)])
b = OrderedDict([(2, 2), (1, 1)])
c = OrderedDict([(1, 1), (2, 2)])
print(a == b, a == c, a != b, a != c, b == b)
print(a == {1: 1, 2: 2}, {2: 2, 1: 1} == a, b == {1: 1, 2: 2}, a != {1: 1, 2: 2})
print(a == OrderedDict([(1, 1)]), a == OrderedDict([(1, 1), (2, 3)]), a == [1, 2], a == None)
print(OrderedDict() == OrderedDict(), OrderedDict() == {}, OrderedDict() == ())
print(OrderedDict(x=[1, OrderedDict(y=2)]) == OrderedDict(x=[1, OrderedDict(y=2)]))
print(OrderedDict(x=1.0) == OrderedDict(x=1), OrderedDict([(1, 1)]) == OrderedDict([(True, 1)]))

# a dict in every other respect
d = OrderedDict(a=1)
print(isinstance(d, dict), isinstance(d, OrderedDict), issubclass(OrderedDict, dict), type(d) is OrderedDict)
e = d.copy()
e["b"] = 2
print(type(e).__name__, list(e.items()), list(d.items()))
show(d | {"c": 3})
d |= [("z", 26)]
show(d)
print(sorted(OrderedDict(b=2, a=1)), sorted(dict(OrderedDict(b=2, a=1)).items()))
try:
    d["missing"]
except KeyError as er:
    print("KeyError", er.args)
try:
    OrderedDict().popitem()
except KeyError:
    print("KeyError")
try:
    OrderedDict([1, 2])
except TypeError:
    print("TypeError")
try:
    OrderedDict({[]: 1})
except TypeError:
    print("TypeError")
try:
    hash(OrderedDict())
except TypeError:
    print("TypeError")

# a subclass
class Counter(OrderedDict):
    def add(self, k):
        self[k] = self.get(k, 0) + 1

c = Counter()
for w in "the cat the hat the end".split():
    c.add(w)
print(list(c.items()), len(c), isinstance(c, OrderedDict))
print(c == OrderedDict([("the", 3), ("cat", 1), ("hat", 1), ("end", 1)]))
print(c == OrderedDict([("cat", 1), ("the", 3), ("hat", 1), ("end", 1)]))
