# uctypes aggregates: nested structs, arrays of scalars (UINT8 arrays are
# bytearrays over the memory) and of structs, in the three layouts, and the
# buffer protocol of a struct
import uctypes

POINT = {"x": uctypes.INT16 | 0, "y": uctypes.INT16 | 2}
DESC = {
    "tag": uctypes.UINT8 | 0,
    "pos": (4, POINT),
    "raw": (uctypes.ARRAY | 8, uctypes.UINT8 | 4),
    "words": (uctypes.ARRAY | 8, uctypes.UINT16 | 2),
    "sbytes": (uctypes.ARRAY | 8, uctypes.INT8 | 4),
    "pts": (uctypes.ARRAY | 12, 3, POINT),
    "inner": (24, {"a": uctypes.UINT32 | 0, "sub": (4, {"b": uctypes.UINT8 | 1})}),
}

for name in ("LITTLE_ENDIAN", "BIG_ENDIAN", "NATIVE"):
    layout = getattr(uctypes, name)
    buf = bytearray(32)
    s = uctypes.struct(uctypes.addressof(buf), DESC, layout)
    print(name, uctypes.sizeof(DESC, layout), uctypes.sizeof(s))
    s.tag = 7
    s.pos.x = -2
    s.pos.y = 300
    print(s.pos.x, s.pos.y, type(s.pos).__name__)
    raw = s.raw
    print(type(raw).__name__, raw)
    raw[0] = 0x11
    raw[3] = 0x44
    s.words[1] = 0xBEEF
    print(buf[8:12].hex(), s.words[0], hex(s.words[1]), s.sbytes[3], [s.sbytes[i] for i in range(4)])
    for i in range(3):
        s.pts[i].x = i * 10
        s.pts[i].y = -i
    print([(s.pts[i].x, s.pts[i].y) for i in range(3)], uctypes.sizeof(s.pts), uctypes.sizeof(s.pts[1]))
    s.inner.a = 0x01020304
    s.inner.sub.b = 0x55
    print(hex(s.inner.a), s.inner.sub.b, uctypes.sizeof(s.inner), uctypes.sizeof(s.inner.sub))
    print(buf.hex())
    print(bytes(s)[:4], len(bytearray(s)), len(memoryview(s)))
    # the index is checked against the array's length
    for a in ("raw", "words", "sbytes", "pts"):
        try:
            getattr(s, a)[4 if a != "pts" else 3]
        except IndexError as e:
            print(a, "IndexError", e)

# a struct over a struct's memory: its address is the buffer's
buf = bytearray(8)
s = uctypes.struct(uctypes.addressof(buf), {"arr": (uctypes.ARRAY | 2, uctypes.UINT8 | 3)})
print(uctypes.addressof(s.arr) - uctypes.addressof(buf), uctypes.addressof(s) == uctypes.addressof(buf))

# sizeof of the array structs themselves
print(uctypes.sizeof(uctypes.struct(0, (uctypes.ARRAY | 0, uctypes.UINT32 | 5))))
print(uctypes.sizeof(uctypes.struct(0, (uctypes.ARRAY | 0, 4, {"a": uctypes.UINT16 | 0, "b": uctypes.UINT8 | 2}))))
print(uctypes.sizeof(uctypes.struct(0, (uctypes.ARRAY | 0, 4, {"a": uctypes.UINT16 | 0, "b": uctypes.UINT8 | 2}), uctypes.LITTLE_ENDIAN)))
