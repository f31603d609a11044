# float arithmetic with Python's rules for // and %
vals = [0.0, -0.0, 1.5, -1.5, 7.0, -7.25, 0.1, 3, -2, 1e300, -1e-300]
for a in vals:
    for b in vals:
        r = [a + b, a - b, a * b]
        if b:
            r += [a / b, a // b, a % b, divmod(a, b)]
        print(a, b, r)
print(0.1 + 0.7, 1.1 * 3, 1e308 * 10, -1e308 * 10, 5e-324 / 2, 2.0 ** 0.5, 10 / 3.0)
print(-7.5 // 2, -7.5 % 2, 7.5 // -2, 7.5 % -2, -0.0 % 5, 0.0 % -5, 1e-300 % 1e300)
print(6.0 % 3, -6.0 % 3, 6 % 3.0, 6.0 // 3, -6 // 3.0)
print(abs(-2.5), abs(-0.0), -(0.0), +(-1.5))
