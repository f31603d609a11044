# MicroPython: a time.py on sys.path comes before the extensible built-in time;
# utime still reaches the built-in, and non-extensible modules (gc) always win
import sys

d = __file__.rsplit("/", 1)[0] if "/" in __file__ else "."
sys.path.insert(0, d + "/impkg_ext")
import time

print(hasattr(time, "fake"), hasattr(time, "ticks_ms"))
import utime

print(hasattr(utime, "fake"), hasattr(utime, "ticks_ms"))
del sys.path[0]
sys.modules.pop("time", None)
import time

print(hasattr(time, "fake"), hasattr(time, "ticks_ms"))

# an empty sys.path asks for built-ins only, even over sys.modules
saved = sys.path[:]
sys.path.insert(0, d + "/impkg_ext")
sys.modules.pop("time", None)
import time

print(hasattr(time, "fake"))
sys.path.clear()
import time

print(hasattr(time, "fake"), hasattr(time, "ticks_ms"))
sys.path.extend(saved)
