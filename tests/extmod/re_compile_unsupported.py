# MicroPython's re differs from CPython's on purpose: what its small engine
# reads differently, accepts, or leaves out
import re


def show(pattern, subject):
    m = re.match(pattern, subject)
    print(repr(pattern), repr(subject), None if m is None else m.group(0))


# {} is not a repetition: braces are literal
show("a{2}", "aa")
show("a{2}", "a{2}")
# an escaped letter other than d s w D S W is the letter itself
show(r"\n", "n")
show(r"\t\b", "tb")
show("\n", "\n")
# . matches any byte, newlines too
show("a.c", "a\nc")
# [] is an empty set that matches nothing; ] follows as a literal
show("[]a]", "a]")
show("x[]a]|a]", "a]")
# str patterns work on UTF-8 bytes: a repeat or a set sees single bytes
show("é+", "éé")
show("(?:é)+", "éé")
print(re.match("[é]", "é") is not None)
# a NUL byte ends the pattern
show("ab\x00cd", "abxx")
# ^ and $ only at the ends of the subject (no MULTILINE)
print(re.search("^b", "a\nb"), re.search("a$", "a\nb"))

# str patterns on bytes and bytes patterns on str
show("a+", b"aab")
show(b"a+", "aab")

# split and sub stop at the first empty match
print(re.compile("x*").split("axbxc"))
print(re.compile(" *").split("a b"))
print(re.sub("x*", "-", "abc"))
print(re.sub("b*", "-", "bbabc"))
# split does not support groups in the pattern
try:
    re.compile("(,)").split("a,b")
except NotImplementedError as e:
    print("NotImplementedError", e)
print(re.compile("(,)").split("ab"))
# a group reference is only checked when a match needs it
print(re.sub("(z)", r"\5", "abc"))
print(re.sub("(a)", r"\g<name>", "a"))
print(re.sub("a", r"\x", "a"))
print(re.sub("a", "b\\", "a"))

# group() needs its argument
m = re.match("(a)", "a")
try:
    m.group()
except TypeError:
    print("TypeError")
# flags are accepted by position and ignored
print(re.match("A", "a", 2), re.sub("a", "b", "aa", 1, 2))
print(re.compile("a", 0).match("a").group(0))
print(m)
print(re.match("(a)(b)?(?:c)", "ac"))
print(type(m).__name__, type(re.compile("a")).__name__)
