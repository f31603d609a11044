# filter
print(list(filter(None, [0, 1, "", "a", None, [], [0], False, True])))
print(list(filter(lambda x: x % 2, range(10))), list(filter(str.isdigit, "a1b2")), list(filter(None, [])))
f = filter(None, (1, 0))
print(type(f).__name__, next(f))
def t(g):
    try:
        print(g())
    except Exception as e:
        print(type(e).__name__)
t(lambda: filter(None))
t(lambda: filter(None, 5))
t(lambda: list(filter(lambda x: 1 / x, [1, 0])))
t(lambda: list(filter(5, [1])))
