# wait_for / wait_for_ms: a result in time, a timeout (the awaited task is
# cancelled), an exception from the awaited task, no timeout, and a
# wait_for that is itself cancelled.
try:
    import asyncio
except ImportError:
    print("SKIP")
    raise SystemExit


async def work(name, delay, result=None, exc=None):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    if exc:
        raise exc
    return result


async def main():
    print("in time:", await asyncio.wait_for(work("w1", 0.01, "r1"), 1))

    try:
        await asyncio.wait_for(work("w2", 1, "r2"), 0.02)
    except asyncio.TimeoutError:
        print("TimeoutError")

    try:
        await asyncio.wait_for(work("w3", 0.01, exc=ValueError("bad")), 1)
    except ValueError as er:
        print("ValueError:", er)

    print("no timeout:", await asyncio.wait_for(work("w4", 0.01, "r4"), None))

    t = asyncio.create_task(work("w5", 0.01, "r5"))
    print("a task:", await asyncio.wait_for(t, 1), t.done())

    print("ms in time:", await asyncio.wait_for_ms(work("w6", 0.01, "r6"), 500))
    try:
        await asyncio.wait_for_ms(work("w7", 0.5), 10)
    except asyncio.TimeoutError:
        print("ms TimeoutError")

    # timeout 0: the work is cancelled before it runs
    try:
        await asyncio.wait_for(work("w8", 0), 0)
    except asyncio.TimeoutError:
        print("timeout 0: TimeoutError")

    # the waiting task is cancelled: the awaited work is cancelled too
    async def wait_it():
        try:
            await asyncio.wait_for(work("w9", 1), 1)
        except asyncio.CancelledError:
            print("wait_for cancelled")
            raise

    t = asyncio.create_task(wait_it())
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("waiting task cancelled")
    await asyncio.sleep(0.01)

    # a bad awaitable
    try:
        await asyncio.wait_for(1, 1)
    except TypeError as er:
        print("TypeError:", er)


asyncio.run(main())
