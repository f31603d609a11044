# vfs.VfsPosix with a root directory, mounted inside the host filesystem:
# paths below the mount point go below the root; read-only mounts
import gc, os, sys, vfs

base = "/tmp/mpy_test_vfs_posix_root"
try:
    os.stat(base)
    print("SKIP")
    raise SystemExit
except OSError:
    pass


def error(f, *args, **kw):
    try:
        f(*args, **kw)
        print("no error")
    except OSError as e:
        print("OSError", e.errno)
    except TypeError:
        print("TypeError")


os.mkdir(base)
cwd = os.getcwd()
fs = vfs.VfsPosix(base)
print(fs)
vfs.mount(fs, "/test_p")
print([p for _, p in vfs.mount()])

# files and directories through the mount point
with open("/test_p/f.txt", "w") as f:
    print(f.write("data"))
print(os.listdir(base))
print(os.listdir("/test_p"))
print(os.listdir(b"/test_p"))
print([(n, t) for n, t, *_ in os.ilistdir("/test_p")])
print(os.stat("/test_p/f.txt")[6])
print(os.stat("/test_p")[0] & 0x4000)
os.mkdir("/test_p/d")
os.rename("/test_p/f.txt", "/test_p/d/g.txt")
print(sorted(os.listdir("/test_p")), os.listdir("/test_p/d"))
with open("/test_p/d/g.txt") as f:
    print(f.read())
print(type(os.statvfs("/test_p")), len(os.statvfs("/test_p")))

# its current directory
os.chdir("/test_p/d")
print(os.getcwd())
print(os.listdir())
with open("g.txt", "rb") as f:
    print(f.read())
os.chdir("..")
print(os.getcwd())
os.chdir("/test_p")
print(os.getcwd())

# import from it
with open("/test_p/vfs_posix_root_mod.py", "w") as f:
    f.write("x = 42\n")
sys.path.insert(0, "/test_p")
import vfs_posix_root_mod

print(vfs_posix_root_mod.x, vfs_posix_root_mod.__file__)
sys.path.pop(0)
os.remove("/test_p/vfs_posix_root_mod.py")
os.chdir(cwd)

# a listing left unfinished is closed when collected
for i in range(3):
    it = os.ilistdir("/test_p")
    next(it)
    it = None
    gc.collect()
print(os.listdir("/test_p/d"))

# errors inside the mount
error(os.stat, "/test_p/missing")
error(os.listdir, "/test_p/missing")
error(os.rmdir, "/test_p/d")
error(open, "/test_p/missing")
error(os.chdir, "/test_p/missing")
vfs.umount("/test_p")

# read-only
vfs.mount(vfs.VfsPosix(base), "/test_p", readonly=True)
with open("/test_p/d/g.txt") as f:
    print(f.read())
for mode in ("w", "a", "r+", "wb"):
    error(open, "/test_p/d/g.txt", mode)
error(os.mkdir, "/test_p/e")
error(os.remove, "/test_p/d/g.txt")
error(os.rename, "/test_p/d/g.txt", "/test_p/h.txt")
error(os.rmdir, "/test_p/d")
print(os.listdir("/test_p/d"))
vfs.umount("/test_p")

# mkfs is refused; bad arguments
error(vfs.mount, vfs.VfsPosix(base), "/test_p", mkfs=True)
print([p for _, p in vfs.mount()])
error(vfs.VfsPosix, base, base)
error(vfs.VfsPosix, 1)
error(vfs.VfsPosix, root=base)
error(vfs.VfsPosix(base).mount, False)

# a relative root is taken from the current directory
os.chdir(base)
fs = vfs.VfsPosix("d")
print(list(n for n, *_ in fs.ilistdir("/")))
print(fs.stat("/g.txt")[6])
os.chdir(cwd)

os.remove(base + "/d/g.txt")
os.rmdir(base + "/d")
os.rmdir(base)
print(os.getcwd() == cwd)
