# const() is resolved by the parser: names bound with const() are replaced by
# their value where they appear as a bare name, private ones (_NAME) are not
# stored at all, and constant expressions are folded.
from micropython import const

X = const(123)
_Y = const(X * 2 + 1)
S = const("a const string")
T = const((1, "two", None, True))
_E = const(())
N = const(-(1 << 4) | 3)
print(X, _Y, S, T, _E, N)
print("X" in globals(), "_Y" in globals(), "S" in globals())
print(X + _Y, _Y // 7, -_Y, ~X, X ** 2, X < _Y)


def f():
    return _Y + X


print(f())


class A:
    C = const(7)
    _D = const(8)

    def m(self):
        return self.C + _D


print(A.C, A().m(), hasattr(A, "_D"))
# folded expressions
print(1 + 2 * 3 - 4 // 2, (2 ** 10) % 1000, 0xff & ~0x0f, 1 << 10 >> 2, -(-5))
print(not 0, not 1, 1 and 2, 0 or 3, 0 and X, 5 or X)
print((1, 2) + (3,), (X, _Y), ())
try:
    exec("Z = const(undefined_name + 1)")
except SyntaxError as e:
    print("SyntaxError", e)
