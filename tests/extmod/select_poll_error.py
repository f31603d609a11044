# select.poll where MicroPython's own behaviour is undefined or crashes:
# a poll set changed by the ioctl of one of its objects, a failed
# register() followed by polls, callbacks scheduled during a wait.
try:
    import select, io, micropython

    io.IOBase
except (ImportError, AttributeError):
    print("SKIP")
    raise SystemExit


class Q(io.IOBase):
    def __init__(self, name, poller, action=None):
        self.name = name
        self.poller = poller
        self.action = action
        self.state = 1

    def ioctl(self, cmd, arg):
        if cmd == 10:
            return -1
        if cmd != 3:
            return -22
        print("ioctl", self.name)
        res = self.state
        if self.action is not None:
            act = self.action
            self.action = None
            r = act(self)
            if r is not None:
                res = r
        if res < 0:
            return res
        return res & arg


def names(lst):
    return sorted([o.name for o, f in lst])


# an object unregisters itself and registers another: the other is polled
# in the same pass
def swap(self):
    self.poller.unregister(self)
    self.poller.register(b, 1)


p = select.poll()
b = Q("b", p)
a = Q("a", p, swap)
c = Q("c", p)
p.register(a, 1)
p.register(c, 1)
print(names(p.poll(0)))
print(names(p.poll(0)))

# an object unregisters another, not yet polled
p = select.poll()
y = Q("y", p)
x = Q("x", p, lambda self: self.poller.unregister(y))
z = Q("z", p)
for o in (x, y, z):
    p.register(o, 1)
print(names(p.poll(0)))

# an object unregisters everything, then fails
p = select.poll()
u = Q("u", p)
w = Q("w", p)


def clear(self):
    self.poller.unregister(u)
    self.poller.unregister(w)
    return -5


u.action = clear
p.register(u, 1)
p.register(w, 1)
try:
    p.poll(0)
except OSError as e:
    print("OSError", e.errno)
print(p.poll(0))

# ipoll while the set changes under the iteration
p = select.poll()
objs = [Q(n, p) for n in "pqrs"]
for o in objs:
    p.register(o, 1)
it = p.ipoll(0)
first = next(it)
print(first[0].name)
p.unregister(objs[1])
p.unregister(objs[2])
print([t[0].name for t in it])

# a register() that fails leaves the set usable
f = open("select_poll_error.tmp", "w")
f.close()
p = select.poll()
p.register(Q("ok", p), 1)
try:
    p.register(f)
except ValueError as e:
    print("ValueError", e)
try:
    p.register(123.5)
except OSError as e:
    print("OSError", e)
print(names(p.poll(0)))


# an ioctl raising while the fd is asked for: nothing is registered
class R(io.IOBase):
    def ioctl(self, cmd, arg):
        raise RuntimeError("ioctl %d" % cmd)


try:
    p.register(R())
except RuntimeError as e:
    print("RuntimeError", e)
print(names(p.poll(0)))

# a callback scheduled while poll() waits runs during the wait
p = select.poll()
s = Q("s", p)
s.state = 0
def ready(arg):
    print("scheduled", arg)
    s.state = 1


def sched(self):
    micropython.schedule(ready, 7)


s.action = sched
p.register(s, 1)
print(names(p.poll()))

# poll(), ipoll() and a timeout on an empty set
p = select.poll()
print(p.poll(0), list(p.ipoll(0)), p.poll(5))

try:
    import os

    os.remove("select_poll_error.tmp")
except (ImportError, AttributeError, OSError):
    pass
