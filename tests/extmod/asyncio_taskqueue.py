# asyncio.TaskQueue: tasks come out in order of their key (a ticks value),
# first in first out between equal keys; remove() takes any task out.
try:
    import asyncio
except ImportError:
    print("SKIP")
    raise SystemExit


async def idle():
    pass


# a deterministic pseudo-random sequence
seed = 12345


def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
    return (seed >> 8) % n


tasks = [asyncio.Task(idle()) for _ in range(24)]
name = {}
for i in range(len(tasks)):
    name[id(tasks[i])] = i

q = asyncio.TaskQueue()
print("empty peek:", q.peek())
try:
    q.pop()
except IndexError as er:
    print("pop empty:", repr(er))

# keys pushed in order, and the order they come out
q.push(tasks[0], 30)
q.push(tasks[1], 10)
q.push(tasks[2], 20)
q.push(tasks[3], 10)
q.push(tasks[4], 10)
print("peek:", name[id(q.peek())])
out = []
while q.peek():
    out.append(name[id(q.pop())])
print("order:", out)

# remove: the root, a task in the middle, a task not queued
for i in range(6):
    q.push(tasks[i], i % 3)
q.remove(tasks[0])
q.remove(tasks[4])
q.remove(tasks[10])
out = []
while q.peek():
    out.append(name[id(q.pop())])
print("after remove:", out)

# many random operations checked against a sorted list (key, push number)
ref = []
count = 0
queued = [False] * len(tasks)
bad = 0
for step in range(3000):
    op = rand(10)
    if op < 5:
        i = rand(len(tasks))
        if queued[i]:
            continue
        k = rand(8)
        q.push(tasks[i], k)
        count += 1
        ref.append((k, count, i))
        queued[i] = True
    elif op < 8:
        if not ref:
            if q.peek() is not None:
                bad += 1
            continue
        ref.sort()
        k, c, i = ref.pop(0)
        t = q.pop()
        if t is not tasks[i]:
            bad += 1
        queued[i] = False
    else:
        i = rand(len(tasks))
        q.remove(tasks[i])
        if queued[i]:
            ref = [r for r in ref if r[2] != i]
            queued[i] = False
ref.sort()
rest = []
while q.peek():
    rest.append(name[id(q.pop())])
print("random ops, mismatches:", bad)
print("drained in order:", rest == [r[2] for r in ref])
