# center / ljust / rjust / zfill
for w in range(0, 9):
    print(repr("abc".center(w)), repr("ab".center(w, "*")), repr("abc".ljust(w, ".")), repr("abc".rjust(w)))
print(repr("".center(3)), repr("x".center(4, "-")), repr("xy".center(5, "-")))
print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "abc".zfill(2), "".zfill(3), "-".zfill(3))
print(b"ab".center(6, b"="), b"ab".ljust(4), bytearray(b"ab").rjust(4, b"0"), b"-1".zfill(4))
for bad in ("ab", 1):
    try:
        "x".center(5, bad)
    except TypeError:
        print("TypeError")
