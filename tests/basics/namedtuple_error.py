# collections.namedtuple: bad arguments, with MicroPython's messages
# (compared with MicroPython's unix port)
from collections import namedtuple


def check(f, *args, **kw):
    try:
        print("ok", f(*args, **kw))
    except Exception as e:
        print(type(e).__name__, repr(e.args))


T = namedtuple("T", ["a", "b"])

# too many or too few values, bad keywords
check(T)
check(T, 1)
check(T, 1, 2, 3)
check(T, b=1)
check(T, 1, 2, a=3)
check(T, 1, c=2)
check(T, 1, a=2)
check(T, a=1, b=2, c=3)
check(T, *range(5))
check(T, **{"a": 1})
check(T, 1, **{"b": 2})

# namedtuple() itself
check(namedtuple)
check(namedtuple, "T")
check(namedtuple, "T", "a", "b")
check(namedtuple, 1, "a")
check(namedtuple, None, ["a"])
check(namedtuple, "T", 1)
check(namedtuple, "T", None)
check(namedtuple, "T", {"a": 1})
check(namedtuple, "T", [1])
check(namedtuple, "T", ["a", None])
check(namedtuple, "T", ("a", b"b"))
check(namedtuple, b"T", "a")

# instances are read-only
t = T(1, 2)
def setattr_(name, v):
    setattr(t, name, v)
def delattr_(name):
    delattr(t, name)
check(setattr_, "a", 5)
check(setattr_, "z", 5)
check(delattr_, "a")
def setitem():
    t[0] = 5
def delitem():
    del t[0]
check(setitem)
check(delitem)
print(t)

# missing attributes and indexes
check(lambda: t.c)
check(lambda: t[2])
check(lambda: t["a"])
check(lambda: T.c)

# a subclass instance prints as its namedtuple base
class U(T):
    pass
u = U(3, 4)
print(u, u.a, u[1], type(u).__name__)
check(U, 1)
