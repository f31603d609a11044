# struct 'O' and array('O') hold object references: packing and unpacking a
# live object round-trips, but a word that names no object is refused with
# ValueError instead of crashing (MicroPython would fault on it)
import struct, array

class A:
    pass

o = A()
print(struct.unpack("<O", struct.pack("<O", o))[0] is o)
for x in (None, True, False, 123, -5, "qstr", print, int, A):
    print(struct.unpack("<O", struct.pack("<O", x))[0] is x)
for raw in (b"\x00\x00\x00\x00", b"\xf0\xff\xff\xff", b"\x10\x00\x00\x00", b"\x12\x34\x56\x70", b"\x0a\xff\xff\x7f", b"\x02\x00\xff\x7f"):
    try:
        print(struct.unpack("<O", raw))
    except ValueError as e:
        print("ValueError", e)
a = array.array("O", [o, 1, "s"])
print(a[0] is o, a[1], a[2])
b = array.array("O", b"\xf0\xff\xff\xff\x01\x00\x00\x00")
try:
    print(b[0])
except ValueError as e:
    print("ValueError", e)
print(b[1])
try:
    print(list(b))
except ValueError as e:
    print("ValueError", e)
print("still running")
