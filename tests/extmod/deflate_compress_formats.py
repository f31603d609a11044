# DeflateIO compression: MicroPython's LZ77 + fixed Huffman output, byte for
# byte, in every format and window size; chunked writes; round trips.
try:
    import deflate, io
except ImportError:
    print("SKIP")
    raise SystemExit

if not hasattr(deflate.DeflateIO, "write"):
    print("SKIP")
    raise SystemExit


def lcg_bytes(n, seed, span=256):
    out = bytearray(n)
    s = seed
    for i in range(n):
        s = (s * 75 + 74) % 65537
        out[i] = s % span
    return bytes(out)


def compress(data, *args, chunk=0):
    b = io.BytesIO()
    with deflate.DeflateIO(b, *args) as g:
        if chunk:
            for i in range(0, len(data), chunk):
                assert g.write(data[i : i + chunk]) == len(data[i : i + chunk])
        else:
            g.write(data)
    return b.getvalue()


def decompress(data, *args):
    with deflate.DeflateIO(io.BytesIO(data), *args) as g:
        return g.read()


# Short inputs: the exact bytes.
for data in (b"\x00", b"\xff", b"aaaa", b"abcabcabcabc", bytes(range(140, 150)), b"x" * 300):
    print(compress(data, deflate.RAW))
print(compress(b"hello", deflate.ZLIB))
print(compress(b"hello", deflate.GZIP))
for wbits in (5, 8, 9, 10, 12, 15):
    print(wbits, compress(b"hello hello", deflate.ZLIB, wbits)[:2])

# Matches of every length 3..300 (lengths above 258 are split), at distances
# of 1 up to the window.
out = []
for n in (3, 4, 10, 11, 18, 19, 34, 35, 66, 67, 130, 131, 257, 258, 259, 260, 261, 300):
    c = compress(b"ab" + b"b" * n, deflate.RAW)
    out.append(c.hex())
    assert decompress(c, deflate.RAW) == b"ab" + b"b" * n
print(" ".join(out))
for dist in (1, 2, 5, 9, 17, 33, 65, 129, 257, 513, 1025, 2049, 4097, 8193, 16385, 32768):
    data = lcg_bytes(dist, dist) + lcg_bytes(5, dist)
    c = compress(data, deflate.RAW, 15)
    print(dist, len(c), c[-8:].hex(), decompress(c, deflate.RAW, 15) == data)

# Chunked writes: a match never reaches past the end of a write, so the
# bytes differ from one write's (as MicroPython's); they decode the same.
data = lcg_bytes(3000, 1, 8)
one = compress(data, deflate.ZLIB, 10)
for chunk in (1, 2, 3, 100, 257, 2999):
    c = compress(data, deflate.ZLIB, 10, chunk=chunk)
    print(chunk, len(c), c == one, decompress(c) == data)

# Every format and window size round trips; sizes are MicroPython's.
data = lcg_bytes(2000, 2, 16) + bytes(500) + lcg_bytes(500, 2, 16)
for fmt in (deflate.AUTO, deflate.RAW, deflate.ZLIB, deflate.GZIP):
    sizes = []
    for wbits in (0, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15):
        c = compress(data, fmt, wbits)
        sizes.append(len(c))
        rfmt = fmt if fmt != deflate.AUTO else deflate.RAW
        assert decompress(c, rfmt, wbits if fmt != deflate.GZIP else 15) == data
        if fmt in (deflate.ZLIB, deflate.GZIP):
            assert decompress(c) == data
    print(fmt, sizes)
print(compress(data, deflate.GZIP, 9)[-8:].hex(), compress(data, deflate.ZLIB, 9)[-4:].hex())

# Writes of str, bytearray and memoryview; write returns the length taken.
b = io.BytesIO()
g = deflate.DeflateIO(b, deflate.GZIP, 9)
print(g.write("abc"), g.write(bytearray(b"def")), g.write(memoryview(b"xxghi")[2:]), g.write(b""))
g.close()
print(b.getvalue())
print(decompress(b.getvalue()))

# Nothing written: no header, no trailer.
print(compress(b"", deflate.ZLIB), compress(b"", deflate.GZIP, 9))

# A DeflateIO inside another.
b = io.BytesIO()
outer = deflate.DeflateIO(b, deflate.ZLIB)
inner = deflate.DeflateIO(outer, deflate.GZIP, 10)
inner.write(b"nested " * 20)
inner.close()
outer.close()
c = b.getvalue()
print(c)
g = deflate.DeflateIO(deflate.DeflateIO(io.BytesIO(c)), deflate.GZIP)
print(g.read())

# Both directions on one object.
b = io.BytesIO(compress(b"first", deflate.RAW))
g = deflate.DeflateIO(b, deflate.RAW)
print(g.read())
g.write(b"second")
g.close()
print(b.getvalue())
