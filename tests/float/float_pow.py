# ** with floats, incl. a negative base to a fractional power (a complex result)
print(2.0 ** 3, 2 ** 0.5, 4 ** -0.5, (-2.0) ** 3, (-2.0) ** -2, 0.0 ** 0, 1.0 ** 1e300, 1e10 ** 0.5)
print(pow(2.5, 2), pow(9, 0.5), 10.0 ** -2, (-8) ** (1 / 3))
print((-1) ** 0.5, (-4.0) ** 0.5, (-2.0) ** 1.5)
for e in [0.5, -0.5, 2.0, -1.0]:
    try:
        print(0.0 ** e)
    except ZeroDivisionError:
        print("ZeroDivisionError")
