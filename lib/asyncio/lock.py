# asyncio for mpy-wasm: Lock.

from . import core


# A mutex for tasks; waiting tasks get it in the order they asked.
#   state 0: free, 1: held, a Task: handed to that task, which has not run yet
class Lock:
    def __init__(self):
        self.state = 0
        self.waiting = core.TaskQueue()

    def locked(self):
        return self.state == 1

    def release(self):
        if self.state != 1:
            raise RuntimeError("Lock not acquired")
        q = self.waiting
        if q.peek():
            # hand it to the next waiting task
            t = q.pop()
            self.state = t
            core._task_queue.push(t)
        else:
            self.state = 0

    # `await lock.acquire()`: returns True once the lock is held.
    def acquire(self):
        if self.state != 0:
            t = core.cur_task
            self.waiting.push(t)
            t.data = self.waiting
            try:
                yield
            except core.CancelledError as er:
                if self.state is core.cur_task:
                    # cancelled after the lock was handed over: pass it on
                    self.state = 1
                    self.release()
                raise er
        self.state = 1
        return True

    async def __aenter__(self):
        return await self.acquire()

    async def __aexit__(self, exc_type, exc, tb):
        return self.release()
