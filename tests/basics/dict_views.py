# keys/values/items views
d = {"a": 1, "b": 2, "c": 3}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i)
print(list(k), list(v), list(i), len(k), len(v), len(i), bool({}.keys()))
print("a" in k, "z" in k, ("a", 1) in i, ("a", 2) in i, ("z", 1) in i, 1 in i)
for key in k:
    print(key, end=" ")
print()
for key, val in i:
    print(key, val, end="; ")
print()
# views are live
d["d"] = 4
print(k, list(v))
del d["a"]
print(i)
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
print(d)
print(list(reversed(d)), list(reversed(d.values())), list(reversed(d.items())))
