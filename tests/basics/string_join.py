# str.join and bytes.join with lists, tuples and other iterables
print(",".join(["a", "b", "c"]), "".join(("x", "y")), "-".join([]), "-".join(["only"]))
print(", ".join(str(i) for i in range(5)), "+".join("abc"), "/".join({"k": 1}))
print(b" ".join([b"a", b"b"]), b"".join((b"x", bytearray(b"y"))), bytearray(b",").join([b"1", b"2"]))
for bad in (["a", 1], [b"a"], "ab" and [None]):
    try:
        ",".join(bad)
    except TypeError:
        print("TypeError")
try:
    b",".join(["a"])
except TypeError:
    print("TypeError")
try:
    ",".join(5)
except TypeError:
    print("TypeError")
