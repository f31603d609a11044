# struct native layout ('@', the default): items aligned to their size from the
# start of the data (formats without 'l', 'L', 'P', whose size is the platform's)
import struct

for fmt in ("bh", "bi", "bq", "bd", "bf", "be", "hbi", "bhbi", "biq", "bhq", "ihq", "3bq", "b2h", "xxi", "3sh"):
    n = struct.calcsize(fmt)
    vals = struct.unpack(fmt, bytes(range(1, n + 1)))
    print(fmt, n, vals)
    print(struct.pack(fmt, *vals) == struct.pack("@" + fmt, *vals))

print(struct.pack("bhbi", 1, 2, 3, 4)[0], struct.unpack("bhbi", struct.pack("bhbi", 1, 2, 3, 4)))
print(struct.unpack("bqb", struct.pack("bqb", -1, -2, -3)))
print(struct.unpack("bdb", struct.pack("bdb", 1, 0.25, 3)))

# unaligned source data: alignment counts from the offset, not the address
buf = b"0123456789abcdef"
print(struct.unpack("h", buf[1:3]), struct.unpack_from("i", buf, 1), struct.unpack_from("@ii", buf, 1))
print(struct.unpack_from("bi", buf, 3), struct.unpack_from("bq", buf, 0))
