# keys/values/items views (iteration order is the dict's hash order, so a
# one-entry dict is printed, and larger ones are compared or sorted)
d = {"a": 1}
print(d.keys(), d.values(), d.items())
d = {"a": 1, "b": 2, "c": 3}
k, v, i = d.keys(), d.values(), d.items()
print(sorted(k), sorted(v), sorted(i), len(k), len(v), len(i), bool({}.keys()))
print(list(v) == [d[x] for x in k], list(i) == [(x, d[x]) for x in k])
print("a" in k, "z" in k, ("a", 1) in i, ("a", 2) in i, ("z", 1) in i, 1 in i)
out = []
for key in k:
    out.append(key)
print(sorted(out))
out = []
for key, val in i:
    out.append("%s %s" % (key, val))
print(sorted(out))
# views are live
d["d"] = 4
print(sorted(k), sorted(v))
del d["a"]
print(sorted(i))
# set operations on keys and items views
print(sorted(d.keys() & {"b", "x"}), sorted(d.keys() | {"x"}), sorted(d.keys() - {"b"}), sorted(d.keys() ^ {"b", "y"}))
print(sorted({"b", "q"} & d.keys()), sorted({"q"} | d.keys()), sorted({"b", "q"} - d.keys()))
print(d.keys() == {"b", "c", "d"}, d.keys() == {"b"}, d.keys() != {"b"}, {"b": 0, "c": 0, "d": 1}.keys() == d.keys())
print(d.keys() <= {"b", "c", "d", "e"}, d.keys() < {"b", "c", "d"}, d.keys() >= {"b"})
print(sorted(d.items() & {("b", 2), ("c", 0)}))
print(sorted(d.keys() & ["b", "c"]))
print(type(d.keys() & set()).__name__)
print({"b", "c", "d"} == d.keys(), {"b"} != d.keys(), {"b"} <= d.keys(), sorted({"z"} | d.keys()), sorted({"b", "z"} - d.keys()))
# iteration over a dict and its views, with mutation
d = {1: 1, 2: 2}
try:
    for x in d:
        d[x + 10] = 0
except RuntimeError as e:
    print("RuntimeError", e)
d = {1: 1, 2: 2}
try:
    for x in d.values():
        del d[1]
except RuntimeError as e:
    print("RuntimeError", e)
d = {1: 1, 2: 2}
for x in d:
    d[x] = x * 10  # same size: allowed
print(sorted(d.items()))
print(list(reversed(d)) == list(d)[::-1], list(reversed(d.values())) == list(d.values())[::-1], list(reversed(d.items())) == list(d.items())[::-1])
