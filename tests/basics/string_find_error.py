# bad arguments to the search methods
for args in ((1,), (b"a",), ("a", "x"), ("a", 0, "y")):
    try:
        "abc".find(*args)
    except TypeError:
        print("TypeError", len(args))
try:
    "abc".count(1)
except TypeError:
    print("TypeError count")
print("done")
