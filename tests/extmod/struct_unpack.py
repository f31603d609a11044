# struct.unpack and unpack_from: every typecode, strings, padding, offsets
import struct

data = bytes(range(1, 17))
for order in "<>!":
    for code in "bBhHiIlLqQ":
        n = struct.calcsize(order + code)
        print(order, code, struct.unpack(order + code, data[:n]))
    print(struct.unpack(order + "bhiq", bytes(range(0x80, 0x80 + 15))))

# signedness at the boundaries
print(struct.unpack("<b", b"\x80"), struct.unpack("<B", b"\x80"), struct.unpack("<b", b"\x7f"))
print(struct.unpack("<h", b"\x00\x80"), struct.unpack("<H", b"\xff\xff"), struct.unpack(">h", b"\xff\xfe"))
print(struct.unpack("<i", b"\x00\x00\x00\x80"), struct.unpack("<I", b"\xff\xff\xff\xff"))
print(struct.unpack("<i", b"\xff\xff\xff\x7f"), struct.unpack("<i", b"\x00\x00\x00\xc0"), struct.unpack("<i", b"\xff\xff\xff\xbf"))
print(struct.unpack("<l", b"\x00\x00\x00\x40"), struct.unpack("<L", b"\x00\x00\x00\x40"))

# floats
print(struct.unpack("<f", struct.pack("<f", 1.5)), struct.unpack(">f", b"\xc0\x20\x00\x00"))
print(struct.unpack("<d", struct.pack("<d", -2.5)), struct.unpack(">d", b"\x7f\xf0\x00\x00\x00\x00\x00\x00"))
print(struct.unpack("<e", b"\x00\x3c"), struct.unpack(">e", b"\xc0\x00"), struct.unpack("<e", b"\xff\x7b"))
print(struct.unpack("<e", b"\x01\x00"), struct.unpack("<e", b"\x00\x7c"), struct.unpack("<e", b"\x00\xfc"))
print(struct.unpack("<e", b"\x00\x80"), struct.unpack("<e", b"\x00\x00"))
for x in (0.5, 1.25, -3.0, 1024.0, 0.0009765625):
    print(x, struct.unpack("<e", struct.pack("<e", x))[0], struct.unpack(">f", struct.pack(">f", x))[0])

# strings and pad bytes
print(struct.unpack("<6sH", b"foo\0\0\0\x12\x34"))
print(struct.unpack("3s", b"abc"), struct.unpack("0s", b""), struct.unpack("0s2s", b"ab"))
print(struct.unpack("<2x2s", b"abcd"), struct.unpack("<bxh", b"\x01\x00\x02\x00"))
print(struct.unpack(">bxI3xH", b"\x01\0\0\0\0\x02\0\0\0\0\x03"))
print(struct.unpack("<3B2h", b"foo\x12\x34\xff\xff"))

# other buffers
print(struct.unpack("<h", bytearray(b"\x01\x02")), struct.unpack("<h", memoryview(b"\x00\x01\x02")[1:]))
import array
print(struct.unpack("<2H", array.array("H", [1, 2])))

# unpack_from: offsets from the start and from the end
buf = b"0123456789"
print(struct.unpack_from("<b", buf), struct.unpack_from("<b", buf, 4), struct.unpack_from("<b", buf, -4))
print(struct.unpack_from("<h", buf, 8), struct.unpack_from("<h", buf, -2), struct.unpack_from("<2s", buf, 0))
print(struct.unpack_from("<bb", buf, -10), struct.unpack_from(">I", buf, 3), struct.unpack_from("<3s", buf, 7))

# empty format
print(struct.unpack("", b""), struct.unpack("<", b""), struct.unpack_from("", b"abc", 3))

# round trips
fmt = "<bBhHiIqQfd"
vals = (-1, 255, -300, 60000, -70000, 4000000000, -5, 2**63, 0.5, 1e100)
print(struct.unpack(fmt, struct.pack(fmt, *vals)) == vals)
fmt = ">3s2h4x"
print(struct.unpack(fmt, struct.pack(fmt, b"ab", -2, 3)))
