# struct.pack_into: offsets from the start and the end, other writable buffers
import struct

buf = bytearray(b">>>123<<<")
struct.pack_into("<bbb", buf, 3, 0x41, 0x42, 0x43)
print(buf)
struct.pack_into("<bbb", buf, -6, 0x44, 0x45, 0x46)
print(buf)
struct.pack_into(">h", buf, 0, 0x3132)
print(buf)
struct.pack_into("<h", buf, -2, 0x3132)
print(buf)
struct.pack_into("<2s", buf, 4, b"xyz")
print(buf)
struct.pack_into("", buf, 9)
print(buf)

# the whole buffer
buf = bytearray(16)
struct.pack_into("<iqf", buf, 0, -1, 2**40, 1.5)
print(buf)
struct.pack_into(">iqf", buf, 0, -1, 2**40, 1.5)
print(buf)
print(struct.unpack_from(">iqf", buf, 0))

# native alignment is relative to the offset
buf = bytearray(16)
struct.pack_into("bi", buf, 1, 1, 2)
print(buf)
buf = bytearray(16)
struct.pack_into("hq", buf, 0, 1, 2)
print(buf)

# memoryview and array targets
ba = bytearray(8)
mv = memoryview(ba)
struct.pack_into("<I", mv, 2, 0xAABBCCDD)
print(ba)
struct.pack_into("<H", mv[4:], 2, 0x1122)
print(ba)
import array
a = array.array("I", [0, 0])
struct.pack_into("<I", a, 4, 12345678)
print(a)

# returns None
print(struct.pack_into("<b", bytearray(1), 0, 1))
