# packages: __init__.py, submodules, attribute binding, sys.modules caching
import sys
import impkg_a

print(impkg_a.x, impkg_a.__name__)
import impkg_a.mod1

print(impkg_a.mod1.f())
import impkg_a.mod1 as m

print(m is impkg_a.mod1)
from impkg_a import mod1

print(mod1 is m)
from impkg_a.mod1 import f

print(f())
import impkg_a.sub.mod2

print(impkg_a.sub.mod2.__name__)
print("impkg_a" in sys.modules, "impkg_a.sub" in sys.modules, "impkg_a.sub.mod2" in sys.modules)
print(sys.modules["impkg_a.mod1"] is m)

# a second import runs nothing
import impkg_a.sub.mod2
import impkg_a

# removing a module from sys.modules makes the next import run it again
del sys.modules["impkg_a.mod1"]
import impkg_a.mod1

print(impkg_a.mod1 is m)
