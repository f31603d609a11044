# struct behaviour where MicroPython differs from CPython on purpose
import struct

# unpack accepts a buffer longer than the format
print(struct.unpack("<h", b"\x01\x02\x03"), struct.unpack("<bb", b"1234"))

# pack leaves missing values zero and ignores surplus ones
print(struct.pack("<2I", 1), struct.pack("<bb", 1, 2, 3), struct.pack("<3b", 1, 2, 3, 4))
print(struct.pack("<hs", 1), struct.pack("<xb"), struct.pack("<2sb", b"ab", 1, 2))

# ints are truncated to the field (MicroPython 1.x)
print(struct.pack("<b", 300), struct.pack("<B", -1), struct.pack("<h", 0x12345), struct.pack("<H", -2))
print(struct.pack("<i", 2**40 + 5), struct.pack("<I", -1), struct.pack("<q", 2**64 + 3), struct.pack("<Q", -1))

# 's' takes any buffer
print(struct.pack("4s", bytearray(b"ba")), struct.pack("4s", memoryview(b"mv")), struct.pack("3s", "str"))

# a zero count aligns nothing
print(struct.calcsize("b0h"), struct.calcsize("b0hb"), struct.calcsize("b0q"))

# pack_into writes no pad or alignment bytes after the last value
buf = bytearray(b"----------")
struct.pack_into("<x", buf, 0)
struct.pack_into("bi", buf, 1, 1, 2)
print(buf)

# unpack and unpack_from read from str data too
print(struct.unpack("<2B", "ab"), struct.unpack_from("<B", "xyz", 2))

# 'O' holds an object reference, 'P' a pointer-sized unsigned int (32-bit here)
class A:
    pass

a = A()
print(struct.unpack("<O", struct.pack("<O", a))[0] is a, struct.unpack("O", struct.pack("O", a))[0] is a)
print(struct.calcsize("<P"), struct.pack("<P", 0x12345678), struct.unpack("<P", b"\xff\xff\xff\xff"))
print(struct.calcsize("bO"), struct.calcsize("<bO"))

# a NUL ends the format, as in C
print(struct.calcsize("<h\x00zz"), struct.pack("<b\x00b", 1, 2))
