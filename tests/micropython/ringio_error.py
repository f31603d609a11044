# micropython.RingIO: a byte ring buffer stream; bad sizes and buffers raise
# as MicroPython's (TypeError, ValueError), partial writes return their count
import micropython

rb = micropython.RingIO(4)
print(rb, rb.any())
print(rb.write(b"abcdef"), rb.any(), rb.read(2), rb.any())
print(rb.write(b"XY"), rb.read(), rb.read(), rb.any())
rb.write(b"l1\nl2")
print(rb.readline(), rb.readline())
buf = bytearray(3)
rb.write(b"xyz")
print(rb.readinto(buf), buf)
rb.close()
for bad in (None, "abc", 1.5):
    try:
        micropython.RingIO(bad)
    except TypeError as e:
        print("TypeError")
for bad in (0, -1, 65535, 100000, bytearray(0), bytearray(1), bytearray(70000)):
    try:
        micropython.RingIO(bad)
        print("no error", bad)
    except ValueError as e:
        print("ValueError", repr(e))
try:
    micropython.RingIO(b"read-only bytes")
except TypeError as e:
    print("TypeError")
ba = bytearray(3)
r = micropython.RingIO(ba)
print(r.write(b"pqr"), ba[:2], r.read())
