# bool: a subclass of int whose operators work on 0 and 1
print(True + 1, True - False, True * 3, True / 2, True // 1, True % 2, True ** 2)
print(True & False, True | False, True ^ True, False & 1, True | 2)
print(-True, ~True, +True, abs(False), int(True), float(True))
print(True == 1, False == 0, True != 2, True > False, True < 2, hash(True), hash(False))
print({True: "a"}[1], {1: "b"}[True], [10, 20][True])
print(bool(), bool(0), bool(1), bool([]), bool([0]), bool(""), bool("x"), bool(None), bool(0.0))
print(str(True), repr(False), type(True).__name__, isinstance(True, int), issubclass(bool, int))
print(True is True, not True, True and 5, False or 7)
x = True
x += 1
print(x, type(x).__name__)
try:
    bool(1, 2)
except TypeError:
    print("TypeError")
try:
    bool(x=1)
except TypeError:
    print("TypeError kw")
