a = (x)
b = ((x, y))
c = (yield)
d = (x for x in y)
