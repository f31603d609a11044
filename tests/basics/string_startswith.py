# startswith / endswith with tuples and ranges
s = "hello world"
print(s.startswith("hello"), s.startswith("world"), s.startswith("world", 6), s.startswith("wor", 6, 8))
print(s.endswith("world"), s.endswith("hello"), s.endswith("hello", 0, 5), s.endswith("o", 0, -6))
print(s.startswith(("x", "he")), s.startswith(("x", "y")), s.endswith(("ld", "x")), s.startswith(()))
print(s.startswith("", 20), s.endswith("", 11), s.startswith("h", -100), s.endswith("d", -1))
print(b"abc".startswith(b"ab"), b"abc".endswith((b"x", b"bc")), bytearray(b"abc").startswith(b"a"))
try:
    s.startswith(1)
except TypeError:
    print("TypeError")
