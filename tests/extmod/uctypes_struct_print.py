# printing uctypes structs: the kind of descriptor and the address in hex.
# Addresses are 32-bit, as on a 32-bit board (the 64-bit unix port prints
# 100000005 and ffffffffffffffff for the last two); the .exp is hand-checked.
import uctypes

desc = {"a": uctypes.UINT8 | 0, "arr": (uctypes.ARRAY | 4, uctypes.UINT16 | 2), "p": (uctypes.PTR | 8, uctypes.UINT8)}
s = uctypes.struct(0x1234, desc)
print(s)
print(s.arr, repr(s.arr), str(s.p))
print(uctypes.struct(0xABCDEF0, (0, {})))
print(uctypes.struct(16, (uctypes.ARRAY | 0, 2, {})))
print(uctypes.struct(0, "x"), uctypes.struct(1, 5))
print(uctypes.struct(2 ** 32 + 5, {}), uctypes.struct(-1, {}))
print(type(s), type(s) is uctypes.struct)
