# map (the built-in)
print(list(map(abs, [-1, 2, -3])), list(map(lambda x, y: x + y, [1, 2], [10, 20, 30])), list(map(str, range(3))))
print(list(map(pow, [2, 3], [3, 2], [100, 5])), list(map(len, [])), list(map(lambda: 1, [])))
m = map(lambda x: x * 2, "ab")
print(type(m).__name__, next(m), list(m))
def t(g):
    try:
        print(g())
    except Exception as e:
        print(type(e).__name__)
t(lambda: map(abs))
t(lambda: map(abs, 5))
t(lambda: list(map(lambda x: 1 / x, [1, 0])))
t(lambda: list(map(5, [1])))
