# enumerate
print(list(enumerate("abc")), list(enumerate([])), list(enumerate([5, 6], 10)), list(enumerate("xy", start=-1)))
print(list(enumerate(iterable=[1, 2])), list(enumerate(start=5, iterable="a")), list(enumerate(range(3), True)))
e = enumerate({"k": 1})
print(next(e), type(e).__name__)
for i, c in enumerate("hi"):
    print(i, c)
print(list(enumerate([1, 2], 2**40)))
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)
t(lambda: enumerate())
t(lambda: enumerate(5))
t(lambda: enumerate([1], 1.5))
t(lambda: enumerate([1], foo=2))
t(lambda: enumerate([1], 2, 3))
