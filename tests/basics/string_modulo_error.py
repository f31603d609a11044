# errors of % formatting
tests = [("%", ()), ("%s %s", (1,)), ("%s", (1, 2)), ("%(a)s", (1,)), ("%(a", {"a": 1}), ("%(b)s", {"a": 1}),
         ("%d", ("x",)), ("%c", ("ab",)), ("%c", (1.5,)), ("%y", (1,)), ("%*d", ("x", 1)), ("%.", (1,)),
         ("%5", (1,)), ("%x", (1.5,)), ("%f", ("x",))]
for fmt, args in tests:
    try:
        print(repr(fmt % args))
    except (ValueError, TypeError, KeyError) as e:
        print(repr(fmt), type(e).__name__)
print("done")
