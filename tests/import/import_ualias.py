# MicroPython: u-prefixed names reach the extensible built-in modules; usys is sys
import sys
import utime, uio, usys

print(utime.__name__, uio.__name__, usys is sys)
print(hasattr(utime, "ticks_ms"), hasattr(uio, "StringIO"))
for name in ("umath", "ugc", "umicropython", "ubuiltins", "u"):
    try:
        __import__(name)
        print(name, "imported")
    except ImportError as e:
        print(name, "ImportError", e)
