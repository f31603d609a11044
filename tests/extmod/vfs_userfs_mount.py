# vfs: Python objects as mounted filesystems: mount and umount, which
# filesystem and path each os function reaches, the current directory, the
# root directory, and the errors of the VFS layer
import os, vfs


class FS:
    def __init__(self, name, files=()):
        self.name = name
        self.files = list(files)
        self.cwd = "/"

    def mount(self, readonly, mkfs):
        print(self.name, "mount", readonly, mkfs)

    def umount(self):
        print(self.name, "umount")

    def ilistdir(self, path):
        print(self.name, "ilistdir", repr(path))
        return iter([(f, 0x8000, 0) for f in self.files])

    def chdir(self, path):
        print(self.name, "chdir", repr(path))
        self.cwd = path if path.startswith("/") else self.cwd.rstrip("/") + "/" + path

    def getcwd(self):
        return self.cwd

    def stat(self, path):
        print(self.name, "stat", repr(path))
        return (0x8000, 0, 0, 0, 0, 0, 5, 0, 0, 0)

    def statvfs(self, path):
        print(self.name, "statvfs", repr(path))
        return (512, 512, 10, 5, 5, 0, 0, 0, 0, 255)

    def mkdir(self, path):
        print(self.name, "mkdir", repr(path))

    def remove(self, path):
        print(self.name, "remove", repr(path))

    def rename(self, old, new):
        print(self.name, "rename", repr(old), repr(new))

    def rmdir(self, path):
        print(self.name, "rmdir", repr(path))

    def open(self, path, mode):
        print(self.name, "open", repr(path), repr(mode))
        return "file " + path

    def __repr__(self):
        return "FS(%s)" % self.name


def error(f, *args):
    try:
        f(*args)
        print("no error")
    except OSError as e:
        print("OSError", e.errno)
    except TypeError:
        print("TypeError")


def mounts():
    return [(type(fs).__name__ if type(fs) is not FS else fs, p) for fs, p in vfs.mount()]


cwd = os.getcwd()
print(mounts())

# mounting next to the host filesystem at "/"
a = FS("a", ["x", "y"])
vfs.mount(a, "/test_a")
vfs.mount(FS("b"), "/test_b", readonly=True)
print(mounts())
print(os.listdir("/test_a"))
print(os.listdir("/test_a/"))
print(os.listdir(b"/test_a/sub"))
print(list(os.ilistdir("/test_a")))
print(os.stat("/test_a")[6])
print(os.stat("/test_a/x")[0])
print(os.statvfs("/test_a/x")[0])
os.mkdir("/test_a/d")
os.remove("/test_a/x")
os.rmdir("/test_a/d")
os.rename("/test_a/x", "/test_a/z")
print(open("/test_a/x"))
print(open("/test_a/y", "wb"))
print(open(file="/test_a/z", mode="a"))

# a mount point is not a prefix of a longer name
error(os.stat, "/test_abc")
print(os.getcwd() == cwd)

# the current directory inside a mounted filesystem
os.chdir("/test_a")
print(os.getcwd())
print(os.listdir())
os.chdir("sub")
print(os.getcwd())
print(open("rel.txt"))
os.stat("rel.txt")
os.chdir("/test_a/")
print(os.getcwd())

# "/" with a filesystem mounted there goes to its root
os.chdir("/")
print(os.getcwd())
os.chdir(cwd)
print(os.getcwd() == cwd)

# errors of the VFS layer
error(vfs.mount, FS("c"), "/test_a")  # in use
error(vfs.mount, FS("d"), 1)  # mount point not a str
error(vfs.umount, "/test_c")  # not mounted
error(vfs.umount, FS("e"))
error(os.rename, "/test_a/x", "/test_b/x")  # across filesystems
error(os.mkdir, "/test_a")  # a mount point
error(os.mkdir, "/test_a/")
print(mounts())

# umount by object and by path
vfs.umount(a)
vfs.umount("/test_b")
print(mounts())

# with nothing mounted at "/": the root directory lists the mount points
vfs.mount(FS("r"), "/test_r")
vfs.umount("/")
print(mounts())
print(os.listdir("/"))
print(os.listdir(b"/"))
print(list(os.ilistdir("")))
print(os.stat("/"))
print(os.statvfs("/"))
print(os.getcwd())
error(os.stat, "/nothing")
error(os.listdir, "nothing")
error(open, "nothing")
error(open, "/")
error(os.mkdir, "/")
error(os.remove, "/")
error(os.chdir, "/nothing")
print(os.getcwd())
os.chdir("/test_r")
print(os.getcwd())
vfs.umount("/test_r")
print(os.getcwd())

# a filesystem at "/" and one inside it
vfs.mount(FS("root", ["r1"]), "/")
vfs.mount(FS("sub", ["s1"]), "/sub")
print(mounts())
print(os.listdir("/"))
print(os.listdir())
os.chdir("/sub")
print(os.getcwd())
print(os.listdir())
os.chdir("/")
print(os.getcwd())
print(os.statvfs("/"))
vfs.umount("/")
vfs.umount("/sub")

# back to the host's filesystem
vfs.mount(vfs.VfsPosix(), "/")
os.chdir(cwd)
print(os.getcwd() == cwd)
print(mounts())
