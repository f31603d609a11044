# Operators and delimiters, including the longest-match ones.
a = 10
b = 3
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(a << b, a >> b, a & b, a | b, a ^ b, ~a)
print(a < b, a > b, a <= b, a >= b, a == b, a != b)
x = 5
x += 1; x -= 2; x *= 3; x //= 2; x %= 4; x **= 3; x <<= 2; x >>= 1; x &= 0xff; x |= 1; x ^= 3
print(x)
y = 7.0
y /= 2
print(y)
print(a<b<a, a<=b>=a, 1<<2<<3, 1>>0>>0)
l = [1, 2, 3]
print(l[::-1], l[1:], l[:1], l[0:3:2])
def f(p, *args, k=1, **kw) -> int:
    return p
print(f(1), ...)
print({1: 2}, {1}, (1,), ())
if (n := 4) > 3:
    print(n)
print(a if a > b else b)
class M:
    def __matmul__(self, o):
        return "matmul"
m = M()
print(m @ m)
m @= m
print(m)
for src in ["a = 1 $ 2", "a = 1 ? 2", "a = !b", "a .. b", "a = `x`"]:
    try:
        exec(src)
    except SyntaxError:
        print("SyntaxError", repr(src))
