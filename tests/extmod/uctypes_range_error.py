# uctypes checks every access against the size of linear memory (ours:
# MicroPython reads and writes any address, a fault on a board and a crash
# on unix). An access outside raises ValueError "address out of range:
# 0x%08x (%u bytes)" and the runtime goes on; bytearray_at checks its whole
# range when it is made. Memory inside the range may be read and written,
# the core's own data included. The .exp is hand-written.
import uctypes
import struct

FAR = 0xFFFFFF00


def check(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        msg = str(e)
        # addresses near the end of memory are printed relative to it
        if msg.startswith("address out of range: 0x"):
            a = int(msg[24:32], 16)
            if end - 4096 < a < FAR:
                msg = msg[:22] + "end%+d" % (a - end) + msg[32:]
        print(type(e).__name__, msg)


# the end of memory, found by probing (its size depends on the heap size)
lo, hi = 0, 1 << 32
while hi - lo > 1:
    mid = (lo + hi) // 2
    try:
        uctypes.bytes_at(mid - 1, 1)
        lo = mid
    except ValueError:
        hi = mid
end = 0
end = lo
print(end % 65536, end >= 65536)

check(lambda: uctypes.bytes_at(FAR, 1))
check(lambda: uctypes.bytes_at(0, 0))
check(lambda: uctypes.bytes_at(end, 0))
check(lambda: len(uctypes.bytes_at(end - 4, 4)))
check(lambda: uctypes.bytes_at(end - 4, 5) and 0)
check(lambda: uctypes.bytes_at(8, -1))
check(lambda: uctypes.bytearray_at(FAR, 16))
check(lambda: uctypes.bytearray_at(end - 3, 4) and 0)
check(lambda: len(uctypes.bytearray_at(end - 3, 3)))
check(lambda: uctypes.bytearray_at(end, 0))
check(lambda: uctypes.bytearray_at(0, 2 ** 32 - 1) and 0)

# scalar fields, arrays, bitfields and pointers in every layout
DESC = {
    "u8": uctypes.UINT8 | 0,
    "u32": uctypes.UINT32 | 0,
    "f64": uctypes.FLOAT64 | 0,
    "i64": uctypes.INT64 | 4,
    "bf": uctypes.BFUINT16 | 2 | 3 << uctypes.BF_POS | 2 << uctypes.BF_LEN,
    "arr": (uctypes.ARRAY | 0, uctypes.UINT16 | 8),
    "bytes": (uctypes.ARRAY | 0, uctypes.UINT8 | 8),
    "sub": (4, {"x": uctypes.UINT32 | 0}),
    "sarr": (uctypes.ARRAY | 0, 4, {"x": uctypes.UINT32 | 0}),
    "ptr": (uctypes.PTR | 0, uctypes.UINT32),
    "sptr": (uctypes.PTR | 0, {"x": uctypes.UINT8 | 0}),
}
for layout in (uctypes.NATIVE, uctypes.LITTLE_ENDIAN, uctypes.BIG_ENDIAN):
    s = uctypes.struct(FAR, DESC, layout)
    print(s.sub is not None, type(s.arr).__name__, type(s.sarr[1]).__name__)
    check(lambda: s.u8)
    check(lambda: setattr(s, "u32", 1))
    check(lambda: s.f64)
    check(lambda: s.i64)
    check(lambda: s.bf)
    check(lambda: setattr(s, "bf", 1))
    check(lambda: s.arr[3])
    check(lambda: s.bytes)
    check(lambda: s.sub.x)
    check(lambda: s.sarr[1].x)
    check(lambda: s.ptr[0])
    check(lambda: int(s.ptr))
    check(lambda: s.sptr[0])
    # a struct whose bytes are outside memory has no buffer: bytes() then
    # tries to iterate, and the field lookup of __getitem__ fails
    check(lambda: bytes(s))

# a struct that straddles the end: fields inside work, the others raise
s = uctypes.struct(end - 6, DESC, uctypes.LITTLE_ENDIAN)
check(lambda: s.u32 * 0)
check(lambda: s.i64)
check(lambda: s.arr[2] * 0)
check(lambda: s.arr[3])
check(lambda: s.arr[-1] * 0)  # before the array: not checked by MicroPython either

# a pointer read from memory to an address beyond it
cell = bytearray(struct.pack("<I", FAR))
s = uctypes.struct(uctypes.addressof(cell), DESC)
check(lambda: hex(int(s.ptr)))
check(lambda: s.ptr[0])
check(lambda: s.ptr.__class__)
check(lambda: s.sptr[5].x)
cell[:] = struct.pack("<I", end - 4)
check(lambda: s.ptr[0] * 0)
check(lambda: s.ptr[1])
check(lambda: s.sptr[3].x * 0)
check(lambda: s.sptr[4].x)

# addresses wrap at 32 bits, sizes too
check(lambda: uctypes.bytes_at(FAR + 2 ** 32, 1))

# the core's own memory may be read and written (the static area at 0 here)
low = uctypes.bytearray_at(16, 4)
old = bytes(low)
low[0] ^= 0xFF
low[0] ^= 0xFF
print(bytes(low) == old)
