# asyncio for mpy-wasm: streams.
#
# A Stream wraps any object with the stream protocol that select.poll can
# wait on (non-blocking read/readinto/readline/write returning None when they
# would block, and an ioctl answering MP_STREAM_POLL).  The TCP helpers need
# a `socket` module: without one, awaiting them raises ImportError.

from . import core


# One class reads and writes (StreamReader and StreamWriter are both it).
class Stream:
    def __init__(self, s, e={}):
        self.s = s
        self.e = e
        self.out_buf = b""

    def get_extra_info(self, v):
        return self.e[v]

    def close(self):
        pass

    async def wait_closed(self):
        self.s.close()

    # `await stream.read(n)`: up to n bytes (n < 0: everything until EOF).
    def read(self, n=-1):
        got = b""
        while True:
            yield core._io_queue.queue_read(self.s)
            part = self.s.read(n)
            if part is None:
                continue
            if n >= 0:
                return part
            if not part:
                return got
            got += part

    # `await stream.readinto(buf)`: the number of bytes read into buf.
    def readinto(self, buf):
        yield core._io_queue.queue_read(self.s)
        return self.s.readinto(buf)

    # `await stream.readexactly(n)`: n bytes; EOFError if the stream ends first.
    def readexactly(self, n):
        got = b""
        while n:
            yield core._io_queue.queue_read(self.s)
            part = self.s.read(n)
            if part is None:
                continue
            if not part:
                raise EOFError
            got += part
            n -= len(part)
        return got

    # `await stream.readline()`: one line with its newline (less at EOF).
    def readline(self):
        line = b""
        while True:
            yield core._io_queue.queue_read(self.s)
            part = self.s.readline()
            if part is None:
                continue
            line += part
            # line, not part: part may be a str
            if not part or line[-1] == 10:
                return line

    # Writes what the stream takes now and buffers the rest for drain().
    def write(self, buf):
        if not self.out_buf:
            n = self.s.write(buf)
            if n == len(buf):
                return
            if n is not None:
                buf = buf[n:]
        self.out_buf += buf

    # `await stream.drain()`: writes out the buffered data.  Always yields,
    # so that a loop of write() and drain() lets other tasks run.
    def drain(self):
        if not self.out_buf:
            return (yield from core.sleep_ms(0))
        mv = memoryview(self.out_buf)
        off = 0
        while off < len(mv):
            yield core._io_queue.queue_write(self.s)
            n = self.s.write(mv[off:])
            if n is not None:
                off += n
        self.out_buf = b""


StreamReader = Stream
StreamWriter = Stream


# `await open_connection(host, port)`: (reader, writer) of a TCP connection.
def open_connection(host, port, ssl=None, server_hostname=None):
    from errno import EINPROGRESS
    import socket

    ai = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)[0]
    s = socket.socket(ai[0], ai[1], ai[2])
    s.setblocking(False)
    try:
        s.connect(ai[-1])
    except OSError as er:
        if er.errno != EINPROGRESS:
            raise er
    if ssl:
        if ssl is True:
            import ssl as _ssl

            ssl = _ssl.SSLContext(_ssl.PROTOCOL_TLS_CLIENT)
        s = ssl.wrap_socket(
            s, server_hostname=server_hostname or host, do_handshake_on_connect=False
        )
        s.setblocking(False)
    st = Stream(s)
    # connected once writable
    yield core._io_queue.queue_write(s)
    return st, st


# A TCP server started by start_server; `async with` closes it.
class Server:
    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.close()
        await self.wait_closed()

    def close(self):
        # a cancel asked for by close() ends the serving task quietly
        self.state = True
        self.task.cancel()

    async def wait_closed(self):
        await self.task

    async def _serve(self, s, cb, ssl):
        self.state = False
        while True:
            try:
                yield core._io_queue.queue_read(s)
            except core.CancelledError as er:
                s.close()
                if self.state:
                    return
                raise er
            try:
                s2, addr = s.accept()
            except:
                continue
            if ssl:
                try:
                    s2 = ssl.wrap_socket(s2, server_side=True, do_handshake_on_connect=False)
                except OSError as e:
                    core.sys.print_exception(e)
                    s2.close()
                    continue
            s2.setblocking(False)
            st = Stream(s2, {"peername": addr})
            core.create_task(cb(st, st))


# `await start_server(cb, host, port)`: a Server calling cb(reader, writer)
# in a new task for each connection.
async def start_server(cb, host, port, backlog=5, ssl=None):
    import socket

    ai = socket.getaddrinfo(host, port)[0]
    s = socket.socket(ai[0])
    s.setblocking(False)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(ai[-1])
    s.listen(backlog)
    srv = Server()
    srv.task = core.create_task(srv._serve(s, cb, ssl))
    try:
        # let the serving task start, so that it sees a cancel
        await core.sleep_ms(0)
    except core.CancelledError as er:
        srv.task.cancel()
        raise er
    return srv


# The old uasyncio's names.


async def _awrite(self, buf, off=0, sz=-1):
    if off != 0 or sz != -1:
        buf = memoryview(buf)
        if sz == -1:
            sz = len(buf)
        buf = buf[off : off + sz]
    self.write(buf)
    await self.drain()


Stream.aclose = Stream.wait_closed
Stream.awrite = _awrite
Stream.awritestr = _awrite
