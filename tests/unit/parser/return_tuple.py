def f():
    return 1, 2
    yield 1, 2
for x in 1, 2: pass
