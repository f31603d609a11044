# DeflateIO on corrupt, truncated and wrong input, and bad arguments: every
# error is an exception (OSError(EINVAL) for bad data, EOFError when the
# input ends early), never a crash or a hang.
try:
    import deflate, io
except ImportError:
    print("SKIP")
    raise SystemExit

msg = b"DeflateIO decodes corrupt data without a crash or a hang, hello hello hello!"
words = msg.split()
text = b" ".join(words[(i * 7) % 11] + words[(i * 3) % 5] for i in range(200))
# zlib.compressobj(9, DEFLATED, -15).compress(text): a dynamic Huffman block
raw = (
    b'\xed\x92A\x12\xc2 \x0cE\xaf\xd2\x03x\x8cn\\y\x86L\x8b\xe2L\xc78\x94\x8e\xd7\x97\x84'
    b'\xfcP\xab\xde\x80Mi\x81\x17\x1e\xe9\x1f\xc3u\xa1\x1c\xce\x97\x11/\x03\xa7\x992\r\xf2'
    b'\x98\xc3\xc4sX\x87\x18\x96\x85_\xf7\x1cy\xcb\xc3\x94h\x8d\x13\xa7\xb4=\xcbG\x1d\x1b'
    b'\x1d\xe9q;i\x01\xa7m\x04O`m\xa2\xb1\xfe\xa6|\xf1@\x81\xf2\tZU\xfctQi\xbcM+]=\xac\x80'
    b'\xd36\x01\x9e\x1ak;\x94m\x1e\xc6s\xf2\x02e\x1d\xb4\xaa\xecN\x17\x19\xe5\xe1\x81\xee'
    b'\x89\xca\xd7\xedm\xb5\xf1\xa4,<\x8c\xf5e\xf0\x9c\xbc@\xd9\xbe\xeb\xbb\xc8\xd4\xd3\xd5'
    b'\xc3x\xdb\xec\xdd\x13\x95\x1f\xb7\xb7\xed\x9f\xff\xcd \xb0\xbe\x1b<\xa7]\x01I\x8b\xf6'
    b']=p\xba\xa8xn*\xe6\xdd\x13\x95\xe3\xed\xe1q\xfco6\x82\x1d{j{j{j{j{j{j{j\xff\xa4\xf6\r'
)
# zlib.compress(msg, 6)
z = (
    b'x\x9cM\xc6\xb1\r\x800\x0c\x04\xc0U\x9e\x9e1h\xa8\x98\xe1e\x1b\x8c\x14a\xe48b}(iN\xb7'
    b'\xd8\xdeX\xb6nP\x93P\xeb\x90\xc8\x1cwAY\xc4s\x96\xc7(\x10\x92\xec\x8e\xc8\xaf\xce\xeb'
    b"\x98\xe1\xd6Z\xfc\x9d^'L\x1b="
)
# gzip (wbits 31) of msg
gz = (
    b'\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03M\xc6\xb1\r\x800\x0c\x04\xc0U\x9e\x9e1h\xa8'
    b'\x98\xe1e\x1b\x8c\x14a\xe48b}(iN\xb7\xd8\xdeX\xb6nP\x93P\xeb\x90\xc8\x1cwAY\xc4s\x96'
    b'\xc7(\x10\x92\xec\x8e\xc8\xaf\xce\xeb\x98\xe1\xd6Z\xfc\x9d^\x0e\xac\x8b\x8cL\x00\x00'
    b'\x00'
)


text_stored = b"\x00\x05\x00\xfa\xffhello\x01\x03\x00\xfc\xffabc"


def decompress(data, *args):
    with deflate.DeflateIO(io.BytesIO(data), *args) as g:
        return g.read()


def result(data, *args):
    try:
        r = decompress(data, *args)
        return "ok:%d:%d" % (len(r), sum(r) & 0xFFFF)
    except OSError as e:
        return "OSError:%d" % e.errno
    except EOFError:
        return "EOFError"


def check(name, data, *args):
    print(name, result(data, *args))


print(decompress(raw, deflate.RAW, 15) == text, decompress(z) == msg, decompress(gz) == msg)

# zlib headers: check bits, method, window size, preset dictionary.
check("fcheck", b"\x78\x9d" + z[2:])
check("method", b"\x77\x85" + z[2:])
check("cinfo", b"\x88\x98" + z[2:])
check("fdict", b"\x78\xbb" + z[2:])
check("zlib-as-gzip", z, deflate.GZIP)
check("gzip-as-zlib", gz, deflate.ZLIB)
check("raw-as-auto", raw)
# gzip headers: method, reserved flags
check("gz-method", gz[:2] + b"\x07" + gz[3:])
for f in (0x20, 0x40, 0x80):
    check("gz-flag", gz[:3] + bytes((f,)) + gz[4:])
