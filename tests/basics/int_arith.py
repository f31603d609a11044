# small-int arithmetic, including results that overflow into long ints
vals = [0, 1, -1, 2, -3, 7, -7, 100, 12345, -98765, 2**30 - 1, -(2**30), 2**29, 65536]
for a in vals:
    for b in vals:
        print(a, b, a + b, a - b, a * b)
        if b:
            print(" ", a // b, a % b, divmod(a, b))
print(-(2**30), -(-(2**30)), abs(-(2**30)), +5, -0)
x = 2**30 - 1
x += 1
print(x, x - 1, type(x))
x = -(2**30)
x -= 1
print(x)
print(7 / 2, -7 / 2, 1 / 3, 10 / 5, 0 / 5)
print(46341 * 46341, 65536 * 32768, -65536 * 32768)
