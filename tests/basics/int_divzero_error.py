# division by zero with ints
for op in [lambda a, b: a // b, lambda a, b: a % b, lambda a, b: a / b, divmod]:
    for a in [0, 1, -5, 2**40]:
        try:
            print(op(a, 0))
        except ZeroDivisionError:
            print("ZeroDivisionError")
try:
    print(1 << -1)
except ValueError:
    print("ValueError")
try:
    print(1 >> -1)
except ValueError:
    print("ValueError")
try:
    print(0 ** -1)
except ZeroDivisionError:
    print("ZeroDivisionError")
print("done")
