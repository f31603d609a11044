# struct with long ints: q and Q take the whole 64 bits
import struct

print(struct.pack("<I", 2**32 - 1), struct.pack(">I", 0xFFFFFFFF), struct.pack("<i", -(2**31)))
for v in (0, 1, -1, 2**31, -(2**31) - 1, 2**62, 2**63 - 1, -(2**63), 1234567890123456789, -1234567890123456789):
    print(v, struct.pack("<q", v), struct.pack(">q", v), struct.unpack("<q", struct.pack("<q", v)))
for v in (0, 1, 2**32, 2**63, 2**64 - 1, 0xFFFFFFFFFFFFFFFF, 1234567890123456789):
    print(v, struct.pack("<Q", v), struct.pack(">Q", v), struct.unpack(">Q", struct.pack(">Q", v)))

print(struct.unpack("<Q", b"\x12\x34\x56\x78\x90\x12\x34\x56"), struct.unpack(">Q", b"\x12\x34\x56\x78\x90\x12\x34\x56"))
print(struct.unpack("<q", b"\x12\x34\x56\x78\x90\x12\x34\xf6"), struct.unpack(">q", b"\xf2\x34\x56\x78\x90\x12\x34\x56"))
print(struct.unpack("<Q", b"\xff" * 8), struct.unpack("<q", b"\xff" * 7 + b"\x7f"), struct.unpack("<q", b"\x00" * 7 + b"\x80"))
print(struct.unpack("<I", b"\xff\xff\xff\xff"), struct.unpack("<L", b"\x00\x00\x00\x80"))

# long ints that are small in value
bigzero = (1 << 70) - (1 << 70)
for order in "<>":
    for code in "bhiqBHIQ":
        v = 2 + bigzero
        b = struct.pack(order + code, v)
        print(order + code, b, struct.unpack(order + code, b))
    for code in "bhiq":
        b = struct.pack(order + code, -2 + bigzero)
        print(order + code, b, struct.unpack(order + code, b))

# several q/Q fields and their sum
vals = [2**k - 1 for k in range(40, 64, 3)]
b = struct.pack("<%dQ" % len(vals), *vals)
print(len(b), sum(struct.unpack("<%dQ" % len(vals), b)) == sum(vals))
