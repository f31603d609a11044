# asyncio for mpy-wasm: Event and ThreadSafeFlag.

from . import core


# A flag tasks can wait for.  set() wakes every waiting task; the flag stays
# set until clear().
class Event:
    def __init__(self):
        self.state = False
        self.waiting = core.TaskQueue()

    def is_set(self):
        return self.state

    # Only from the thread running the loop (not from an interrupt or a
    # scheduled callback: use ThreadSafeFlag there).
    def set(self):
        q = self.waiting
        while q.peek():
            core._task_queue.push(q.pop())
        self.state = True

    def clear(self):
        self.state = False

    # `await event.wait()`: returns True once the event is set (a generator,
    # so that waiting allocates no coroutine frame of its own).
    def wait(self):
        if not self.state:
            t = core.cur_task
            self.waiting.push(t)
            # cancel() finds the task through its queue
            t.data = self.waiting
            yield
        return True


# A flag that may be set from outside the loop (an interrupt handler, a
# scheduled callback).  The loop polls it as a stream, readable while set;
# a finished wait() clears it again.
try:
    import io

    class ThreadSafeFlag(io.IOBase):
        def __init__(self):
            self.state = 0

        # the stream protocol: only MP_STREAM_POLL (3) is answered
        def ioctl(self, req, flags):
            if req == 3:
                return flags if self.state else 0
            return -1

        def set(self):
            self.state = 1

        def clear(self):
            self.state = 0

        def wait(self):
            if not self.state:
                yield core._io_queue.queue_read(self)
            self.state = 0

except ImportError:
    pass
