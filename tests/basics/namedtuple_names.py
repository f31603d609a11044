# collections.namedtuple: the checks of type and field names, and errors of
# the _make/_replace/_asdict helpers (CPython's rules and messages)
from collections import namedtuple


def check(f, *args, **kw):
    try:
        r = f(*args, **kw)
        print("ok", r._fields if isinstance(r, type) else r)
    except Exception as e:
        print(type(e).__name__, e)


# valid names, including unusual ones
check(namedtuple, "T", "a b_ c1 _T_ x2y")
check(namedtuple, "_T", "ab")
check(namedtuple, "T_T", ["match", "case", "print", "self", "cls"])
check(namedtuple, "T", "  spaced   out  ")
check(namedtuple, "T", "a,b,,c")
check(namedtuple, "T", " , ")

# invalid identifiers
check(namedtuple, "T", "a-b")
check(namedtuple, "T", ["1a"])
check(namedtuple, "T", ["a b"])
check(namedtuple, "T", ["a", ""])
check(namedtuple, "T", ["a.b"])
check(namedtuple, "T", "ok x$")
check(namedtuple, "1T", "a")
check(namedtuple, "T T", "a")
check(namedtuple, "", "a")

# keywords
check(namedtuple, "T", "a class")
check(namedtuple, "T", ["None"])
check(namedtuple, "T", "if else")
check(namedtuple, "lambda", "a")
check(namedtuple, "T", "async await yield")

# underscores and duplicates (checked after all names are identifiers)
check(namedtuple, "T", "_a")
check(namedtuple, "T", "a _b c")
check(namedtuple, "T", "__a")
check(namedtuple, "T", "a b a")
check(namedtuple, "T", ["x", "x"])
check(namedtuple, "T", "_a 1b")
check(namedtuple, "T", "a a _b")

# the helpers
T = namedtuple("T", "a b")
t = T(1, 2)
check(t._replace, c=3)
check(t._replace, a=0, c=3)
check(t._replace, a=5)
check(T._make, [1])
check(T._make, [1, 2, 3])
try:
    T._make(5)
except TypeError:
    print("TypeError")
check(T._make, "xy")
check(t._asdict)
print(t)
