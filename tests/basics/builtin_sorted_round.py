# sorted and round
print(sorted([3, 1, 2]), sorted("bca"), sorted([3, 1, 2], reverse=True))
print(sorted(["bb", "a", "ccc"], key=len), sorted({3: 1, 1: 2}), sorted([]))
print(sorted((x * x for x in range(4)), key=lambda v: -v))
l = [2, 1]
print(sorted(l), l)
print(round(1), round(-3), round(1234, -2), round(1250, -2), round(1350, -2), round(5, 1))
print(round(2.5), round(3.5), round(-2.5), round(0.4), round(1.26, 1), round(-1.25, 1))
print(round(True), type(round(2.7)), type(round(2.7, 0)))
