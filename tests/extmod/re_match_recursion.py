# the matcher backtracks on a bounded stack: a pattern or subject that needs
# too much raises RuntimeError (as MicroPython's C-stack check does), and
# the runtime carries on
import re


def test(f):
    try:
        r = f()
        print("result", r)
    except RuntimeError as e:
        print("RuntimeError", e)


# an empty loop body repeats forever
test(lambda: re.match("(a*)*", "aaa"))
test(lambda: re.match("(a?)+b", "aab"))
test(lambda: re.search("(x*)*y", "aaa"))
test(lambda: re.sub("(a*)*", "-", "aa"))
test(lambda: re.compile("(a*)*").split("aa"))

# each repetition of a group is one level deeper
test(lambda: len(re.match("(a|b)*", "ab" * 50).group(0)))
test(lambda: len(re.match("(a|b)*", "ab" * 20000).group(0)))
test(lambda: len(re.match(".*", "x" * 50000).group(0)))
test(lambda: len(re.search("x.*y", "x" + "a" * 50000 + "y").group(0)))

# groups nested too deeply
test(lambda: re.compile("(?:" * 20000 + "a" + ")" * 20000))
test(lambda: re.compile("(" * 20000 + "a" + ")" * 20000))

# a search that never nests is not limited by the subject's length
test(lambda: re.search("y", "x" * 50000 + "y").group(0))
test(lambda: len(re.compile(",").split("a," * 5000)))

# and afterwards everything works
print(re.match("(a|b)*c", "ababc").group(0))
