# hashes of equal numbers agree (dict keys)
for v in [0, 1, 2, 12345, -7, -(2**30), 2**30 - 1]:
    print(hash(v) == hash(float(v)), hash(v) == hash(v + 0))
print(hash(5) == 5, hash(0), hash(True), hash(False))
d = {1: "a", 2.0: "b", -3: "c"}
print(d[1.0], d[2], d.get(True), d[-3.0])
