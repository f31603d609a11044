# vfs: a Python filesystem whose files are io.IOBase subclasses: open()
# returns them, the stream functions call their readinto/write/ioctl, and
# import reads .py and .mpy files through them in chunks of the size their
# ioctl asks for (MicroPython's reader sizes on a 32-bit port with 16-byte
# GC blocks: 25 bytes by default, between 9 and 255; a 64-bit unix port
# reads 53 by default, between 21 and 255)
import io, sys, vfs


class File(io.IOBase):
    bufsize = -1
    verbose = False

    def __init__(self, name, data):
        self.name = name
        self.data = data
        self.pos = 0

    def readinto(self, buf):
        if self.verbose:
            print("readinto", len(buf))
        if self.data is None:
            raise ValueError("unreadable")
        n = min(len(buf), len(self.data) - self.pos)
        buf[:n] = self.data[self.pos : self.pos + n]
        self.pos += n
        return n

    def write(self, buf):
        self.data += bytes(buf)
        return len(buf)

    def ioctl(self, req, arg):
        print("ioctl", self.name, req, arg)
        if req == 11:  # MP_STREAM_GET_BUFFER_SIZE
            return File.bufsize
        return 0


mpy = b'M\x06\x00\x1f\x05\x00\x08m.py\x00\x0f\x02f\x00\x0cfrom f\x00\x02x\x00l\x00\x04\x01#\x81\x16\x042\x00\x16\x02Qc\x018\x00\x04\x02@\x10\x03c'


class FS:
    def __init__(self):
        self.files = {
            "/text.txt": b"line 1\nline 2\nlast",
            "/mod_py.py": b"print('running mod_py')\nvalue = 2 * 21\n",
            "/mod_mpy.mpy": mpy,
            "/mod_bad.py": None,
            "/mod_long.py": b"s = '" + b"x" * 300 + b"'\n",
        }

    def mount(self, readonly, mkfs):
        pass

    def umount(self):
        pass

    def stat(self, path):
        if path in self.files:
            return (0x8000, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        if path == "/oserror.py":
            return (0x8000, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        raise OSError(2)

    def open(self, path, mode):
        print("open", path, mode)
        if path == "/oserror.py":
            raise OSError(5)
        if path == "/new.txt":
            self.files[path] = b""
        return File(path, self.files[path])


fs = FS()
vfs.mount(fs, "/test_s")

# open() returns what the filesystem's open() returns
f = open("/test_s/text.txt", "rb")
print(type(f).__name__, f.name, f.data)

# writing through print(file=) and write()
f = open("/test_s/new.txt", "w")
print("hello", 42, file=f)
f.write(b"more")
print(f.data)

# imports read the file in chunks, then close it before running it
sys.path.append("/test_s")
File.verbose = True
import mod_py

print(mod_py.value, mod_py.__file__)
import mod_mpy

print(mod_mpy.x, mod_mpy.f(), mod_mpy.__file__)
File.verbose = False

# the buffer size a file asks for is kept between 9 and 255 bytes
for size in (0, 4, 64, 1000):
    File.bufsize = size
    File.verbose = True
    sys.modules.pop("mod_long", None)
    import mod_long

    File.verbose = False
    print(len(mod_long.s))

# errors while importing: the file is closed and the error passes through
File.bufsize = -1
try:
    import mod_bad
except ValueError as e:
    print("ValueError", e)
try:
    import oserror
except OSError as e:
    print("OSError", e.errno)
try:
    import mod_missing
except ImportError:
    print("ImportError")

sys.path.pop()
vfs.umount("/test_s")
print("done")
