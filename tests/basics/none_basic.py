# None
print(None, repr(None), str(None), type(None).__name__, bool(None), None is None, None == None)
print(None == 0, None != False, [None][0] is None, {None: 1}[None])
n = type(None)
print(n.__name__)
z = None
for bad in (lambda: z(), lambda: len(z), lambda: z[0], lambda: z.x, lambda: z + 1, lambda: iter(z)):
    try:
        bad()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__)
