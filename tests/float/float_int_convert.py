# int(float) and float(int) with large values
for v in [1e15, 1e16, 1.5e20, -2.5e25, 1.7976931348623157e308, 2.0**100, -(2.0**63), 123456789.99]:
    print(int(v))
for v in [2**53, 2**53 + 1, 2**53 + 2, 2**53 + 3, 2**64 - 1, 10**22, 10**23, 3**100, -(7**200)]:
    print(float(v))
try:
    float(10**400)
except OverflowError:
    print("OverflowError")
print(2**100 / 2**98, (10**30) / 3, 1 / 2**1100, 10**400 // 10**398 / 7)
try:
    print(10**400 / 3)
except OverflowError:
    print("OverflowError")
