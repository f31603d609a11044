# os: mkdir, listdir, stat, rename, remove, rmdir, chdir and getcwd on the
# host's filesystem, with absolute and relative paths
import os

base = "/tmp/mpy_test_os_dir_ops"
try:
    os.stat(base)
    print("SKIP")
    raise SystemExit
except OSError:
    pass

os.mkdir(base)
print(os.listdir(base))
print(os.stat(base)[0] & 0o170000 == 0o040000)

# files: create, size, listdir
for name, data in (("a.txt", "hello"), ("b.bin", "12345678")):
    with open(base + "/" + name, "w") as f:
        f.write(data)
print(sorted(os.listdir(base)))
st = os.stat(base + "/b.bin")
print(st[0] & 0o170000 == 0o100000, st[6])
print(len(st))

# bytes paths list as bytes
print(sorted(os.listdir(base.encode())))

# a subdirectory
os.mkdir(base + "/sub")
print(sorted(os.listdir(base)))
print(os.stat(base + "/sub")[0] & 0o170000 == 0o040000)

# relative paths after chdir
cwd = os.getcwd()
os.chdir(base)
print(os.getcwd() == base)
print(sorted(os.listdir()))
print(sorted(os.listdir(".")))
print(os.listdir("sub"))
with open("sub/c.txt", "w") as f:
    f.write("in sub")
with open("sub/c.txt") as f:
    print(f.read())
os.chdir("sub")
print(os.getcwd() == base + "/sub")
print(os.listdir())
os.chdir("..")
print(os.getcwd() == base)

# rename a file and a directory
os.rename("a.txt", "a2.txt")
os.rename("sub", "sub2")
print(sorted(os.listdir()))
with open("sub2/c.txt") as f:
    print(f.read())

# remove files, then the directories
os.remove("a2.txt")
os.remove(base + "/b.bin")
os.remove("sub2/c.txt")
print(sorted(os.listdir()))
os.rmdir("sub2")
print(os.listdir())
os.chdir(cwd)
print(os.getcwd() == cwd)
os.rmdir(base)
print(base[5:] in os.listdir("/tmp"))
