# os: sep, urandom, uname, sync
import os

print(os.sep)

for n in (0, 1, 7, 64, 1000):
    r = os.urandom(n)
    print(n, type(r), len(r))
# 16 random bytes twice are (all but surely) different
print(os.urandom(16) != os.urandom(16))
# all byte values turn up in a long sample
print(len(set(os.urandom(20000))))

for bad in (-1, "8", 2.5, None):
    try:
        os.urandom(bad)
    except ValueError:
        print(repr(bad), "ValueError")
    except TypeError:
        print(repr(bad), "TypeError")

u = os.uname()
print(len(u), [type(x) for x in u] == [str] * 5)
print(u.sysname == u[0], u.nodename == u[1], u.release == u[2], u.version == u[3], u.machine == u[4])

print(os.sync())
