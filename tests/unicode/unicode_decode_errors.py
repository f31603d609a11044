# invalid UTF-8 raises UnicodeError; errors='ignore'/'replace'
for b in (b"\xff", b"\xc3", b"a\xe2\x82", b"\xc3(", b"\xf8\x88\x80\x80\x80"):
    try:
        print(b.decode())
    except UnicodeError:
        print("UnicodeError")
print(repr(b"a\xffb\xc3".decode("utf-8", "ignore")), b"a\xffb".decode("utf-8", "replace") == "a\ufffdb")
print(str(b"ok\xff", "utf-8", "ignore"), bytearray(b"\xe2\x82\xac").decode())
try:
    "é".encode("ascii")
except UnicodeError:
    print("UnicodeError")
try:
    b"\x80".decode("ascii")
except UnicodeError:
    print("UnicodeError")
print(b"abc".decode("ascii"), "abc".encode("ascii"))
