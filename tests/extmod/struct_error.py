# struct errors: MicroPython raises ValueError/TypeError (not struct.error)
import struct


def test(f, *args):
    try:
        print(f(*args))
    except Exception as e:
        print(type(e).__name__, e)


# unknown typecodes, counts without one, unsupported byte orders
for fmt in ("z", "<z", "0z", "1", "<5", "b1", "=i", "?", "<?", " i", "i i", "bZ", "\x01"):
    test(struct.calcsize, fmt)
test(struct.pack, "z", 1)
test(struct.pack, "1")
test(struct.unpack, "z", b"1")
test(struct.unpack, "1", b"xx")
test(struct.unpack_from, "1", b"xx")
test(struct.pack_into, "z", bytearray(4), 0, 1)
test(struct.pack_into, "1", bytearray(4), 0, "xx")

# the format must be a str or bytes
test(struct.calcsize, 1)
test(struct.pack, 1, 2)
test(struct.unpack, None, b"")
test(struct.pack_into, [], bytearray(4), 0)

# buffers too small
test(struct.unpack, "I", b"\x00\x00\x00")
test(struct.unpack, "2H", b"\x00\x00")
test(struct.unpack, "10s", b"abc")
test(struct.unpack, "<3xb", b"abc")
test(struct.unpack_from, "<b", b"0123456789", 10)
test(struct.unpack_from, "<b", b"0123456789", -11)
test(struct.unpack_from, "<i", b"abcd", 1)
test(struct.pack_into, "I", bytearray(1), 0, 0)
test(struct.pack_into, "2I", bytearray(4), 0, 0)
test(struct.pack_into, "<bbb", bytearray(9), 7, 1, 2, 3)
test(struct.pack_into, "<bbb", bytearray(9), -10, 1, 2, 3)
test(struct.pack_into, "<b", bytearray(0), 0, 1)

# buffers of the wrong kind
test(struct.unpack, "<i", 1)
test(struct.unpack, "<i", [1, 2, 3, 4])
test(struct.pack_into, "<i", b"abcd", 0, 1)
test(struct.pack_into, "<i", "abcd", 0, 1)
test(struct.pack, "s", 1)
test(struct.pack, "2s", [1, 2])

# values of the wrong kind
test(struct.pack, "i", 1.5)
test(struct.pack, "<q", 2.0)
test(struct.pack, "i", "a")
test(struct.pack, "B", None)
test(struct.pack, "h", [])
test(struct.pack, "f", "a")
test(struct.pack, "d", None)
test(struct.pack, "e", b"")

# offsets of the wrong kind
test(struct.unpack_from, "<i", b"abcd", 1.0)
test(struct.unpack_from, "<i", b"abcd", "0")
test(struct.pack_into, "<i", bytearray(4), "a", 1)
test(struct.pack_into, "<i", bytearray(4), None, 1)

# argument counts
test(struct.pack)
test(struct.unpack, "i")
test(struct.unpack, "i", b"1234", 1, 2)
test(struct.pack_into, "i", bytearray(4))
test(struct.calcsize)

# the runtime lives on
print(struct.pack("<h", 1))
