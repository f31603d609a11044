# character sets and named classes
import re


def show(pattern, subject):
    m = re.match(pattern, subject)
    print(repr(pattern), repr(subject), None if m is None else m.group(0))


# sets, ranges, negation
show("[abc]+", "cabbage")
show("[a-c]+", "cabbage")
show("[a-cx-z0-9]+", "az09by!")
show("[^a-c]+", "xyzabc")
show("[^abc]", "a")
show("[.]", ".")
show("[.]", "x")
show("[*+?(){}|$^]+", "*+?(){}|$^x")
show("[a^]+", "^a^b")
show("[-a]+", "-a-b")
show("[a-]+", "a--b")
show(r"[\-]", "-")
show(r"[\]]", "]")
show(r"[\\]", "\\")
show(r"[a\-z]+", "a-zb")

# named classes
show(r"\d+", "0123x")
show(r"\D+", "abc1")
show(r"\w+", "ab_C9-")
show(r"\W+", " -+a")
show(r"\s+", " \t\n\r\x0b\x0cx")
show(r"\S+", "ab c")

# named classes inside sets
show(r"[\d.]+", "3.14x")
show(r"[\s,]+", " , ,x")
show(r"[^\d]+", "ab1")
show(r"[^\s]+", "ab c")
show(r"[\w-]+", "a-b_c d")
show(r"[\D]+", "ab1")
show(r"[\W\d]+", " 1!a")

# classes in longer patterns
m = re.match(r"(\d+)-(\d+)-(\d+)", "2024-01-31T")
print(m.group(1), m.group(2), m.group(3))
m = re.match(r"([A-Za-z_]\w*)\s*=\s*(\S+)", "name_1  =  value;x")
print(m.group(1), m.group(2))
