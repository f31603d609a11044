# comparing, hashing and printing very deeply nested containers raises
# RuntimeError (CPython: RecursionError, a subclass) instead of crashing
def check(f):
    try:
        f()
        print("no error")
    except RuntimeError:
        print("RuntimeError")

a = []
b = []
for i in range(1200):
    a = [a]
    b = [b]
check(lambda: a == b)
check(lambda: a < b)
check(lambda: repr(a))
del a, b
t = ()
for i in range(1200):
    t = (t,)
check(lambda: t == t[0])
del t
d = {}
e = {}
for i in range(1100):
    d = {1: d}
    e = {1: e}
check(lambda: d == e)
del d, e
# moderately deep structures work
x = y = ()
for i in range(50):
    x = (x, i)
    y = (y, i)
print(x == y, hash(x) == hash(y), x < (x,), len(repr(x)))
print("alive")
