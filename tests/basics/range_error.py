# bad input to range
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)

t(lambda: range())
t(lambda: range(1, 2, 3, 4))
t(lambda: range(1, 2, 0))
t(lambda: range("a"))
t(lambda: range(1.5))
t(lambda: range(3)[3])
t(lambda: range(3)[-4])
t(lambda: range(3)["x"])
t(lambda: range(3)[::0])
def setitem():
    range(3)[0] = 1
t(setitem)
t(lambda: range(3) + range(2))
t(lambda: range(3) < range(4))
print(range(2))
