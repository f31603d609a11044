# re.DEBUG lists the compiled byte code (MICROPY_PY_RE_DEBUG)
import re

for p in ("a*?b+?c??", "[é]", r"(x|yz)+\d[^a-c\s]", "(?:ab)*$", r"[\W-]", "a|b|c"):
    print(p)
    re.compile(p, re.DEBUG)
print(re.compile("x", re.DEBUG | 1).match("x").group(0))