# a name that never ends, an extra field longer than the data
check("gz-fname", gz[:3] + b"\x08" + gz[4:10] + b"abc")
check("gz-fextra", gz[:3] + b"\x04" + gz[4:10] + b"\xff\xff" + gz[10:])

# Empty and short input.
for data in (b"", b"\x78", b"\x78\x9c", gz[:5], gz[:10]):
    print(len(data), result(data), result(data, deflate.RAW))

# Block types: 3 is invalid, final or not.
check("btype3", b"\x07", deflate.RAW)
check("btype3-nonfinal", b"\x06", deflate.RAW)
# stored block whose length check does not match; a stored block cut short
check("stored-nlen", b"\x01\x05\x00\xfa\xfehello", deflate.RAW)
check("stored-bad", b"\x01\x05\x00\x00\x00hello", deflate.RAW)
check("stored-short", b"\x01\x05\x00\xfa\xffhel", deflate.RAW)
check("stored-ok", b"\x01\x05\x00\xfa\xffhello", deflate.RAW)
# a fixed block with a distance before the start of the data (window unfilled)
check("far-start", b"\x63\x00\x02\x00", deflate.RAW)

# Checksums: a wrong Adler-32 or CRC-32 fails; a wrong gzip length is not checked.
check("adler", z[:-1] + bytes((z[-1] ^ 1,)))
check("crc", gz[:-5] + bytes((gz[-5] ^ 0x80,)) + gz[-4:])
check("isize", gz[:-1] + b"\x7f")
check("adler-raw", z[:-1] + bytes((z[-1] ^ 1,)), deflate.RAW)

# Every truncation of each stream.
for name, data, fmt in (("raw", raw, deflate.RAW), ("zlib", z, deflate.AUTO), ("gzip", gz, deflate.GZIP)):
    res = {}
    for n in range(len(data)):
        r = result(data[:n], fmt, 15)
        res[r] = res.get(r, 0) + 1
    print(name, sorted(res.items()))

# Every single-bit flip in the first bytes of the dynamic block.
for pos in range(24):
    line = []
    for bit in range(8):
        b = bytearray(raw)
        b[pos] ^= 1 << bit
        r = result(bytes(b), deflate.RAW, 15)
        line.append(r[0] + r.split(":")[-1])
    print(pos, " ".join(line))

# Reading again after an error goes on from where the error left the
# decoder (as MicroPython: here with zero bits, the input having ended).
for data in (raw[:20], raw[:40], z[:30], text_stored[:9]):
    g = deflate.DeflateIO(io.BytesIO(data), deflate.RAW, 15)
    r = []
    for i in range(4):
        try:
            r.append(g.read(10))
        except EOFError:
            r.append("EOFError")
        except OSError as e:
            r.append(e.errno)
    print(r)
g = deflate.DeflateIO(io.BytesIO(z[:-1] + b"\x00"))
for n in (100, 10, 10):
    try:
        print(g.read(n))
    except OSError as e:
        print("OSError", e.errno)
    except EOFError:
        print("EOFError")

# Closed DeflateIO; closed and unsuitable source streams.
g = deflate.DeflateIO(io.BytesIO(z))
print(g.read(5))
g.close()
g.close()
for op in (lambda: g.read(), lambda: g.read(1), lambda: g.readinto(bytearray(4)), lambda: g.write(b"x")):
    try:
        op()
    except OSError as e:
        print("OSError", e.errno)
b = io.BytesIO(z)
g = deflate.DeflateIO(b)
b.close()
try:
    g.read()
except ValueError as e:
    print("ValueError", e)
for src in (123, None, b"bytes", [1, 2]):
    try:
        deflate.DeflateIO(src).read()
    except OSError as e:
        print("OSError", e)
try:
    deflate.DeflateIO(io.BytesIO(z)).readinto(123)
except TypeError as e:
    print("TypeError")

# Arguments.
b = io.BytesIO(z)
for args in ((), (b, 1, 8, False, 5)):
    try:
        deflate.DeflateIO(*args)
    except TypeError as e:
        print("TypeError")
try:
    deflate.DeflateIO(b, format=1)
except TypeError as e:
    print("TypeError")
for args in ((b, 1.5), (b, 1, "8"), (b, None)):
    try:
        deflate.DeflateIO(*args)
    except TypeError as e:
        print("TypeError")
for args in ((b, -1), (b, 4), (b, 1, 4), (b, 1, 16), (b, 1, -8), (b, 1, 1 << 20)):
    try:
        deflate.DeflateIO(*args)
    except ValueError as e:
        print("ValueError", e)
    except OverflowError:
        print("OverflowError")
print(decompress(z, True + 1) == msg, decompress(z, deflate.AUTO, 0, True) == msg, decompress(raw, deflate.RAW, 15, False) == text)


class Bad:
    def __bool__(self):
        raise RuntimeError("bool")


try:
    deflate.DeflateIO(b, 0, 0, Bad())
except RuntimeError as e:
    print("RuntimeError", e)
print("done")
