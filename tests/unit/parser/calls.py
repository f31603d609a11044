f()
f(a, b=1, *c, **d)
f(x for x in y)
x.y.z(1)[2:3, ::4]
