# bad slices
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)

l = [1, 2, 3]
t(lambda: l[::0])
t(lambda: l["a":])
t(lambda: l[:1.5])
t(lambda: slice(1, 2).indices(-1))
t(lambda: slice(1, 2, 0).indices(3))
t(lambda: slice())
t(lambda: slice(1, 2, 3, 4))
print(l)
