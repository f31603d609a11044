# vfs.VfsRom over a ROMFS image in a bytes object: listing, stat, files, mounting
try:
    import vfs, os, sys
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


def mkfile(name, data):
    return rec(5, uint(len(name)) + name + rec(2, data))


def mkdir(name, entries):
    return rec(4, uint(len(name)) + name + b"".join(entries))


def image(entries):
    payload = b"".join(entries)
    n = uint(len(payload))
    if (3 + len(n) + len(payload)) % 2:
        n = b"\x80" + n
    return b"\xd2\xcd\x31" + n + payload


rom = image(
    [
        mkfile(b"hello.txt", b"line one\nline two\n"),
        mkdir(b"pkg", [mkfile(b"__init__.py", b"name = 'pkg'\n"), mkfile(b"mod.py", b"def f(x):\n    return x * 2\n")]),
        mkfile(b"romtest_top.py", b"print('romtest_top imported')\nvalue = 42\n"),
        mkdir(b"empty", []),
    ]
)
print(len(rom) % 2)

fs = vfs.VfsRom(rom)
print(type(fs).__name__)
print(list(fs.ilistdir("")))
print(list(fs.ilistdir("/")))
print(list(fs.ilistdir(b"/pkg")))
print(list(fs.ilistdir("empty")))
print(fs.stat("/hello.txt"))
print(fs.stat("pkg"))
print(fs.stat("/"))
print(fs.statvfs("/")[:3], fs.statvfs("")[9])
print(fs.getcwd() == "")
print(fs.mount(False, False), fs.mount(True, False))

# files: text and binary, read, readline, seek, tell, iteration
with fs.open("hello.txt", "r") as f:
    print(f.readline())
    print(f.read())
    print(f.read())
with fs.open("/hello.txt", "rb") as f:
    print(f.read(4), f.tell())
    print(f.seek(-4, 2), f.read())
    print(f.seek(2), f.seek(3, 1), f.read(3))
    print(f.seek(100), f.read())
    b = bytearray(4)
    f.seek(0)
    print(f.readinto(b), b)
    print(bytes(memoryview(f)[5:8]))
with fs.open("hello.txt", "") as f:
    print([line for line in f])
f = fs.open("hello.txt", "b")
print(f.readlines())
f.close()

# mounted: through os, open and import
vfs.mount(fs, "/romtest")
print(os.listdir("/romtest"))
print(os.listdir("/romtest/pkg"))
print(os.stat("/romtest/hello.txt")[6])
with open("/romtest/hello.txt") as f:
    print(repr(f.read(8)))
sys.path.insert(0, "/romtest")
import romtest_top

print(romtest_top.value, romtest_top.__file__)
import pkg.mod

print(pkg.name, pkg.mod.f(21), pkg.mod.__file__)
os.chdir("/romtest")
print(os.getcwd(), os.listdir())
os.chdir("/")
vfs.umount("/romtest")
sys.path.pop(0)
print("/romtest" in [m[1] for m in vfs.mount()])
