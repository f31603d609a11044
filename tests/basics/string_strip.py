# strip / lstrip / rstrip, default whitespace and given characters
s = " \t\n hello \r\x0b\x0c "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "xyhiyx".strip("xy"), "hi".strip("xyz"), "xxx".strip("x"))
print(repr("".strip()), repr("   ".strip()), repr("  ".lstrip()), repr("  ".rstrip()))
print("abcba".lstrip("ab"), "abcba".rstrip("ab"), "abc".strip(""), "abc".strip(None))
print(b"  x  ".strip(), b"--x--".strip(b"-"), bytearray(b"  y ").strip())
s = "same"
print(s.strip() is s)
try:
    "abc".strip(1)
except TypeError:
    print("TypeError")
try:
    b"abc".strip("a")
except TypeError:
    print("TypeError")
