# vfs.VfsRom: bad images and refused operations raise OSError, as MicroPython's
try:
    import vfs, errno
    vfs.VfsRom
except (ImportError, AttributeError):
    print("SKIP")
    raise SystemExit


def uint(v):
    b = [v & 0x7F]
    v >>= 7
    while v:
        b.insert(0, 0x80 | (v & 0x7F))
        v >>= 7
    return bytes(b)


def rec(kind, payload):
    return uint(kind) + uint(len(payload)) + payload


def image(payload):
    n = uint(len(payload))
    if (3 + len(n) + len(payload)) % 2:
        n = b"\x80" + n
    return b"\xd2\xcd\x31" + n + payload


def attempt(what, f, *args):
    try:
        r = f(*args)
        print(what, "ok", r if not hasattr(r, "read") else "file")
    except OSError as e:
        print(what, "OSError", errno.errorcode.get(e.errno, e.errno))
    except Exception as e:
        print(what, type(e).__name__, e)


# not an image
for bad in (b"", b"\xd2\xcd", b"xxxx", b"not a romfs", b"\xd2\xcd\x30\x00", b"\xd2\xcd\x31\x05", b"\xd2\xcd\x31\xff"):
    attempt("VfsRom", vfs.VfsRom, bad)
attempt("VfsRom int", vfs.VfsRom, 1234)
attempt("VfsRom str", vfs.VfsRom, "\xd2\xcd1\x00")

good = rec(5, uint(4) + b"file" + rec(2, b"data"))
fs = vfs.VfsRom(image(good))
attempt("stat", fs.stat, "file")
attempt("stat missing", fs.stat, "nofile")
attempt("stat under file", fs.stat, "file/x")
attempt("ilistdir file", fs.ilistdir, "file")
attempt("open missing", fs.open, "nofile", "r")
attempt("open dir", fs.open, "/", "rb")
for mode in ("w", "a", "r+", "wb", "ab"):
    attempt("open " + mode, fs.open, "file", mode)
attempt("open bad mode", fs.open, "file", 1)
attempt("stat bad path", fs.stat, 1)
attempt("mkfs", fs.mount, False, True)
attempt("chdir /", fs.chdir, "/")
attempt("chdir sub", fs.chdir, "/file")
f = fs.open("file", "rb")
attempt("seek before start", f.seek, -1)
attempt("seek cur before start", f.seek, -1, 1)
attempt("seek end before start", f.seek, -5, 2)
attempt("write", getattr, f, "write")


def mv_write():
    m = memoryview(f)
    m[0] = 1


attempt("memoryview write", mv_write)

# corrupted images: a record running past the image, a cut var-uint, a
# name longer than its record, an indirect data record pointing outside the
# image (cases 0, 4 and 5: MicroPython reads past the buffer there; here
# every read stays inside it and the record counts as corrupt: ENOENT)
corrupt = [
    image(b"\x05\x20" + uint(4) + b"file" + rec(2, b"data")),
    image(b"\x05\x7f" + uint(4) + b"file"),
    image(b"\x05\x06\x7ffile\x00"),
    image(b"\xff\xff\xff"),
    image(rec(5, uint(4) + b"file" + rec(3, uint(4) + uint(1000)))),
    image(rec(5, uint(4) + b"file" + rec(3, uint(0xFFFFFFF) + uint(0)))),
    image(rec(5, uint(4) + b"file" + rec(3, b"\xff"))),
    image(rec(5, uint(4) + b"file" + rec(1, b"pad"))),
    image(rec(4, uint(3) + b"dir" + b"\x05\x7f")),
]
for i, img in enumerate(corrupt):
    try:
        fs = vfs.VfsRom(img)
    except OSError as e:
        print(i, "VfsRom OSError", errno.errorcode[e.errno])
        continue
    attempt(str(i) + " stat", fs.stat, "file")
    attempt(str(i) + " open", fs.open, "file", "rb")
    print(i, "listdir", list(fs.ilistdir("/")))
    attempt(str(i) + " listdir dir", lambda: list(fs.ilistdir("dir")))

# a bytearray image changed after mounting is re-read, still within bounds
ba = bytearray(image(good))
fs = vfs.VfsRom(ba)
ba[7:] = b"\xff" * (len(ba) - 7)
attempt("changed stat", fs.stat, "file")
print(list(fs.ilistdir("")))
print("done")
