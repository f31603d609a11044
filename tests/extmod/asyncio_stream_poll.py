# Stream (StreamReader/StreamWriter) over a Python stream object that
# select.poll waits on through its ioctl: reads that wait for data fed by
# another task, readline, readexactly and its EOFError, read to EOF,
# readinto, and writes that the stream takes in parts (drain).
try:
    import asyncio, io
except ImportError:
    print("SKIP")
    raise SystemExit

MP_STREAM_POLL = 3
POLLIN = 1
POLLOUT = 4


class Pipe(io.IOBase):
    def __init__(self, room):
        self.buf = b""
        self.eof = False
        self.room = room
        self.written = b""

    def ioctl(self, req, arg):
        if req == MP_STREAM_POLL:
            r = 0
            if arg & POLLIN and (self.buf or self.eof):
                r |= POLLIN
            if arg & POLLOUT and self.room:
                r |= POLLOUT
            return r
        return -1

    def _take(self, n):
        if n < 0 or n > len(self.buf):
            n = len(self.buf)
        b = self.buf[:n]
        self.buf = self.buf[n:]
        return b

    def read(self, n=-1):
        if not self.buf:
            return b"" if self.eof else None
        return self._take(n)

    def readinto(self, buf):
        if not self.buf:
            return 0 if self.eof else None
        b = self._take(len(buf))
        buf[: len(b)] = b
        return len(b)

    def readline(self):
        if not self.buf:
            return b"" if self.eof else None
        i = self.buf.find(b"\n")
        return self._take(len(self.buf) if i < 0 else i + 1)

    def write(self, b):
        if not self.room:
            return None
        n = min(self.room, len(b))
        self.room -= n
        self.written += bytes(b[:n])
        print("pipe took", n)
        return n

    def close(self):
        print("pipe closed")


async def feed(pipe, parts):
    for p in parts:
        await asyncio.sleep(0.01)
        if p is None:
            pipe.eof = True
        else:
            pipe.buf += p


async def make_room(pipe, steps):
    for n in steps:
        # only once the stream has taken all it could
        while pipe.room:
            await asyncio.sleep(0)
        await asyncio.sleep(0.01)
        pipe.room += n


async def main():
    p = Pipe(0)
    s = asyncio.StreamReader(p)
    asyncio.create_task(feed(p, [b"hel", b"lo\nwor", b"ld\n", b"abcdef", b"xyz", None]))
    print(await s.readline())
    print(await s.readline())
    print(await s.read(4))
    print(await s.readexactly(3))
    print(await s.read())
    print("at EOF:", await s.read(), await s.readline(), await s.read(5))

    p = Pipe(0)
    s = asyncio.StreamReader(p)
    asyncio.create_task(feed(p, [b"ab", None]))
    try:
        await s.readexactly(5)
    except EOFError:
        print("readexactly: EOFError")

    p = Pipe(0)
    s = asyncio.StreamReader(p)
    asyncio.create_task(feed(p, [b"12345"]))
    buf = bytearray(3)
    n = await s.readinto(buf)
    print("readinto:", n, buf)

    # writes: taken at once while there is room, the rest waits for drain()
    p = Pipe(4)
    w = asyncio.StreamWriter(p, {"peername": "pipe"})
    print("extra info:", w.get_extra_info("peername"))
    w.write(b"012")
    w.write(b"3456789")
    print("buffered:", w.out_buf)
    asyncio.create_task(make_room(p, [2, 1, 10]))
    await w.drain()
    print("written:", p.written, "buffered:", w.out_buf)
    await w.drain()
    await w.awrite(b"abcdef", 1, 3)
    print("written:", p.written)
    w.close()
    await w.wait_closed()

    # two tasks: one reading, one writing the same stream
    p = Pipe(0)
    rw = asyncio.StreamWriter(p)
    rw.write(b"out")
    r = asyncio.create_task(rw.readline())
    d = asyncio.create_task(rw.drain())
    asyncio.create_task(feed(p, [b"in\n"]))
    asyncio.create_task(make_room(p, [0, 0, 5]))
    print(await r)
    await d
    print("written:", p.written)

    # cancelling a task waiting for a stream
    p = Pipe(0)
    t = asyncio.create_task(asyncio.StreamReader(p).read(1))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("read cancelled")
    # the loop does not wait for that stream any more
    print("waiting on streams:", len(asyncio.core._io_queue.map))

    # no socket module: the TCP helpers raise ImportError when awaited
    try:
        await asyncio.open_connection("localhost", 1)
    except ImportError:
        print("open_connection: ImportError")
    try:
        await asyncio.start_server(None, "localhost", 1)
    except ImportError:
        print("start_server: ImportError")


asyncio.run(main())
