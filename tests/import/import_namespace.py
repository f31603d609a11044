# a directory without __init__.py is a (namespace) package
import impkg_ns.inner.mod3

print(impkg_ns.inner.mod3.z)
from impkg_ns.inner import mod3

print(mod3.__name__)
