# `uasyncio` is asyncio under its old name: the same objects.
try:
    import uasyncio, asyncio
except ImportError:
    print("SKIP")
    raise SystemExit

for name in ("run", "sleep", "sleep_ms", "create_task", "Task", "Event", "Lock", "gather",
             "wait_for", "ThreadSafeFlag", "StreamReader", "get_event_loop", "CancelledError"):
    print(name, getattr(uasyncio, name) is getattr(asyncio, name))

try:
    uasyncio.no_such_name
except AttributeError:
    print("AttributeError")


async def main():
    await uasyncio.sleep_ms(1)
    return "ran"


print(uasyncio.run(main()))
