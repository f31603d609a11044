# bytes operators, indexing, iteration, comparison
b = b"abc"
print(b + b"def", b * 2, 0 * b, b + bytearray(b"x"), b"x" in b, b"ab" in b, 98 in b, 120 in b)
print(b[0], b[-1], b[1:], b[::-1], b[::2], list(b), [x for x in b"\x00\xff"], len(b), bool(b""))
print(b == b"abc", b != b"abd", b < b"abd", b >= b"ab", b == "abc", b == bytearray(b"abc"))
print(hash(b) == hash(b"ab" + b"c"), repr(b"\n\r\t\\\x00\x7f\x80'"), repr(b'"'), repr(b"'\""))
print(str(b"x"), b"x" + memoryview(b"y"))
for op in (lambda: b + "s", lambda: "s" + b, lambda: b * b, lambda: b[5]):
    try:
        op()
    except (TypeError, IndexError) as e:
        print(type(e).__name__)
