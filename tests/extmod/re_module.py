# the re module is extensible: `import ure` gives the same module
import re
import ure

print(ure is re, re.__name__)
print(ure.match("a", "a").group(0))
print(hasattr(re, "compile"), hasattr(re, "match"), hasattr(re, "search"), hasattr(re, "sub"))
p = re.compile("a")
print(hasattr(p, "match"), hasattr(p, "search"), hasattr(p, "split"), hasattr(p, "sub"))
m = p.match("a")
print(hasattr(m, "group"))
