# invalid operations on str raise TypeError
for op in (lambda: "a" + 1, lambda: 1 + "a", lambda: "a" + b"a", lambda: "a" * "b", lambda: "a" * 1.5,
           lambda: "a" < 1, lambda: 1 in "a", lambda: b"a" in "a", lambda: "a" - "b", lambda: -"a"):
    try:
        op()
    except TypeError:
        print("TypeError")
try:
    "abc"[3]
except IndexError:
    print("IndexError")
try:
    k = "x"
    "abc"[k]
except TypeError:
    print("TypeError")
try:
    "abc"[0] = "x"
except TypeError:
    print("TypeError")
print("a" == 1, "a" != 1, "a" == b"a")
