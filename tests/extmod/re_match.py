# re.match and pattern.match: literals, repetition, alternation, anchors
import re


def show(pattern, subject):
    m = re.match(pattern, subject)
    print(repr(pattern), repr(subject), None if m is None else m.group(0))


# literals and any
show("abc", "abcdef")
show("abc", "abd")
show("a.c", "axcz")
show("", "abc")
show("...", "ab")

# greedy and non-greedy repetition
show("a*", "aaab")
show("a*", "baa")
show("a+", "aaab")
show("a+", "baa")
show("ab?c", "acx")
show("ab?c", "abcx")
show("a*?b", "aaab")
show("a+?", "aaa")
show("a??b", "ab")
show("<.*>", "<a><b>")
show("<.*?>", "<a><b>")
show("(ab)*c", "ababc")
show("(ab)+?", "ababab")

# alternation
show("cat|dog", "dogs")
show("cat|dog|bird", "bird")
show("a(b|c)d", "acd")
show("a(b|c|)d", "ad")
show("x|", "y")

# anchors
show("^abc$", "abc")
show("^abc$", "abcd")
show("abc$", "abc")
show("a$|b", "b")
show("(^a)*b", "ab")

# escapes of special characters
show(r"a\.b", "a.b")
show(r"a\.b", "axb")
show(r"\(\)", "()")
show(r"\*\+\?", "*+?")
show(r"\[x\]", "[x]")
show(r"\\", "\\")
show(r"\|", "|")
show(r"\^\$", "^$")

# compiled patterns are reusable
p = re.compile("(a+)(b*)")
for s in ("aab", "ab", "b", "aaabbbc"):
    m = p.match(s)
    print(s, m and (m.group(0), m.group(1), m.group(2)))
