# struct.pack: every typecode, both byte orders, strings and padding
import struct

for order in "<>!":
    print(struct.pack(order + "b", 0), struct.pack(order + "b", 127), struct.pack(order + "b", -128))
    print(struct.pack(order + "B", 0), struct.pack(order + "B", 255))
    print(struct.pack(order + "h", 0x1234), struct.pack(order + "h", -2), struct.pack(order + "H", 0xFFFE))
    print(struct.pack(order + "i", 0x12345678), struct.pack(order + "i", -2), struct.pack(order + "I", 0xFFFFFFFE))
    print(struct.pack(order + "l", 0x12345678), struct.pack(order + "l", -3), struct.pack(order + "L", 7))
    print(struct.pack(order + "q", 0x123456789ABCDEF0), struct.pack(order + "q", -2))
    print(struct.pack(order + "Q", 0xFEDCBA9876543210), struct.pack(order + "Q", 5))
    print(struct.pack(order + "f", 1.5), struct.pack(order + "f", -0.0), struct.pack(order + "f", 1e-3))
    print(struct.pack(order + "d", 1.5), struct.pack(order + "d", -2.25), struct.pack(order + "d", 1e300))
    print(struct.pack(order + "e", 1.5), struct.pack(order + "e", -2.0), struct.pack(order + "e", 65504.0))
    print(struct.pack(order + "e", 0.0), struct.pack(order + "e", 6e-8), struct.pack(order + "e", 0.1))

# several values and repeat counts
print(struct.pack("<bhiq", 1, 2, 3, 4))
print(struct.pack(">bhiq", 1, 2, 3, 4))
print(struct.pack("<3B", 1, 2, 3))
print(struct.pack("<2h2H", -1, 2, 3, 65535))
print(struct.pack(">0h2b", 5, 6))
print(struct.pack("<bI", -128, 256), struct.pack(">bI", -128, 256))

# strings: padded with zeros or truncated to the count
print(struct.pack("5s", b"abc"), struct.pack("2s", b"abcdef"), struct.pack("s", b"xyz"))
print(struct.pack("0s", b"abc"), struct.pack("<3sh", b"ab", 258), struct.pack(">h3s", 258, b"abcd"))

# pad bytes
print(struct.pack("x"), struct.pack("3x"), struct.pack("<bxh", 1, 2), struct.pack("<b2xb", 1, 2))
print(struct.pack(">bxI3xH", 1, 2, 3))

# floats and bools in their fields; ints in float fields
print(struct.pack("<d", 3), struct.pack("<f", True), struct.pack("<e", 2))
print(struct.pack("<i", True), struct.pack("<B", False), struct.pack("<q", True))

# a bytes format; network order
print(struct.pack(b"<h", 1), struct.pack("!i", 123), struct.pack("!H", 0x1234))

# special floats
print(struct.pack("<d", float("inf")), struct.pack(">d", float("-inf")))
print(struct.pack("<f", float("inf")), struct.pack("<e", float("inf")))
print(struct.pack("<e", float("-inf")))
