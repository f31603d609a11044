# Task.cancel() in its cases: a sleeping task, a task waiting for another
# task, an event or a lock, a finished task, the running task itself, and a
# task that catches CancelledError.
try:
    import asyncio
except ImportError:
    print("SKIP")
    raise SystemExit


async def sleeper(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn caught it")
    return "stubborn result"


async def waiter(what, aw):
    try:
        await aw
    except asyncio.CancelledError:
        print("waiter on", what, "cancelled")
        raise


async def quick():
    return 1


async def main():
    # a sleeping task ends at once with CancelledError
    t = asyncio.create_task(sleeper("sleeper"))
    await asyncio.sleep(0)
    print("cancel:", t.cancel(), "done:", t.done())
    try:
        await t
    except asyncio.CancelledError:
        print("await: CancelledError")
    print("done:", t.done())

    # a finished task cannot be cancelled
    print("cancel again:", t.cancel())
    t = asyncio.create_task(quick())
    print("quick:", await t, "cancel:", t.cancel())

    # cancelling a task that is not started yet
    t = asyncio.create_task(quick())
    print("cancel before start:", t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("never started: CancelledError")

    # a task may catch the cancellation and return normally
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t.cancel()
    print(await t)

    # cancelling a task that waits for another task cancels that one too
    inner = asyncio.create_task(sleeper("inner"))
    outer = asyncio.create_task(waiter("task", inner))
    await asyncio.sleep(0)
    outer.cancel()
    await asyncio.sleep(0)
    print("inner done:", inner.done(), "outer done:", outer.done())

    # waiting on an event, and on a lock
    ev = asyncio.Event()
    t = asyncio.create_task(waiter("event", ev.wait()))
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.sleep(0)
    ev.set()
    print("event set, task done:", t.done())

    lock = asyncio.Lock()
    await lock.acquire()
    t = asyncio.create_task(waiter("lock", lock.acquire()))
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.sleep(0)
    lock.release()
    print("lock released, locked:", lock.locked())

    # the running task cannot cancel itself
    try:
        asyncio.current_task().cancel()
    except RuntimeError as er:
        print("RuntimeError:", er)


asyncio.run(main())
