# OSError messages name the errno, as MicroPython does (CPython differs: .exp)
print(str(OSError(2)))
print(str(OSError(2, "msg")))
print(str(OSError(12, "out")))
print(str(OSError(999, "unknown")))
print(str(OSError(1, 2, 3)))
print(repr(OSError(2, "x")))
e = OSError(13, "denied")
print(e.errno, e.args)
try:
    raise OSError(2, "gone")
except OSError as e:
    print("caught", e)
