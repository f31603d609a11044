# errno: MicroPython's constants (Linux values) and the errorcode dict
import errno

names = (
    "EPERM", "ENOENT", "EIO", "EBADF", "EAGAIN", "ENOMEM", "EACCES", "EEXIST", "ENODEV",
    "EISDIR", "EINVAL", "EADDRINUSE", "ECONNABORTED", "ECONNRESET", "ENOBUFS",
    "ENOTCONN", "ETIMEDOUT", "ECONNREFUSED", "EHOSTUNREACH", "EALREADY", "EINPROGRESS",
)
for name in names:
    v = getattr(errno, name)
    print(name, type(v).__name__, v, errno.errorcode[v], errno.errorcode[v] == name)
print(errno.EOPNOTSUPP)
print(type(errno.errorcode).__name__, errno.ENOENT in errno.errorcode, 9999 in errno.errorcode)
print(errno.errorcode.get(9999), errno.errorcode.get(errno.EIO))
print(errno.__name__)
try:
    errno.errorcode[9999]
except KeyError as e:
    print("KeyError", e)

# OSError carries the errno
try:
    raise OSError(errno.EEXIST, "exists")
except OSError as e:
    print(e.errno == errno.EEXIST, e.args, errno.errorcode[e.errno])
