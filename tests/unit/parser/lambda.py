f = lambda: 0
g = lambda a, *b, c=1, **d: a
