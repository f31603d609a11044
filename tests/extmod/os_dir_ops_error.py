# os: errors of the host's filesystem come back as OSError with the errno
import os

base = "/tmp/mpy_test_os_dir_ops_error"
try:
    os.stat(base)
    print("SKIP")
    raise SystemExit
except OSError:
    pass


def check(what, f, *args):
    try:
        f(*args)
        print(what, "no error")
    except OSError as e:
        print(what, "OSError", e.errno)
    except TypeError:
        print(what, "TypeError")


missing = base + "/missing"
os.mkdir(base)
with open(base + "/file", "w") as f:
    f.write("x")
os.mkdir(base + "/dir")
with open(base + "/dir/f", "w") as f:
    f.write("y")

check("stat missing", os.stat, missing)
check("listdir missing", os.listdir, missing)
check("chdir missing", os.chdir, missing)
check("remove missing", os.remove, missing)
check("rmdir missing", os.rmdir, missing)
check("rename missing", os.rename, missing, base + "/x")
check("open missing", open, missing)
check("mkdir in missing", os.mkdir, missing + "/sub")
check("mkdir existing", os.mkdir, base + "/dir")
check("rmdir not empty", os.rmdir, base + "/dir")
check("rmdir a file", os.rmdir, base + "/file")
check("listdir a file", os.listdir, base + "/file")
check("chdir a file", os.chdir, base + "/file")
check("stat under a file", os.stat, base + "/file/x")
check("open a dir for writing", open, base + "/dir", "w")
check("remove a dir", os.remove, base + "/dir")

# wrong types
check("stat int", os.stat, 1.5)
check("mkdir None", os.mkdir, None)
check("listdir int", os.listdir, 3.0)
check("rename types", os.rename, base + "/file", 3.0)
check("chdir list", os.chdir, [])

# the runtime lives on
os.remove(base + "/dir/f")
os.rmdir(base + "/dir")
os.remove(base + "/file")
os.rmdir(base)
print(os.listdir("/tmp").count(base[5:]))
