# struct.pack_into where converting a value runs Python code that resizes the
# target buffer: an exception or a correct write, never a write to freed memory
import struct

buf = bytearray(8)


class Shrink:
    def __index__(self):
        buf[:] = b""
        return 7

    __int__ = __index__


class Grow:
    def __index__(self):
        buf.extend(bytes(1000))
        return 7

    __int__ = __index__


for cls in (Shrink, Grow):
    for fmt in ("<ii", "<qq", "<bi"):
        buf = bytearray(8)
        try:
            struct.pack_into(fmt, buf, 0, 1, cls())
        except Exception:
            pass
        print(cls.__name__, fmt, len(buf) in (0, 8, 1008), bytes(buf[:1]) in (b"", b"\x01"))
    buf = bytearray(8)
    try:
        struct.pack_into("<i", buf, cls(), 1)
    except Exception:
        pass
    print(cls.__name__, "offset", len(buf) in (0, 8, 1008))

# values converted by __index__ / __float__ land in the right place
class I:
    def __index__(self):
        return 5

    __int__ = __index__


class F:
    def __float__(self):
        return 2.5


buf = bytearray(16)
struct.pack_into("<bqf", buf, 1, I(), I(), F())
print(buf)
print(struct.pack("<bqfd", I(), I(), F(), F()))


# struct used again from inside a conversion, in the middle of a format
class Nested:
    def __index__(self):
        struct.calcsize("<100x")
        struct.unpack("<hh", struct.pack("<hh", 7, 8))
        return 5

    __int__ = __index__


print(struct.pack("<bhiq", Nested(), Nested(), Nested(), Nested()))
buf = bytearray(20)
struct.pack_into("<bhiq", buf, 2, Nested(), 2, Nested(), 4)
print(buf)
