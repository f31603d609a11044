# asyncio for mpy-wasm: wait_for, wait_for_ms, gather.

from . import core


# Runs under wait_for: awaits `aw`, then wakes the waiting task `waiter`
# (asleep in wait_for) by cancelling it with a CancelledError that carries
# the outcome: (True, result) or (exception, None).
async def _watch(waiter, aw):
    try:
        result = await aw
        outcome = True
    except BaseException as er:
        result = None
        outcome = er
    # data is None while the waiter still sleeps on the run queue; anything
    # else means it was woken (cancelled) by someone else already
    if waiter.data is None and waiter.cancel():
        waiter.data = core.CancelledError(outcome, result)


# Awaits `aw` for at most `timeout` seconds (None: no limit); on timeout
# cancels it and raises TimeoutError.  `sleep` is the sleep to time with.
async def wait_for(aw, timeout, sleep=core.sleep):
    aw = core._promote_to_task(aw)
    if timeout is None:
        return await aw
    watcher = core.create_task(_watch(core.cur_task, aw))
    try:
        await sleep(timeout)
    except core.CancelledError as er:
        outcome = er.args[0] if er.args else None
        if outcome is None:
            # wait_for itself was cancelled: cancel aw too
            watcher.cancel()
            raise er
        if outcome is True:
            return er.args[1]
        raise outcome
    # timed out
    watcher.cancel()
    await watcher
    raise core.TimeoutError


# wait_for with the timeout in milliseconds.
def wait_for_ms(aw, timeout):
    return wait_for(aw, timeout, core.sleep_ms)


# Stands in a gathering task's `data` while it waits, so that cancel() takes
# it as waiting in a queue (and finds nothing to take it out of).
class _Remove:
    @staticmethod
    def remove(t):
        pass


# `await gather(*aws)`: runs the awaitables concurrently and returns the list
# of their results.  The first exception raised by one of them is raised
# (the others keep running), unless return_exceptions is true: then the
# exceptions take the place of results.
def gather(*aws, return_exceptions=False):
    tasks = [core._promote_to_task(aw) for aw in aws]

    # `pending` counts the tasks still running while all goes well, and
    # becomes the exception to raise when one fails
    def on_end(t, er):
        nonlocal pending
        if me.data is not _Remove:
            # already woken (by an earlier failure, or cancelled)
            return
        if not return_exceptions and not isinstance(er, StopIteration):
            pending = er
        else:
            pending -= 1
            if pending:
                return
        core._task_queue.push(me)

    pending = 0
    for t in tasks:
        if t.state is True:
            t.state = on_end
            pending += 1
        elif not t.state:
            if not return_exceptions and not isinstance(t.data, StopIteration):
                # one finished with an exception already: no waiting at all
                pending = -len(tasks)
        else:
            # another task waits for it (or gathers it): give back the ones taken
            for u in tasks:
                if u.state is on_end:
                    u.state = True
            raise RuntimeError("can't gather")

    me = core.cur_task
    cancelled = False
    if pending > 0:
        me.data = _Remove
        try:
            yield
        except core.CancelledError as er:
            cancelled = True
            pending = er

    for i in range(len(tasks)):
        t = tasks[i]
        if t.state is on_end:
            # still running: stop watching it (and cancel it if we were)
            t.state = True
            if cancelled:
                t.cancel()
        elif isinstance(t.data, StopIteration):
            tasks[i] = t.data.value
        elif return_exceptions:
            tasks[i] = t.data
        elif isinstance(pending, int):
            pending = t.data

    if pending:
        raise pending
    return tasks
