# operator special methods, including reflected and in-place ones
class V:
    def __init__(self, x):
        self.x = x

    def __repr__(self):
        return "V(%r)" % (self.x,)

    def __add__(self, o):
        return V(self.x + (o.x if isinstance(o, V) else o))

    def __radd__(self, o):
        return V(o + self.x)

    def __sub__(self, o):
        return V(self.x - o.x)

    def __mul__(self, n):
        return V(self.x * n)

    def __rmul__(self, n):
        return V(n * self.x * 10)

    def __truediv__(self, n):
        return V(self.x / n)

    def __floordiv__(self, n):
        return V(self.x // n)

    def __mod__(self, n):
        return V(self.x % n)

    def __pow__(self, n):
        return V(self.x ** n)

    def __neg__(self):
        return V(-self.x)

    def __pos__(self):
        return V(+self.x)

    def __invert__(self):
        return V(~self.x)

    def __abs__(self):
        return V(abs(self.x))

    def __and__(self, o):
        return V(self.x & o)

    def __or__(self, o):
        return V(self.x | o)

    def __xor__(self, o):
        return V(self.x ^ o)

    def __lshift__(self, o):
        return V(self.x << o)

    def __rshift__(self, o):
        return V(self.x >> o)


a = V(6)
b = V(4)
print(a + b, a + 1, 1 + a, a - b, a * 3, 3 * a)
print(a / 4, a // 4, a % 4, a ** 2)
print(-a, +a, ~a, abs(V(-3)))
print(a & 3, a | 1, a ^ 2, a << 2, a >> 1)

# in-place operators: __iadd__ when defined, else __add__
class I:
    def __init__(self):
        self.log = []

    def __iadd__(self, o):
        self.log.append(o)
        return self

    def __isub__(self, o):
        self.log.append(-o)
        return self


i = I()
j = i
i += 1
i -= 2
print(i is j, i.log)
c = V(1)
d = c
c += 5
print(c, d, c is d)
c *= 2
print(c)

# comparisons
class N:
    def __init__(self, n):
        self.n = n

    def __eq__(self, o):
        return self.n == o.n

    def __lt__(self, o):
        return self.n < o.n

    def __le__(self, o):
        return self.n <= o.n

    def __gt__(self, o):
        return self.n > o.n

    def __ge__(self, o):
        return self.n >= o.n


print(N(1) == N(1), N(1) != N(2), N(1) < N(2), N(2) <= N(2), N(3) > N(2), N(1) >= N(2))
print(sorted([N(3), N(1), N(2)])[0].n, max(N(3), N(5)).n)

# a class defining __eq__ without __hash__ is unhashable
try:
    hash(N(1))
except TypeError:
    print("TypeError unhashable")

class H:
    def __init__(self, n):
        self.n = n

    def __eq__(self, o):
        return isinstance(o, H) and self.n == o.n

    def __hash__(self):
        return self.n


print(hash(H(7)), {H(1): "a"}[H(1)], H(1) in [H(0), H(1)])

# NotImplemented falls back to the reflected operation
class L:
    def __add__(self, o):
        return NotImplemented


class R:
    def __radd__(self, o):
        return "R.__radd__"


print(L() + R())
try:
    L() + 1
except TypeError:
    print("TypeError add")
