# Bad input to the scheduler: things that are not coroutines, awaiting what
# cannot be awaited, asking for the current task outside the loop, and
# exceptions ending tasks.
try:
    import asyncio
except ImportError:
    print("SKIP")
    raise SystemExit


async def fail(exc):
    raise exc


def plain():
    return 1


async def main():
    # create_task wants a coroutine
    for bad in (None, 1, plain, "coro"):
        try:
            asyncio.create_task(bad)
        except TypeError as er:
            print("create_task", type(bad).__name__, "TypeError:", er)

    # awaiting something that is not awaitable
    try:
        await 42
    except TypeError:
        print("await int: TypeError")

    # an exception ending an awaited task reaches the awaiting task
    t = asyncio.create_task(fail(KeyError("k")))
    try:
        await t
    except KeyError as er:
        print("KeyError", er)
    # and again, when awaited a second time
    try:
        await t
    except KeyError as er:
        print("again KeyError", er)

    # an exception in a coroutine awaited directly
    try:
        await fail(ValueError("direct"))
    except ValueError as er:
        print("ValueError", er)

    print("current task is a Task:", isinstance(asyncio.current_task(), asyncio.Task))
    return "main result"


print(asyncio.run(main()))

try:
    asyncio.current_task()
except RuntimeError as er:
    print("outside the loop:", er)

try:
    asyncio.run(42)
except TypeError as er:
    print("run(42) TypeError:", er)

# the main task's exception comes out of run()
try:
    asyncio.run(fail(OSError(5)))
except OSError as er:
    print("OSError", er)

# the loop still works afterwards
async def ok():
    await asyncio.sleep(0)
    return "ok"


print(asyncio.run(ok()))
