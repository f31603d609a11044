# bad input to tuples
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)

x = (1, 2)
t(lambda: x[2])
t(lambda: x[-3])
t(lambda: x["a"])
t(lambda: x + [1])
t(lambda: x * 1.5)
t(lambda: x < [1])
t(lambda: x.index(5))
t(lambda: tuple(5))
t(lambda: hash(([1],)))
t(lambda: x[::0])
def setitem():
    x[0] = 1
t(setitem)
def delitem():
    del x[0]
t(delitem)
try:
    x[5]
except IndexError as e:
    print(e)
print(x)
