# bad input to lists: the exception is printed and the program goes on
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)

l = [1, 2, 3]
t(lambda: l[3])
t(lambda: l[-4])
t(lambda: l["a"])
t(lambda: l.pop(5))
t(lambda: [].pop())
t(lambda: l.remove(9))
t(lambda: l.index(9))
t(lambda: l.index(1, 1))
t(lambda: l + (1,))
t(lambda: l * "a")
t(lambda: l < (1,))
t(lambda: [1] < ["a"])
t(lambda: hash(l))
t(lambda: {l: 1})
t(lambda: l.sort(1))
t(lambda: l.sort(foo=1))
t(lambda: [3, "a", 1].sort())
t(lambda: [1, 2].sort(key=lambda x: 1 / 0))
t(lambda: l.insert("a", 1))
t(lambda: list(1))
t(lambda: list(1, 2))
t(lambda: l[::0])
t(lambda: l.extend(5))
def setitem(i, v):
    l[i] = v
t(lambda: setitem(5, 0))
t(lambda: setitem(slice(None, None, 2), [1]))
t(lambda: setitem(slice(0, 1), 5))
def delitem(i):
    del l[i]
t(lambda: delitem(7))
try:
    [].pop()
except IndexError as e:
    print(e)
try:
    l[10]
except IndexError as e:
    print(e)
# the list is unchanged by failed operations
print(l)
# list modified during sort
m = [3, 2, 1]
def key(x):
    m.append(x)
    return x
t(lambda: m.sort(key=key))
print(m)
