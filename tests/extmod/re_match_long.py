# long subjects within the matcher's backtracking depth
import re

m = re.match("(a|b)*", "ab" * 500)
print(len(m.group(0)), m.group(1), m.span(1))
m = re.match("(?:a|b)*c", "ab" * 500 + "c")
print(len(m.group(0)))
m = re.match(".*", "x" * 5000)
print(len(m.group(0)))
m = re.match(".*?y", "x" * 5000 + "y")
print(len(m.group(0)))
m = re.match(r"(\d+)", "7" * 3000)
print(m.end(1))
m = re.search("needle", "hay" * 3000 + "needle")
print(m.span())
print(len(re.sub("a", "bb", "a" * 3000)))
print(len(re.sub(r"\s+", " ", " \t " * 2000)))
print(len(re.compile(",").split("x," * 3000)))
