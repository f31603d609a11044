# Storing through a uctypes pointer to a scalar writes what it points to,
# as C's *p = v (ours: MicroPython 1.x silently ignores such a store);
# storing a whole struct through a pointer raises TypeError. The .exp is
# hand-written.
import uctypes
import struct

target = bytearray(8)
cell = bytearray(struct.pack("<I", uctypes.addressof(target)))
desc = {
    "p8": (uctypes.PTR | 0, uctypes.UINT8),
    "p16": (uctypes.PTR | 0, uctypes.INT16),
    "pf": (uctypes.PTR | 0, uctypes.FLOAT32),
    "ps": (uctypes.PTR | 0, {"a": uctypes.UINT8 | 0}),
}
s = uctypes.struct(uctypes.addressof(cell), desc, uctypes.LITTLE_ENDIAN)
s.p8[0] = 0x41
s.p8[7] = 0x1FF
s.p16[1] = -2
print(target)
s.pf[1] = 0.5
print(target, s.pf[1], s.p16[1])
s.ps[2].a = 9
print(target[2])
try:
    s.ps[0] = 1
except TypeError as e:
    print("TypeError", e)
try:
    s.p8[0] = "x"
except TypeError as e:
    print("TypeError", e)
print(target)
