# collections.namedtuple: construction, fields, tuple behaviour, the
# _fields/_make/_asdict/_replace helpers
from collections import namedtuple

# the field list as a list, a tuple, a str with spaces and/or commas
P = namedtuple("Point", ["x", "y"])
Q = namedtuple("Q", ("a", "b", "c"))
R = namedtuple("R", "left right")
S = namedtuple("S", "one,two, three  ,four\tfive\nsix")
E = namedtuple("E", "")
E2 = namedtuple("E2", [])
print(P._fields, Q._fields, R._fields, S._fields, E._fields, E2._fields)
print(P.__name__, S.__name__, type(P) is type)

# positional, keyword and mixed construction
p = P(1, 2)
print(p, repr(p), str(p))
print(P(y=4, x=3), P(5, y=6), Q(1, c=3, b=2))
print(E(), E2(), len(E()), bool(E()), E() == ())
print(S(*range(6)))
print(R([1, 2], {"k": None}))
print(P("s", (1, 2)), P(None, True), P(1.5, -2))

# fields by name and by index, slices, negative indexes
print(p.x, p.y, p[0], p[1], p[-1], p[-2], p[:], p[1:], p[::-1])
print(p._fields, p.count(1), p.index(2))

# a tuple in every other respect
print(len(p), bool(p), list(p), tuple(p), [f for f in p])
x, y = p
print(x, y)
print(p + p, p + (3,), (0,) + p, p * 2, p * 0)
print(p == (1, 2), (1, 2) == p, p != (1, 2), p == (2, 1), p == [1, 2])
print(p < (1, 3), p > (1, 1), p <= p, p >= (2,), max(p), sum(p))
print(hash(p) == hash((1, 2)), {p: "v"}[(1, 2)], (1, 2) in {p})
print(isinstance(p, tuple), isinstance(p, P), type(p) is P, issubclass(P, tuple))
print(1 in p, 3 in p, sorted(P(2, 1)))
print("{}/{}".format(*p), "%s" % (p,))
print(P(1, 2) == Q(1, 2, 3)[:2], P(1, 2) == R(1, 2))

# namedtuple types are independent
A1 = namedtuple("A", "f")
A2 = namedtuple("A", "g")
print(A1(1), A2(2), A1 is A2, A1(1) == A2(1))

# nested
Line = namedtuple("Line", "start end")
ln = Line(P(0, 0), end=P(3, 4))
print(ln, ln.end.y, ln[0].x)

# _make, _asdict, _replace
print(P._make([7, 8]), P._make(range(2)), P._make(iter("ab")))
print(p._asdict(), S(*range(6))._asdict(), E()._asdict())
d = p._asdict()
d["x"] = 100
print(p, d)
print(p._replace(x=10), p._replace(y=20, x=10), p._replace(), p)
print(type(p._replace(x=0)) is P, p._replace(x=0) == (0, 2))
print(Q._make((1, 2, 3))._replace(b="bee"))

# the class can be subclassed
class Vec(namedtuple("Vec", "x y")):
    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def norm2(self):
        return self.x * self.x + self.y * self.y

v = Vec(1, 2)
w = v + Vec(y=10, x=20)
print(tuple(w), w.x, w.y, w[0], len(w), w.norm2(), isinstance(w, tuple))
print(w == (21, 12), list(w), Vec._fields)
x, y = w
print(x, y)

# many fields
Big = namedtuple("Big", ["f%d" % i for i in range(40)])
b = Big(*range(40))
print(b.f0, b.f39, b[20], len(b), sum(b))
print(Big(**{"f%d" % i: i * i for i in range(40)}).f39)
