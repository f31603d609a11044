# uctypes scalar fields of every type in the three layouts: loads, stores
# (truncated to the field), the bytes they write, and the C type aliases
import uctypes

TYPES = ("UINT8", "INT8", "UINT16", "INT16", "UINT32", "INT32", "UINT64", "INT64")
VALUES = (0, 1, -1, 0x7F, 0x80, 0x1234, -0x1234, 0x12345678, 0x87654321, -2**31, 2**40 + 3, -2**63, 2**64 - 1, 2**70 + 5)
LAYOUTS = (("LITTLE_ENDIAN", uctypes.LITTLE_ENDIAN), ("BIG_ENDIAN", uctypes.BIG_ENDIAN), ("NATIVE", uctypes.NATIVE))

for lname, layout in LAYOUTS:
    for tname in TYPES:
        t = getattr(uctypes, tname)
        buf = bytearray(b"\xaa" * 10)
        # offset 1 (unaligned) for the packed layouts, 8 for native
        off = 8 if layout == uctypes.NATIVE and tname.endswith("64") else (2 if layout == uctypes.NATIVE else 1)
        if off == 8:
            buf = bytearray(b"\xaa" * 17)
        s = uctypes.struct(uctypes.addressof(buf), {"f": t | off}, layout)
        out = []
        for v in VALUES:
            s.f = v
            out.append(s.f)
        print(lname, tname, uctypes.sizeof({"f": t | off}, layout), out)
        s.f = 0x0102030405060708
        print(buf.hex())

# floats
for lname, layout in LAYOUTS:
    buf = bytearray(16)
    s = uctypes.struct(uctypes.addressof(buf), {"f": uctypes.FLOAT32 | 0, "d": uctypes.FLOAT64 | 8}, layout)
    s.f = 1.5
    s.d = -0.25
    print(lname, s.f, s.d, buf.hex())
    s.f = 3
    s.d = 2**53
    print(s.f, s.d)

# the C type aliases of a 32-bit (ILP32) machine: LONG is 4 bytes, as on a
# 32-bit board (the 64-bit unix port says 8)
for n in ("SHORT", "USHORT", "INT", "UINT", "LONG", "ULONG", "LONGLONG", "ULONGLONG"):
    print(n, uctypes.sizeof({"f": getattr(uctypes, n)}))
print(uctypes.VOID == uctypes.UINT8, uctypes.NATIVE, uctypes.LITTLE_ENDIAN, uctypes.BIG_ENDIAN)
print(uctypes.BF_POS, uctypes.BF_LEN)
