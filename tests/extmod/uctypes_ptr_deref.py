# uctypes pointers: to scalars of each size and to structs, indexed like C
# arrays, int() of a pointer, pointers followed through pointers, and a
# pointer stored as a UINT32 field. Pointers are 4 bytes, as on a 32-bit
# board; the .exp is hand-checked (the 64-bit unix port has 8-byte pointers)
import uctypes
import struct

data = bytearray(b"\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10")
addr = uctypes.addressof(data)

PT = {"a": uctypes.UINT8 | 0, "b": uctypes.UINT16 | 2}
DESC = {
    "p8": (uctypes.PTR | 0, uctypes.UINT8),
    "ps8": (uctypes.PTR | 0, uctypes.INT8),
    "p16": (uctypes.PTR | 0, uctypes.UINT16),
    "p32": (uctypes.PTR | 0, uctypes.UINT32),
    "p64": (uctypes.PTR | 0, uctypes.UINT64),
    "pv": (uctypes.PTR | 0, uctypes.VOID),
    "pst": (uctypes.PTR | 0, PT),
    "raw": uctypes.UINT32 | 0,
    "pp": (uctypes.PTR | 4, (uctypes.PTR | 0, uctypes.UINT8)),
}

for name in ("NATIVE", "LITTLE_ENDIAN"):
    cell = bytearray(struct.pack("<II", addr, 0))
    s = uctypes.struct(uctypes.addressof(cell), DESC, getattr(uctypes, name))
    print(name, uctypes.sizeof(DESC), int(s.p8) == addr, s.raw == addr)
    print([s.p8[i] for i in range(4)], [s.ps8[i] for i in range(2)])
    print([hex(s.p16[i]) for i in range(3)], hex(s.p32[1]), hex(s.p64[1]), s.pv[2])
    print([(s.pst[i].a, hex(s.pst[i].b)) for i in range(3)], uctypes.sizeof(s.pst[0]))
    # move the pointer
    s.raw = addr + 8
    print(s.p8[0], int(s.p8) - addr)
    # a pointer to a pointer
    cell[4:8] = struct.pack("<I", uctypes.addressof(cell))
    print(s.pp[0][0])
    print(type(s.p8).__name__)
