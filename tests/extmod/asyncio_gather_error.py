# gather(): results in argument order, an exception from one awaitable
# (raised, or returned with return_exceptions=True), no awaitables, tasks
# already finished, and a gather that is cancelled.
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
        print(name, "raises")
        raise exc
    print(name, "returns")
    return result


def handler(loop, context):
    print("handler:", repr(context["exception"]))


async def main():
    asyncio.get_event_loop().set_exception_handler(handler)

    print(await asyncio.gather(work("a", 0.03, 1), work("b", 0.01, 2), work("c", 0.02, 3)))
    print("empty:", await asyncio.gather())

    # the first exception is raised; the other awaitables keep running
    try:
        await asyncio.gather(work("d", 0.01, exc=ValueError("d")), work("e", 0.03, 5))
    except ValueError as er:
        print("gather raised ValueError", er)
    await asyncio.sleep(0.05)

    # exceptions as results
    res = await asyncio.gather(
        work("f", 0.01, exc=KeyError("f")), work("g", 0.02, 7), return_exceptions=True
    )
    print([type(r).__name__ for r in res], res[1])

    # tasks that have finished already
    t1 = asyncio.create_task(work("h", 0, 8))
    t2 = asyncio.create_task(work("i", 0, exc=OSError(1)))
    await asyncio.sleep(0.01)
    print(await asyncio.gather(t1, return_exceptions=True))
    print(type((await asyncio.gather(t1, t2, return_exceptions=True))[1]).__name__)
    try:
        await asyncio.gather(t1, t2)
    except OSError:
        print("finished task's OSError raised")

    # a gather that is cancelled cancels what it gathers
    g = asyncio.create_task(asyncio.gather(work("j", 1), work("k", 1)))
    await asyncio.sleep(0.01)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled")
    await asyncio.sleep(0.01)

    # a task another task waits for cannot be gathered
    async def wait_on(t):
        return await t

    t = asyncio.create_task(work("l", 0.01, 9))
    w = asyncio.create_task(wait_on(t))
    await asyncio.sleep(0)
    try:
        await asyncio.gather(t)
    except RuntimeError as er:
        print("RuntimeError:", er)
    print(await w)

    # bad awaitable
    try:
        await asyncio.gather(1)
    except TypeError as er:
        print("TypeError:", er)


asyncio.run(main())
