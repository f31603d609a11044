# asyncio: bad input around tasks, each ending in MicroPython's exception.
import asyncio


async def quick():
    return 1


async def forever():
    while True:
        await asyncio.sleep(10)


async def failing():
    raise ValueError("boom")


def show(what, f, *args):
    try:
        print(what, "->", f(*args))
    except Exception as e:
        print(what, "->", type(e).__name__, e)


# outside a running loop
show("current_task outside the loop", asyncio.current_task)
show("create_task(int)", asyncio.create_task, 1)
show("create_task(function)", asyncio.create_task, quick)
show("run(generator-less sleep object)", asyncio.run, asyncio.sleep_ms(0))


async def main():
    # cancel a finished task: False, and it stays done
    t = asyncio.create_task(quick())
    print("result", await t)
    print("cancel finished:", t.cancel(), t.done())

    # cancel a running task, twice: both True (the second is harmless)
    t = asyncio.create_task(forever())
    await asyncio.sleep(0)
    print("cancel running:", t.cancel(), t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("awaited cancelled task: CancelledError")
    print("done after cancel:", t.done())

    # cancel a task that never started
    t = asyncio.create_task(forever())
    print("cancel before start:", t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("never started: CancelledError")

    # a task may not cancel itself
    try:
        asyncio.current_task().cancel()
    except RuntimeError as e:
        print("cancel self: RuntimeError", e)

    # awaiting things that are not awaitable
    for bad in (1, None, quick):
        try:
            await bad
        except TypeError as e:
            print("await", type(bad).__name__, ": TypeError")

    # the exception of a task reaches the task awaiting it
    t = asyncio.create_task(failing())
    try:
        await t
    except ValueError as e:
        print("awaited failing task: ValueError", e)
    # and again when awaited again
    try:
        await t
    except ValueError as e:
        print("awaited again: ValueError", e)

    # a task awaited through gather can't be awaited directly too
    t = asyncio.create_task(forever())
    g = asyncio.create_task(asyncio.gather(t))
    await asyncio.sleep(0)
    try:
        await t
    except RuntimeError as e:
        print("await gathered task: RuntimeError", e)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled")

    # CancelledError is not an Exception, TimeoutError is
    print(issubclass(asyncio.CancelledError, Exception), issubclass(asyncio.CancelledError, BaseException))
    print(issubclass(asyncio.TimeoutError, Exception))


asyncio.run(main())


# the main task's exception comes out of run()
async def main_fails():
    await asyncio.sleep(0)
    raise KeyError("main")


try:
    asyncio.run(main_fails())
except KeyError as e:
    print("run raised KeyError", e)

# a cancelled main task
async def main_cancelled():
    asyncio.current_task()
    raise asyncio.CancelledError


try:
    asyncio.run(main_cancelled())
except asyncio.CancelledError:
    print("run raised CancelledError")
