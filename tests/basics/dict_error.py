# bad input to dicts
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e.args if isinstance(e, KeyError) else "")

d = {1: 2}
t(lambda: d[3])
t(lambda: d["x"])
t(lambda: d[(1, 2)])
t(lambda: d[[1]])
t(lambda: {[1]: 2})
t(lambda: d.pop(5))
t(lambda: {}.popitem())
t(lambda: dict(1))
t(lambda: dict([1]))
t(lambda: dict([(1, 2, 3)]))
t(lambda: dict([(1,)]))
t(lambda: dict({}, {}))
t(lambda: d.update(1))
t(lambda: d.update({}, {}))
t(lambda: d | [(1, 2)])
t(lambda: d < d)
t(lambda: hash(d))
t(lambda: d.get())
t(lambda: d.setdefault({}, 1))
def delitem(k):
    del d[k]
t(lambda: delitem(7))
t(lambda: delitem([]))
try:
    d["missing"]
except KeyError as e:
    print(e.args)
try:
    {}.popitem()
except KeyError as e:
    print(e.args)
print(d)
