# The loop object: get_event_loop/new_event_loop give the same Loop,
# run_until_complete with a coroutine or a task, run_forever/stop, and the
# exception handler functions.
try:
    import asyncio
except ImportError:
    print("SKIP")
    raise SystemExit


async def value(v):
    await asyncio.sleep(0)
    return v


async def fail(n):
    raise ValueError(n)


def handler(loop, context):
    print("handler:", context["message"], repr(context["exception"]), loop is asyncio.get_event_loop())


loop = asyncio.get_event_loop()
print("same loop:", loop is asyncio.get_event_loop(), loop is asyncio.new_event_loop())
print("old signature:", asyncio.get_event_loop(16, 16) is loop)

print(loop.run_until_complete(value(1)))
t = loop.create_task(value(2))
print(loop.run_until_complete(t), t.done())
print("a finished task again:", loop.run_until_complete(t))

try:
    loop.run_until_complete(fail(3))
except ValueError as er:
    print("ValueError", er)

# run_forever returns once stop() has been called and the loop yields
async def stopper():
    print("stopper runs")
    loop.stop()
    await asyncio.sleep(0)
    print("stopper resumed")
    # a loop with nothing left to run keeps running until stopped
    loop.stop()


loop.create_task(stopper())
loop.run_forever()
print("stopped")
loop.run_forever()
print("stopped again: stopper finished")
loop.close()

# exception handlers
print("handler:", loop.get_exception_handler())
loop.set_exception_handler(handler)
print("set:", loop.get_exception_handler() is handler)


async def main():
    asyncio.create_task(fail(4))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    loop.call_exception_handler({"message": "custom", "exception": KeyError(5)})


loop.run_until_complete(main())
loop.set_exception_handler(None)


# the default handler writes to stderr (after stdout in this test's output)
class Fut:
    coro = "the coro"

    def __repr__(self):
        return "<fut>"


loop.default_exception_handler(loop, {"message": "msg", "exception": OSError(7), "future": Fut()})
print("end")
