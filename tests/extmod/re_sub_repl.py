# re.sub and pattern.sub: group references, callables, count, bytes
import re

print(re.sub("a", "x", "banana"))
print(re.sub("an", "", "banana"))
print(re.sub("z", "x", "banana"))
print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "joe@home, ann@work"))
print(re.sub(r"(\w+)@(\w+)", r"\g<2> at \g<1>", "joe@home, ann@work"))
print(re.sub(r"(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)", r"\11\10\1", "abcdefghijk"))
print(re.sub(r"(a)", r"\g<1>0", "a"))
print(re.sub(r"(a)", r"[\g<0>]", "cat"))
print(re.sub("b", r"\\", "abc"))
print(re.sub("b", "\\\\\\\\", "abc"))
print(re.sub("(x)?b", r"<\1>", "abc"))
print(re.sub("^a", "A", "aaa"))
print(re.sub("a$", "A", "aaa"))
print(re.sub("[aeiou]", "", "the quick brown fox"))
print(re.sub(r"\s+", " ", "  lots   of\t\nspace  "))

# a function of the match
print(re.sub(r"\d+", lambda m: str(int(m.group(0)) + 1), "a1b22c333"))
print(re.sub(r"(\w)(\w*)", lambda m: m.group(1).upper() + m.group(2), "hello big world"))
seen = []


def record(m):
    seen.append(m)
    return "#"


print(re.sub(r"\d", record, "a1b2c3"))
print([m.group(0) for m in seen], [m.span() for m in seen])

# a compiled pattern, and count
p = re.compile("a")
print(p.sub("x", "banana"))
print(p.sub("x", "banana", 1))
print(p.sub("x", "banana", 2))
print(p.sub("x", "banana", 0))
print(re.sub(p, "y", "banana"))

# bytes
print(re.sub(b"a+", b"-", b"baaanaana"))
print(re.sub(rb"(\d)", rb"<\1>", b"a1b2"))
print(re.sub(b"x", lambda m: b"yy", b"axbx"))

# the replacement function's errors propagate
def boom(m):
    raise ValueError("boom")


try:
    re.sub("a", boom, "a")
except ValueError as e:
    print("ValueError", e)

# a bad group reference
for repl in (r"\2", r"\g<5>", r"\9"):
    try:
        re.sub("(a)", repl, "a")
    except Exception:
        print("bad reference", repl)
