# relative imports inside a package, and outside any package
import impkg_a.sub.mod2 as m2

print(m2.sibling.y, m2.yy, m2.f())

# the main script is not in a package (MicroPython raises KeyError here)
try:
    from . import something
except (ImportError, KeyError):
    print("can't import relative")
