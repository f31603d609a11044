# select.poll on file objects: sys.stdout/stderr, files on disk (always
# readable and writable, as poll(2) reports regular files), a file closed
# while registered (POLLNVAL), and mixing them with integer descriptors.
try:
    import select, sys

    select.poll
except (ImportError, AttributeError):
    print("SKIP")
    raise SystemExit


def show(lst):
    print(sorted([(type(o).__name__, f) for o, f in lst]))


name = "select_poll_file.tmp"
f = open(name, "w")
f.write("data")
p = select.poll()
p.register(sys.stdout, select.POLLOUT)
p.register(f)
show(p.poll(0))
p.modify(f, select.POLLIN)
show(p.poll(0))
p.modify(f, select.POLLOUT)
show(p.poll())
p.modify(f, 0)
show(p.poll(0))
p.unregister(sys.stdout)
p.unregister(f)
show(p.poll(0))

# a binary file opened for reading
g = open(name, "rb")
p.register(g, select.POLLIN)
show(p.poll(0))
print(g.read())
p.unregister(g)
g.close()

# a file closed while registered: POLLNVAL (0x20), whatever the events
p.register(f, select.POLLIN)
f.close()
show(p.poll(0))
show(p.ipoll(0, 1))
show(p.poll(0))
p.unregister(f)

# a closed file cannot be registered (a poll object of its own: MicroPython
# leaves a half-made entry behind)
try:
    select.poll().register(f)
except ValueError as e:
    print("ValueError", e)

# a stream and its descriptor number are different entries
p.register(sys.stdout, select.POLLOUT)
p.register(1, select.POLLOUT)
print(len(p.poll(0)))
p.unregister(1)
show(p.poll(0))

try:
    import os

    os.remove(name)
except (ImportError, AttributeError, OSError):
    pass
