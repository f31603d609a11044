# comparisons and hashing of long ints
vals = [-(2**100), -(2**64), -(2**30) - 1, -1, 0, 2**30, 2**31, 2**64, 2**100]
for a in vals:
    print([a < b for b in vals], [a == b for b in vals], [a >= b for b in vals])
print(2**64 == 2**64, 2**64 != 2**64 + 1, hash(2**64) == hash(2**64), {2**70: 1}[2**70], {2**70: 1}.get(2**71))
print(2**30 == 1 << 30, 2**30 - 1 < 2**30, -(2**30) == -1 << 30)
print(bool(2**100), bool(-(2**100)), not 2**100)
