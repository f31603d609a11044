# Event: waiting before and after set(), set() waking every waiter in
# order, clear(), set() twice, and a waiter cancelled before set().
try:
    import asyncio
except ImportError:
    print("SKIP")
    raise SystemExit


async def waiter(name, ev):
    print(name, "waits")
    r = await ev.wait()
    print(name, "woken", r)


async def main():
    ev = asyncio.Event()
    print("is_set:", ev.is_set())
    ts = [asyncio.create_task(waiter(n, ev)) for n in ("a", "b", "c")]
    await asyncio.sleep(0)
    print("set")
    ev.set()
    ev.set()
    print("is_set:", ev.is_set())
    for t in ts:
        await t

    # already set: no waiting
    print("wait on set event:", await ev.wait())
    ev.clear()
    ev.clear()
    print("is_set:", ev.is_set())

    # set then cleared before the waiter runs: it is woken all the same
    t = asyncio.create_task(waiter("d", ev))
    await asyncio.sleep(0)
    ev.set()
    ev.clear()
    await t

    # a cancelled waiter is not woken
    t1 = asyncio.create_task(waiter("e", ev))
    t2 = asyncio.create_task(waiter("f", ev))
    await asyncio.sleep(0)
    t1.cancel()
    await asyncio.sleep(0)
    ev.set()
    await t2
    try:
        await t1
    except asyncio.CancelledError:
        print("e cancelled")


asyncio.run(main())
