# str.replace with counts, empty patterns and growth/shrink
s = "one two one two one"
print(s.replace("one", "1"), s.replace("one", "1", 2), s.replace("one", "1", 0), s.replace("one", "1", -1))
print(s.replace("x", "y"), s.replace("one", ""), s.replace(" ", "---"))
print("abc".replace("", "-"), "abc".replace("", "-", 2), "".replace("", "x"), "".replace("a", "b"))
print("aaa".replace("a", "aa"), "aaaa".replace("aa", "b"), "abc".replace("abcd", "x"))
print(b"a.b.c".replace(b".", b"::"), bytearray(b"xyx").replace(b"x", b"z"))
s2 = "keep"
print(s2.replace("z", "y") is s2)
try:
    "abc".replace("a", 1)
except TypeError:
    print("TypeError")
