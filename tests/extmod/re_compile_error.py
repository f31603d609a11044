# bad patterns: MicroPython raises ValueError, with "regex too complex" for
# errors found while sizing the code and "error in regex" for an unmatched ")"
import re


def test(pattern):
    try:
        re.compile(pattern)
        print(repr(pattern[:24]), "OK")
    except Exception as e:
        print(repr(pattern[:24]), type(e).__name__, e)


# nothing to repeat
for p in ("*", "?", "+", "a**", "a+*", "|*", "(*)", "^*", "$+", "(?:)*"):
    test(p)

# unbalanced groups and sets, trailing backslash
for p in ("(", "(a", "((a)", ")", "a)", "(a))", "[", "[a", "[^", "([)", "[a\\]", "a\\", "[\\"):
    test(p)

# unsupported syntax that is rejected
for p in ("(?P<name>a)", "(?=a)", "(?!a)", "(?<=a)", "(?i)a"):
    test(p)

# too big for the byte code: set sizes, group numbers, jump offsets
test("[" + "a" * 127 + "]")
test("[" + "a" * 128 + "]")
test("(a)" * 63)
test("(a)" * 64)
test("(" + "a" * 61 + ")?")
test("(" + "a" * 62 + ")?")
test("b" * 62 + "|a")
test("b" * 63 + "|a")

# not a str or bytes
for p in (1, None, ["a"]):
    try:
        re.compile(p)
    except TypeError as e:
        print("TypeError", e)
try:
    re.match("a", 1)
except TypeError as e:
    print("TypeError", e)
try:
    re.compile("a").split(2)
except TypeError as e:
    print("TypeError", e)
try:
    re.sub("a", 3, "a")
except TypeError as e:
    print("TypeError", e)
try:
    re.sub("a", lambda m: 3, "a")
except TypeError as e:
    print("TypeError", e)

# the module still works
print(re.match("a+", "aab").group(0))
