# bad input to int()
for args in [("x",), ("12a",), ("",), (" ",), ("1 2",), ("0x",), ("2", 2), ("09", 0), ("--1",), ("1.5",), ("0b2", 0)]:
    try:
        print(int(*args))
    except ValueError:
        print("ValueError", args)
for args in [("5", 1), ("5", 37), ("5", -1)]:
    try:
        print(int(*args))
    except ValueError:
        print("ValueError", args)
for args in [(None,), ([],), (5, 10), (1.5, 10)]:
    try:
        print(int(*args))
    except TypeError:
        print("TypeError")
for v in [float("inf"), float("-inf")]:
    try:
        print(int(v))
    except OverflowError:
        print("OverflowError")
try:
    print(int(float("nan")))
except ValueError:
    print("ValueError nan")
print("done")
