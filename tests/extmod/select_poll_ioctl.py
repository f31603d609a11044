# select.poll on objects polled through their stream ioctl (io.IOBase
# subclasses written in Python), BytesIO/StringIO (no poll ioctl), and bad
# arguments. Results are sorted: MicroPython's order of a poll set is not
# the registration order.
try:
    import select, io

    io.IOBase
except (ImportError, AttributeError):
    print("SKIP")
    raise SystemExit

from micropython import const

_MP_STREAM_POLL = const(3)
_MP_STREAM_GET_FILENO = const(10)
_RD = const(1)
_WR = const(4)


class P(io.IOBase):
    def __init__(self, name):
        self.name = name
        self.state = 0
        self.calls = 0

    def __repr__(self):
        return "<P %s>" % self.name

    def ioctl(self, cmd, arg):
        if cmd == _MP_STREAM_GET_FILENO:
            return -1
        self.calls += 1
        if cmd == _MP_STREAM_POLL:
            if self.state == "delay":
                self.state = _RD
                return 0
            if self.state == "raise":
                raise ValueError("boom")
            if self.state < 0:
                return self.state
            return self.state & arg
        return -22


def show(lst):
    print(sorted([(o.name, f) for o, f in lst]))


p = select.poll()
a = P("a")
b = P("b")
p.register(a)
p.register(b, select.POLLIN)
show(p.poll(0))
print(a.calls, b.calls)
a.state = _WR
show(p.poll(0))
b.state = _RD | _WR
show(p.poll(0))
# registering again only sets the events
p.register(a, select.POLLIN | select.POLLOUT)
p.register(a)
show(p.poll(0))
p.modify(a, select.POLLIN)
show(p.poll(0))
# an object that becomes ready after being polled once; no timeout
a.state = "delay"
b.state = 0
show(p.poll())
a.state = _RD
show(p.poll(None))
show(p.poll(-1))

# errors from ioctl: a negative result is an errno, an exception goes through
a.state = -5
try:
    p.poll(0)
except OSError as e:
    print("OSError", e.errno)
a.state = "raise"
try:
    p.poll(0)
except ValueError as e:
    print("ValueError", e)

# unregister, modify of an object not registered
a.state = _RD
p.unregister(b)
show(p.poll(0))
p.unregister(b)
try:
    p.modify(b, select.POLLIN)
except OSError as e:
    print("OSError", e.errno)

# ipoll: the poll object itself is the iterator, and it reuses one tuple
b.state = _RD
p.register(b)
it = p.ipoll(0)
print(it is p)
r = list(it)
print(len(r), r[0] is r[1])
print(sorted([o.name for o, f in p.ipoll(0)]))
# one-shot: each object returned gets no events until modified
print(sorted([(o.name, f) for o, f in p.ipoll(0, 1)]))
show(p.ipoll(0))
show(p.poll(0))
p.modify(a, select.POLLIN)
show(p.ipoll(0))
print(list(p.ipoll(0, 0)) == list(p.ipoll(0)))

# a timeout polls again and again until it passes
c = P("c")
q = select.poll()
q.register(c, select.POLLIN)
print(q.poll(30), c.calls > 2)
c.state = _RD
print(len(q.poll(30)), len(list(q.ipoll(30))))

# BytesIO and StringIO have no poll ioctl
for s in (io.BytesIO(b"abc"), io.StringIO("abc")):
    q = select.poll()
    q.register(s)
    try:
        q.poll(0)
    except OSError as e:
        print("OSError", e.errno)

# objects that are not streams, bad file descriptors, bad arguments
for bad in (None, 1.5, "abc", b"abc", [1], object(), P):
    try:
        p.register(bad)
    except OSError as e:
        print("OSError", e)
try:
    p.register(-1)
except ValueError as e:
    print("ValueError", repr(e))
for args in ((a, "x"), (a, 1.5), (a, None)):
    try:
        p.register(*args)
    except TypeError:
        print("TypeError")
for f in (lambda: p.poll("x"), lambda: p.poll(1.5), lambda: p.ipoll(0, "x"), lambda: p.modify(a, "x")):
    try:
        f()
    except TypeError:
        print("TypeError")
for f in (lambda: p.poll(0, 0), lambda: p.register(), lambda: p.modify(a), lambda: p.ipoll(0, 0, 0)):
    try:
        f()
    except TypeError as e:
        print("TypeError", e)
print(select.POLLIN, select.POLLOUT, select.POLLERR, select.POLLHUP)
