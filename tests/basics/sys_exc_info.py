# sys.exc_info(): the exception being handled, (None, None, None) outside handlers
import sys

print(sys.exc_info())
try:
    raise ValueError("v")
except ValueError:
    t, v, tb = sys.exc_info()
    print(t, type(v), v.args)
print(sys.exc_info())


def f():
    try:
        raise KeyError("k")
    except KeyError:
        return sys.exc_info()[0]


print(f())
print(sys.exc_info()[:2])

try:
    try:
        raise TypeError("inner")
    finally:
        print("finally", sys.exc_info()[:2] == (None, None))
except TypeError:
    print("outer", sys.exc_info()[0])
print(sys.exc_info()[:2])
