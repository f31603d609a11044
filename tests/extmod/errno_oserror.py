# how OSError prints when the errno module is there: MicroPython names the errno
# ("[Errno 2] ENOENT"); CPython prints the number alone, or its strerror
import errno

print(OSError(errno.ENOENT))
print(str(OSError(2)), repr(OSError(2)))
print(OSError(2, "x"), repr(OSError(2, "x")))
print(OSError(errno.EIO, "details", "more details"))
print(OSError(errno.EINPROGRESS), OSError(errno.EPERM), OSError(errno.EOPNOTSUPP))
print(OSError(9999), OSError(9999, "x"), OSError(-1), OSError(0))
print(OSError("msg"), OSError(), OSError(2.0), OSError(2, 3))
try:
    raise OSError(errno.EAGAIN)
except OSError as e:
    print(e, e.errno, e.args)


class MyError(OSError):
    pass


print(MyError(2), repr(MyError(2, "x")))
print(ValueError(2), RuntimeError(2, "x"))
import uerrno

print(uerrno.ENOENT, uerrno is errno)
