# comparisons between ints, bools and floats
vals = [0, 1, -1, 5, 2**30 - 1, -(2**30), True, False, 0.5, -1.0, 5.0]
for a in vals:
    print(a, [a < b for b in vals], [a == b for b in vals], [a >= b for b in vals])
print(1 == 1.0, 2 != 2.0, 3 < 3.5, -1 > -1.5, 1 == True, 0 == False)
print(5 in [5.0], 2 ** 30 == 2.0 ** 30, 2 ** 53 + 1 > 2.0 ** 53)
