# int() from numbers and strings
print(int(), int(0), int(-5), int(True), int(False))
print(int(3.9), int(-3.9), int(0.0), int(-0.0), int(1e9), int(-2.5))
print(int("12"), int(" -34 "), int("+56"), int("0"), int("000"), int("1_000"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("-0b101", 0), int("0o17", 0))
print(int("z", 36), int("10", 2), int("777", 8), int("12", 3))
print(int("0", 0), int("00", 0), int("0_0", 0))
print(int(b"42"), int(bytearray(b"-7")))
print(int("10", base=16), int("11", base=2))


class A:
    def __int__(self):
        return 42


print(int(A()))
