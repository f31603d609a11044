# str.split / rsplit with separators and maxsplit
print("a b  c".split(), "  a b  ".split(), "".split(), "   ".split())
print("a b c d".split(None, 1), "a b c d".split(None, 0), " a  b c ".split(None, 2))
print("a,b,,c".split(","), "a,b,,c".split(",", 1), ",".split(","), "".split(","))
print("a--b--c".split("--"), "a--b--c".split("--", -1), "abc".split("abc"))
print("a,b,c,d".rsplit(",", 1), "a,b,c,d".rsplit(",", 2), "a,b,c".rsplit(",", 0))
print("a,b,c".rsplit(","), "a,,b".rsplit(",", 5), "aaaa".rsplit("aa", 1))
print("a b c".rsplit(), "a\tb\nc\rd\x0be\x0cf".split())
for sep in ("", b","):
    try:
        "a,b".split(sep)
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
try:
    "a,b".rsplit("", 1)
except ValueError:
    print("ValueError")
