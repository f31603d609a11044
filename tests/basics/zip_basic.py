# zip
print(list(zip()), list(zip([1, 2, 3])), list(zip("ab", [1, 2, 3])), list(zip([], [1])), list(zip(range(3), "xyz", (9, 8, 7))))
print(dict(zip("ab", "cd")), list(zip(*[(1, 2), (3, 4)])))
z = zip([1], [2])
print(next(z), type(z).__name__, list(z))
def gen():
    for i in range(3):
        print("gen", i)
        yield i
print(list(zip(gen(), "ab")))
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)
t(lambda: zip(1))
t(lambda: zip([1], 2))
