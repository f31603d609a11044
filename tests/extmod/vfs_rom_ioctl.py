# vfs.rom_ioctl without a ROMFS partition (the plain core; a firmware image
# with one is tested by tests/host/romfs.test.mjs): no partitions, -EINVAL
try:
    import vfs, sys
    vfs.rom_ioctl
except (ImportError, AttributeError):
    print("SKIP")
    raise SystemExit

print(vfs.rom_ioctl(1))
print(vfs.rom_ioctl(2), vfs.rom_ioctl(2, 0), vfs.rom_ioctl(2, 1), vfs.rom_ioctl(2, -1))
print(vfs.rom_ioctl(3, 0, 100), vfs.rom_ioctl(4, 0, 0, b"x"), vfs.rom_ioctl(5, 0), vfs.rom_ioctl(6, 0))
print(vfs.rom_ioctl(0), vfs.rom_ioctl(99, 0))
for args in ((), ("x",), (2, "y"), (1, 2, 3, 4, 5)):
    try:
        vfs.rom_ioctl(*args)
    except TypeError as e:
        print("TypeError", e)
print("/rom" in sys.path, "/rom" in [m[1] for m in vfs.mount()])
try:
    vfs.VfsRom(vfs.rom_ioctl(2, 0))
except TypeError as e:
    print("TypeError", e)
