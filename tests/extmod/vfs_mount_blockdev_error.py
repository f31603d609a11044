# vfs.mount of an object without a mount method: MicroPython takes it for
# a block device and looks for a FAT or littlefs filesystem on it; with
# neither filesystem type built in (mpy-wasm so far) that is OSError(ENODEV)
import os, vfs


class BlockDev:
    def readblocks(self, n, buf, off=0):
        for i in range(len(buf)):
            buf[i] = 0xFF

    def writeblocks(self, n, buf, off=None):
        pass

    def ioctl(self, op, arg):
        if op == 4:  # block count
            return 64
        if op == 5:  # block size
            return 512
        return 0


for dev in (BlockDev(), 123, object(), None):
    try:
        vfs.mount(dev, "/test_bdev")
        print("mounted")
    except OSError as e:
        print(type(dev).__name__, "OSError", e.errno)
print([p for _, p in vfs.mount()])
print("test_bdev" in os.listdir("/"))
