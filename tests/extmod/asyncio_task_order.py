# asyncio: order in which tasks run, return values, done(), awaiting a task
# twice and awaiting a finished task. Same output on CPython.
import asyncio


async def worker(name, n):
    for i in range(n):
        print("worker", name, "step", i)
        await asyncio.sleep(0)
    return name * 2


async def sleeper(name, t):
    print("sleeper", name, "start")
    await asyncio.sleep(t)
    print("sleeper", name, "end")
    return t


async def main():
    # tasks created in order run in that order, interleaving at each yield
    ta = asyncio.create_task(worker("a", 3))
    tb = asyncio.create_task(worker("b", 2))
    print("created, done:", ta.done(), tb.done())
    print("await b ->", await tb)
    print("after b, done:", ta.done(), tb.done())
    print("await a ->", await ta)
    # awaiting a finished task again gives the same result
    print("await a again ->", await ta)

    # sleeping tasks wake in order of their wake-up time, not creation
    ts = [asyncio.create_task(sleeper(i, t)) for i, t in enumerate((0.06, 0.02, 0.04))]
    for t in ts:
        print("sleeper result", await t)

    # a task awaited by several tasks wakes all of them
    shared = asyncio.create_task(sleeper("shared", 0.01))

    async def waiter(i):
        r = await shared
        print("waiter", i, "got", r)

    ws = [asyncio.create_task(waiter(i)) for i in range(3)]
    for w in ws:
        await w

    # current_task is the running task
    async def who():
        return asyncio.current_task()

    t = asyncio.create_task(who())
    print("current_task is its task:", (await t) is t)
    print("main is current:", asyncio.current_task() is main_task)
    return "main done"


async def start():
    global main_task
    main_task = asyncio.current_task()
    return await main()


print(asyncio.run(start()))
# run() can be called again after it returns
print(asyncio.run(worker("x", 1)))
