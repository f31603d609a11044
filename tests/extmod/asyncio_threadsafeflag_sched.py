# ThreadSafeFlag: set from a scheduled callback (as from an interrupt) while
# the loop sleeps, set before wait(), cleared, and a wait that is cancelled.
try:
    import asyncio, micropython
    micropython.schedule
except (ImportError, AttributeError):
    print("SKIP")
    raise SystemExit


def cb(flag):
    flag.set()


async def waiter(name, flag):
    print(name, "waits")
    await flag.wait()
    print(name, "woken")


async def main():
    flag = asyncio.ThreadSafeFlag()

    # set by a scheduled callback; the waiting task is woken by the poll
    t = asyncio.create_task(waiter("a", flag))
    await asyncio.sleep(0)
    micropython.schedule(cb, flag)
    await t
    print("state after wait:", flag.state)

    # set before anyone waits: wait() returns at once and clears it
    flag.set()
    await waiter("b", flag)
    print("state after wait:", flag.state)

    # cleared before the wait: the waiter sleeps until set again
    flag.set()
    flag.clear()
    t = asyncio.create_task(waiter("c", flag))
    await asyncio.sleep(0.02)
    print("c done:", t.done())
    flag.set()
    await t

    # a cancelled wait leaves nothing behind
    t = asyncio.create_task(waiter("d", flag))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("d cancelled")
    print("streams waited on:", len(asyncio.core._io_queue.map))

    # many sets, one wake-up
    t = asyncio.create_task(waiter("e", flag))
    await asyncio.sleep(0)
    for _ in range(3):
        flag.set()
    await asyncio.sleep(0)
    await t

    # the scheduled callback sets it while the loop has nothing else to do
    t = asyncio.create_task(waiter("f", flag))
    await asyncio.sleep(0)

    async def later():
        await asyncio.sleep(0.02)
        micropython.schedule(cb, flag)

    asyncio.create_task(later())
    await t


asyncio.run(main())
