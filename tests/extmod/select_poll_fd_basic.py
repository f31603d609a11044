# select.poll on integer file descriptors: stdout and stderr (pipes when the
# tests run) are writable and not readable; timeouts in milliseconds.
try:
    import select, time

    select.poll
except (ImportError, AttributeError):
    print("SKIP")
    raise SystemExit

p = select.poll()
p.register(1, select.POLLOUT)
print(p.poll(0))
print(p.poll())
print(p.poll(None))
print(p.poll(-1))
p.register(2, select.POLLOUT)
print(sorted(p.poll(0)))
p.modify(2, select.POLLIN)
print(p.poll(0))
p.unregister(1)
print(p.poll(0))
p.modify(2, select.POLLOUT | select.POLLIN)
print(p.poll(0))
p.unregister(2)
print(p.poll(0))

# nothing ready: the whole timeout passes
p.register(1, select.POLLIN)
t = time.time()
r = p.poll(80)
dt = time.time() - t
print(r, 0.07 <= dt < 2)
t = time.time()
print(p.poll(0), time.time() - t < 0.05)

# an empty poll set waits out its timeout too
q = select.poll()
t = time.time()
print(q.poll(40), 0.03 <= time.time() - t < 2)

# errors
try:
    p.register(-1)
except ValueError:
    print("ValueError")
try:
    p.modify(5, select.POLLIN)
except OSError as e:
    print("OSError", e.errno)
print("done")
