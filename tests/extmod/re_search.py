# re.search and pattern.search with start and end positions
import re


def show(m):
    print(None if m is None else m.group(0))


show(re.search("o+", "foobar"))
show(re.search("x", "foobar"))
show(re.search("b.r$", "foobar"))
show(re.search("^b", "foobar"))
show(re.search("^f", "foobar"))
show(re.search("", "abc"))
show(re.search("a|b$", "xxb"))
show(re.search(r"\d\d", "a1b22c333"))
show(re.search("(a|ab)(c|bcd)", "xabcd"))

p = re.compile("o")
for args in ((0,), (1,), (2,), (3,), (10,), (-5,), (0, 1), (0, 2), (2, 1), (1, 100), (-3, -1)):
    show(p.search("dog", *args))
    show(p.match("dog", *args))

# ^ only at the real start, $ at endpos
p = re.compile("^o")
show(p.search("oo", 1))
p = re.compile("g$")
show(p.search("dogs", 0, 3))
show(p.search("dogs"))

# a long subject
s = "x" * 2000 + "needle" + "y" * 100
m = re.search("ne+dle", s)
print(m.group(0), m.start(), m.end())
