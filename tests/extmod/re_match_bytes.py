# bytes patterns on bytes subjects
import re

print(re.match(b"a+", b"aaab").group(0))
print(re.search(rb"\d+", b"ab123c").group(0))
print(re.match(rb"(\w+)=(\w*)", b"key=val;").groups())
print(re.match(b"[\x80-\xff]+", b"\x80\x90\xffa").group(0))
print(re.match(b"[\x01-\x7f]+", b"ab\x90").group(0))
print(re.match(b"\xc3\xa9+", "éé".encode()).group(0))
print(re.search(b".$", b"xyz\xfe").group(0))
print(re.compile(b"(a)(b)?").match(b"ac").groups())
print(re.compile(b"b").split(b"abcbd"))
print(re.sub(b"b", b"\\\\", b"abc"))
print(re.match(b"", b"").span())

# non-ASCII str subjects: positions are characters
m = re.search("(?:é)+", "aééb")
print(m.group(0), m.span())
m = re.search("(€)(x)", "€€x")
print(m.groups(), m.span(1), m.span(2))
print(re.sub("é", "e", "café é"))
print(re.compile("ü").split("aübüc"))
