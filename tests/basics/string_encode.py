# str.encode / bytes.decode / str(bytes, encoding)
s = "hello"
print(s.encode(), s.encode("utf-8"), s.encode("ascii"), str(b"abc", "utf-8"), b"abc".decode())
print(b"xyz".decode("utf-8"), bytearray(b"ab").decode(), str(bytearray(b"cd"), "utf-8"), str(b"", "utf-8"))
print(bytes("abc", "utf-8"), bytearray("abc", "utf-8"), bytes("", "utf-8"))
try:
    bytes("abc")
except TypeError:
    print("TypeError")
try:
    b"\xff".decode()
except UnicodeError:
    print("UnicodeError")
try:
    "abc".encode("nope")
except LookupError:
    print("LookupError")
print(b"a\xffb".decode("utf-8", "ignore"), b"a\xffb".decode("utf-8", "replace") == "a\ufffdb")
print(b"a\xffb".decode(errors="ignore"), "x".encode(encoding="utf-8"), b"y".decode(encoding="ascii"))
try:
    b"a".decode(bad=1)
except TypeError:
    print("TypeError")
