# match objects: group, groups, span, start, end
import re

m = re.match(r"(\w+) (\w+)(!)?", "hello world, again")
print(m.group(0), m.group(1), m.group(2), m.group(3))
print(m.groups())
print(m.span(), m.span(0), m.span(1), m.span(2), m.span(3))
print(m.start(), m.end(), m.start(1), m.end(1), m.start(3), m.end(3))

# nested and optional groups
m = re.match(r"((a)(b)?)+(c)?", "aab")
print(m.groups(), m.span(1), m.span(2), m.span(3), m.span(4))

# non-capturing groups are not counted
m = re.match(r"(?:x(y))+(z)", "xyxyz")
print(m.groups(), m.span(1), m.span(2))
m = re.match(r"(?:ab|cd)+", "abcdabx")
print(m.group(0), m.groups())

# a group repeated keeps its last match
m = re.match(r"(\d)+", "12345")
print(m.group(0), m.group(1), m.span(1))

# spans of a str count characters, of bytes count bytes
m = re.search("(b+)", "ééabbbc")
print(m.group(1), m.span(), m.span(1), m.start(1), m.end(1))
m = re.search(b"(b+)", "ééabbbc".encode())
print(m.group(1), m.span(), m.span(1))

# the groups have the subject's type
m = re.match(b"(a)(b)", b"abc")
print(m.groups(), m.group(0))

# bad group numbers
for n in (-1, 4, 100):
    for f in (m.group, m.span, m.start, m.end):
        try:
            f(n)
        except IndexError:
            print("IndexError", n)
try:
    m.group("x")
except (TypeError, IndexError):
    print("bad group")
