# select.poll: unregistering the object ipoll() just returned does not make
# the iteration skip the next ready object.
try:
    import io, select
    select.poll().ipoll
except (ImportError, AttributeError):
    print("SKIP")
    raise SystemExit


class Ready(io.IOBase):
    def __init__(self, n):
        self.n = n

    def ioctl(self, req, arg):
        return arg if req == 3 else -1


objs = [Ready(i) for i in range(5)]
p = select.poll()
for o in objs:
    p.register(o, select.POLLIN)
seen = []
for o, ev in p.ipoll(0):
    seen.append(o.n)
    if o.n % 2 == 0:
        p.unregister(o)
print(seen)
print(sorted(o.n for o, ev in p.poll(0)))
# unregistering an object not yet returned
seen = []
for o, ev in p.ipoll(0):
    seen.append(o.n)
    if o.n == 1:
        p.unregister(objs[3])
print(seen)
