# errors from long-int operations
for f in [lambda: 2**100 // 0, lambda: 2**100 % 0, lambda: divmod(2**100, 0), lambda: 2**100 / 0, lambda: 0 ** -(2**70)]:
    try:
        print(f())
    except ZeroDivisionError:
        print("ZeroDivisionError")
for f in [lambda: 2**100 << -1, lambda: 2**100 >> -(2**70), lambda: pow(2, 3, 0)]:
    try:
        print(f())
    except ValueError:
        print("ValueError")
try:
    print(float(2**2000))
except OverflowError:
    print("OverflowError")
try:
    print(pow(2, 3.5, 5))
except TypeError:
    print("TypeError")
print("done")
