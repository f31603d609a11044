# importing a .mpy file from a vfs.VfsRom (here over a heap bytes object, so
# the loader copies it; a firmware's ROMFS partition runs it in place)
try:
    import vfs, sys
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


def image(entries):
    payload = b"".join(entries)
    n = uint(len(payload))
    if (3 + len(n) + len(payload)) % 2:
        n = b"\x80" + n
    return b"\xd2\xcd\x31" + n + payload


# rommod.py compiled by mpy-cross (bytecode only, small ints of 31 bits):
#   greeting = "a str constant kept in ROM"; blob = b"a bytes constant kept in ROM"
#   big = 12345678901234567890; ratio = 0.25; def twice(x): return x * 2
rommod_mpy = (
    b'M\x06\x00\x1f\x08\x04\x12rommod.py\x00\x0f\ntwice\x00\x10greeting\x00\x08blob'
    b'\x00\x06big\x00\nratio\x00\x02x\x00\x05\x1aa str constant kept in'
    b' ROM\x00\x06\x1ca bytes constant kept in ROM\x00\x07\x1412'
    b'345678901234567890\x08\x040.25\x81l\x00\n\x01$$$d#\x00\x16\x03#\x01\x16'
    b'\x04#\x02\x16\x05#\x03\x16\x062\x00\x16\x02Qc\x01P\x11\x08\x02\x07\x80\x07\xb0\x82\xf4c'
)

# a truncated and a corrupted copy: ValueError, and the runtime carries on
bad_mpy = rommod_mpy[:60]
worse_mpy = rommod_mpy[:4] + b"\xff" * (len(rommod_mpy) - 4)

vfs.mount(
    vfs.VfsRom(
        image(
            [
                mkfile(b"rommod.mpy", rommod_mpy),
                mkfile(b"rombad.mpy", bad_mpy),
                mkfile(b"romworse.mpy", worse_mpy),
            ]
        )
    ),
    "/rommpy",
)
sys.path.insert(0, "/rommpy")

import rommod

print(rommod.__file__)
print(rommod.greeting, rommod.blob, rommod.big, rommod.ratio, rommod.twice(21))
print(type(rommod.greeting), type(rommod.blob), hash(rommod.greeting) == hash("a str constant kept in ROM"))
print(rommod.greeting == "a str constant kept in ROM", rommod.blob[2:7])

for name in ("rombad", "romworse"):
    try:
        __import__(name)
    except ValueError as e:
        print(name, "ValueError", e)
print(rommod.twice("ok"))

sys.path.pop(0)
vfs.umount("/rommpy")
print(rommod.twice(4), rommod.greeting.upper())
