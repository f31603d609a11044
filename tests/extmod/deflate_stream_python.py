# DeflateIO over streams written in Python (io.IOBase subclasses) and files:
# the source is read one byte per call, each compressed byte is written with
# its own call; their errors and exceptions come through.
try:
    import deflate, io

    io.IOBase
except (ImportError, AttributeError):
    print("SKIP")
    raise SystemExit

if not hasattr(deflate.DeflateIO, "write"):
    print("SKIP")
    raise SystemExit

# zlib.compress(b"hello world", 9)
Z = b"x\xda\xcbH\xcd\xc9\xc9W(\xcf/\xcaI\x01\x00\x1a\x0b\x04]"


class Source(io.IOBase):
    def __init__(self, data, fail_at=-1, result=None):
        self.data = data
        self.pos = 0
        self.calls = 0
        self.fail_at = fail_at
        self.result = result

    def readinto(self, buf):
        self.calls += 1
        if self.calls == self.fail_at:
            if isinstance(self.result, Exception):
                raise self.result
            return self.result
        n = min(len(buf), len(self.data) - self.pos)
        buf[:n] = self.data[self.pos : self.pos + n]
        self.pos += n
        return n


s = Source(Z)
g = deflate.DeflateIO(s)
print(g.read(), s.calls, s.pos)
print(g.read(), s.calls)

# read(1) pulls only the bytes needed so far
s = Source(Z)
g = deflate.DeflateIO(s)
print([(g.read(1), s.pos) for i in range(4)])

# errors of the source: an errno, EAGAIN (None), an exception
for fail_at, result in ((1, -5), (6, -5), (6, None), (20, None), (3, KeyError("k"))):
    s = Source(Z, fail_at, result)
    g = deflate.DeflateIO(s)
    try:
        print(g.read())
    except OSError as e:
        print("OSError", e.errno, s.calls)
    except KeyError as e:
        print("KeyError", e, s.calls)
    except EOFError:
        print("EOFError")


class Sink(io.IOBase):
    def __init__(self, fail_at=-1, result=-1):
        self.out = bytearray()
        self.calls = 0
        self.sizes = []
        self.fail_at = fail_at
        self.result = result

    def write(self, buf):
        self.calls += 1
        self.sizes.append(len(buf))
        if self.calls == self.fail_at:
            if isinstance(self.result, Exception):
                raise self.result
            return self.result
        self.out += buf
        return len(buf)

    def ioctl(self, req, arg):
        print("Sink.ioctl", req, arg)
        return 0


k = Sink()
g = deflate.DeflateIO(k, deflate.ZLIB, 9)
g.write(b"hello world hello world")
print(k.calls, k.sizes)
g.close()
print(k.calls, k.sizes, bytes(k.out))
print(deflate.DeflateIO(io.BytesIO(k.out)).read())

# close=True closes the wrapped stream (its ioctl 4); closing twice does nothing more
k = Sink()
g = deflate.DeflateIO(k, deflate.RAW, 8, True)
g.write(b"abc")
g.close()
g.close()
print(bytes(k.out))

# errors of the sink: in the header, in the data, in the trailer, an exception
for fmt, fail_at, result in (
    (deflate.ZLIB, 1, -5),
    (deflate.GZIP, 1, None),
    (deflate.RAW, 1, -5),
    (deflate.RAW, 2, -7),
    (deflate.GZIP, 5, -5),
    (deflate.ZLIB, 3, ValueError("v")),
):
    k = Sink(fail_at, result)
    g = deflate.DeflateIO(k, fmt)
    try:
        g.write(b"abcabcabc")
        g.write(b"xyz")
        g.close()
        print("ok", bytes(k.out))
    except OSError as e:
        print("OSError", e.errno, k.calls)
    except ValueError as e:
        print("ValueError", e, k.calls)

# A file as source and sink.
name = "deflate_stream_python.tmp"
with open(name, "wb") as f:
    with deflate.DeflateIO(f, deflate.GZIP) as g:
        for i in range(50):
            g.write(b"line %d\n" % i)
with open(name, "rb") as f:
    data = f.read()
print(len(data), data[:10])
with open(name, "rb") as f:
    g = deflate.DeflateIO(f)
    print(g.readline(), g.readline(), len(g.read()))
    print(f.read())
try:
    import os

    os.remove(name)
except (ImportError, AttributeError, OSError):
    pass
