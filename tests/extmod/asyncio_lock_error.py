# Lock: acquire/release, `async with`, waiters served in order, release of
# a lock that is not held, and a waiter cancelled before or after the lock
# was handed to it.
try:
    import asyncio
except ImportError:
    print("SKIP")
    raise SystemExit


async def user(name, lock, hold):
    print(name, "wants")
    async with lock:
        print(name, "has it")
        await asyncio.sleep(hold)
    print(name, "let go")


async def main():
    lock = asyncio.Lock()
    print("locked:", lock.locked())
    try:
        lock.release()
    except RuntimeError as er:
        print("RuntimeError:", er)

    print("acquire:", await lock.acquire(), lock.locked())
    lock.release()
    print("locked:", lock.locked())
    try:
        lock.release()
    except RuntimeError as er:
        print("twice RuntimeError:", er)

    ts = [asyncio.create_task(user(n, lock, 0.01)) for n in ("a", "b", "c")]
    for t in ts:
        await t
    print("locked:", lock.locked())

    # an exception inside `async with` releases the lock
    try:
        async with lock:
            raise ValueError("inside")
    except ValueError as er:
        print("ValueError", er, "locked:", lock.locked())

    # a waiter cancelled while waiting
    await lock.acquire()
    t1 = asyncio.create_task(user("d", lock, 0))
    t2 = asyncio.create_task(user("e", lock, 0))
    await asyncio.sleep(0)
    t1.cancel()
    lock.release()
    await t2
    print("d done:", t1.done())

    # a waiter cancelled after release() handed it the lock, before it ran:
    # the lock goes to the next waiter
    await lock.acquire()
    t1 = asyncio.create_task(user("f", lock, 0))
    t2 = asyncio.create_task(user("g", lock, 0))
    await asyncio.sleep(0)
    lock.release()
    t1.cancel()
    await t2
    print("f done:", t1.done(), "locked:", lock.locked())


asyncio.run(main())
