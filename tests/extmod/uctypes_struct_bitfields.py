# uctypes bitfields: every container size, positions and lengths, in the
# three layouts; stores keep the other bits and are masked to the length
import uctypes

DESC = {
    "lo": uctypes.BFUINT8 | 0 | 0 << uctypes.BF_POS | 3 << uctypes.BF_LEN,
    "hi": uctypes.BFUINT8 | 0 | 3 << uctypes.BF_POS | 5 << uctypes.BF_LEN,
    "mid16": uctypes.BFUINT16 | 2 | 4 << uctypes.BF_POS | 8 << uctypes.BF_LEN,
    "top16": uctypes.BFUINT16 | 2 | 12 << uctypes.BF_POS | 4 << uctypes.BF_LEN,
    "w": uctypes.BFUINT32 | 4 | 1 << uctypes.BF_POS | 30 << uctypes.BF_LEN,
    "bit31": uctypes.BFUINT32 | 4 | 31 << uctypes.BF_POS | 1 << uctypes.BF_LEN,
    "s8": uctypes.BFINT8 | 8 | 2 << uctypes.BF_POS | 4 << uctypes.BF_LEN,
    "s32": uctypes.BFINT32 | 8 | 0 << uctypes.BF_POS | 31 << uctypes.BF_LEN,
    "whole": uctypes.UINT32 | 4,
}
FIELDS = ("lo", "hi", "mid16", "top16", "w", "bit31", "s8", "s32")

for name in ("LITTLE_ENDIAN", "BIG_ENDIAN", "NATIVE"):
    layout = getattr(uctypes, name)
    buf = bytearray(b"\x5a\xa5\x12\x34\x87\x65\x43\x21\xff\xff\xff\xff")
    s = uctypes.struct(uctypes.addressof(buf), DESC, layout)
    print(name, uctypes.sizeof(DESC, layout), [getattr(s, f) for f in FIELDS])
    s.lo = 0xFF
    s.hi = 2
    s.mid16 = 0x1AB
    s.top16 = 9
    s.w = -1
    s.bit31 = 0
    s.s8 = 3
    s.s32 = 12345
    print([getattr(s, f) for f in FIELDS], hex(s.whole))
    print(buf.hex())
