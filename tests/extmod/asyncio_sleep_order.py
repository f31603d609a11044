# Tasks wake in the order of their wake-up times; tasks due together run in
# the order they were queued; sleep(0) lets every other ready task run once.
try:
    import asyncio
except ImportError:
    print("SKIP")
    raise SystemExit


async def sleeper(name, delays, log):
    for d in delays:
        await asyncio.sleep(d)
        log.append((name, d))
    return name


async def spinner(name, n, log):
    for i in range(n):
        log.append(name + str(i))
        await asyncio.sleep(0)


async def main():
    log = []
    ts = [
        asyncio.create_task(sleeper("a", [0.3, 0.3], log)),
        asyncio.create_task(sleeper("b", [0.1, 0.1, 0.1], log)),
        asyncio.create_task(sleeper("c", [0.45], log)),
        asyncio.create_task(sleeper("d", [0.15, 0.6], log)),
    ]
    for t in ts:
        print("result:", await t)
    print(log)

    log = []
    ts = [asyncio.create_task(spinner(n, 3, log)) for n in "xyz"]
    for t in ts:
        await t
    print(log)

    # a negative sleep is no sleep
    await asyncio.sleep(-1)
    print("negative sleep done")
    # the value of an awaited sleep
    print("sleep value:", await asyncio.sleep(0))


asyncio.run(main())
