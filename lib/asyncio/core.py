# asyncio for mpy-wasm: the core.
#
# Task queue, tasks, the scheduler loop, sleeping, waiting for stream I/O and
# the Loop object.  Public names, scheduling order, exceptions and their
# messages are those of MicroPython's asyncio (its tests are run against this
# package); the code is our own.
#
# A task's `state`:
#   True          running, nobody waits for it
#   a TaskQueue   running, the tasks in that queue wait for it
#   a callable    running, called as state(task, exc) when it ends (gather)
#   None          finished, its result not yet taken by anyone
#   False         finished and its result taken (awaited)
# A task's `data`, while it is not running:
#   None                  it is on the run queue (_task_queue)
#   an object with remove  it waits in that object (TaskQueue, IOQueue, ...);
#                          cancel() calls obj.remove(task)
#   a Task                it waits for that task to finish
#   an exception          it is to be resumed by throwing that exception in
# and once finished: the StopIteration (carrying the return value) or the
# exception that ended it.

from time import ticks_ms as ticks, ticks_diff, ticks_add
import sys, select


class CancelledError(BaseException):
    pass


class TimeoutError(Exception):
    pass


# Passed to Loop.call_exception_handler for a task that died unobserved; one
# dict is reused so that reporting does not allocate.
_exc_context = {"message": "Task exception wasn't retrieved", "exception": None, "future": None}


################################################################################
# TaskQueue
#
# Tasks ordered by the time they are due (ph_key, a ticks_ms value compared
# with ticks_diff); tasks due at the same time come out in the order they
# went in.  The links live in the Task objects themselves, so no operation
# allocates.  The shape is a pairing heap: every node keeps its first child
# (ph_child), its next sibling (ph_next) and a back link (ph_back: the
# previous sibling, or the parent for a first child, None for the root).
# Ties are broken by a push counter (_seq) that wraps within small ints.

_SEQ_MASK = 0x3FFFFFFF
_SEQ_HALF = 0x20000000


def _before(a, b):
    d = ticks_diff(a.ph_key, b.ph_key)
    if d:
        return d < 0
    return ((a._seq - b._seq) & _SEQ_MASK) >= _SEQ_HALF


# Joins two roots into one tree; returns its root.
def _join(a, b):
    if a is None:
        return b
    if b is None:
        return a
    if _before(b, a):
        a, b = b, a
    first = a.ph_child
    b.ph_next = first
    if first is not None:
        first.ph_back = b
    b.ph_back = a
    a.ph_child = b
    return a


# Turns a list of sibling trees into one tree: neighbours are joined in
# pairs from the left, the pairs are stacked through ph_next, then joined
# from the last pair back to the first.
def _merge_siblings(node):
    stack = None
    while node is not None:
        a = node
        b = a.ph_next
        if b is None:
            node = None
        else:
            node = b.ph_next
            b.ph_next = None
            b.ph_back = None
        a.ph_next = None
        a.ph_back = None
        a = _join(a, b)
        a.ph_next = stack
        stack = a
    root = None
    while stack is not None:
        a = stack
        stack = a.ph_next
        a.ph_next = None
        root = _join(a, root)
    return root


class TaskQueue:
    def __init__(self):
        self.heap = None
        self._count = 0

    # The task due first, or None.
    def peek(self):
        return self.heap

    # Queues task `t`, due at ticks `key` (default: now).
    def push(self, t, key=None):
        t.data = None
        t.ph_key = ticks() if key is None else key
        n = (self._count + 1) & _SEQ_MASK
        self._count = n
        t._seq = n
        t.ph_next = None
        t.ph_back = None
        self.heap = _join(t, self.heap)

    # Takes the task due first out of the queue and returns it.
    def pop(self):
        t = self.heap
        if t is None:
            raise IndexError("empty heap")
        self.heap = _merge_siblings(t.ph_child)
        t.ph_child = None
        return t

    # Takes task `t` out of the queue; a task not queued is ignored.
    def remove(self, t):
        if t is self.heap:
            self.pop()
            return
        back = t.ph_back
        if back is None:
            return
        after = t.ph_next
        if back.ph_child is t:
            back.ph_child = after
        else:
            back.ph_next = after
        if after is not None:
            after.ph_back = back
        t.ph_next = None
        t.ph_back = None
        sub = _merge_siblings(t.ph_child)
        t.ph_child = None
        self.heap = _join(self.heap, sub)


################################################################################
# Task


class Task:
    def __init__(self, coro, globals=None):
        self.coro = coro
        self.data = None
        self.state = True
        self.ph_key = 0
        self._seq = 0
        self.ph_child = None
        self.ph_next = None
        self.ph_back = None

    def __repr__(self):
        return "<Task>"

    # `await task`: iter() then next() until it raises.
    def __iter__(self):
        s = self.state
        if not s:
            # finished: its result is taken now
            self.state = False
        elif s is True:
            # the first task to wait for it
            self.state = TaskQueue()
        elif type(s) is not TaskQueue:
            # gather() holds it
            raise RuntimeError("can't wait")
        return self

    def __next__(self):
        if not self.state:
            # finished: StopIteration(result) or the exception that ended it
            raise self.data
        # sleep in its queue of waiters, linked both ways for cancel()
        self.state.push(cur_task)
        cur_task.data = self

    def done(self):
        return not self.state

    def cancel(self):
        if not self.state:
            return False
        if self is cur_task:
            raise RuntimeError("can't cancel self")
        # a task waiting for another task is cancelled through the one it waits for
        t = self
        while isinstance(t.data, Task):
            t = t.data
        where = t.data
        if hasattr(where, "remove"):
            # waiting in some queue: take it out and make it due now
            where.remove(t)
            _task_queue.push(t)
        elif ticks_diff(t.ph_key, ticks()) > 0:
            # sleeping on the run queue: make it due now
            _task_queue.remove(t)
            _task_queue.push(t)
        t.data = CancelledError
        return True


################################################################################
# Sleeping


# What sleep_ms() returns: an awaitable that puts the current task on the run
# queue at its wake-up time and yields once, then finishes.  One instance is
# shared by all sleeps (a task awaits it at once), so a sleep allocates nothing.
class _Sleep:
    def __init__(self):
        self.wake = None
        self.stop = StopIteration()

    def __iter__(self):
        return self

    def __next__(self):
        w = self.wake
        if w is None:
            # resumed after the sleep: finish, with a reused exception
            s = self.stop
            s.__traceback__ = None
            raise s
        self.wake = None
        _task_queue.push(cur_task, w)


_sleeper = _Sleep()


# Sleeps t milliseconds (an int; MicroPython's extension).
def sleep_ms(t):
    s = _sleeper
    s.wake = ticks_add(ticks(), t if t > 0 else 0)
    return s


# Sleeps t seconds.
def sleep(t):
    return sleep_ms(int(t * 1000))


################################################################################
# Waiting for stream I/O


# The streams tasks wait on, polled with select.poll.  `map` maps id(stream)
# to [task waiting to read, task waiting to write, stream].
class IOQueue:
    def __init__(self):
        self.poller = select.poll()
        self.map = {}

    def _wait(self, s, idx):
        k = id(s)
        w = self.map.get(k)
        if w is None:
            # register first: a bad stream raises before anything is recorded
            self.poller.register(s, select.POLLOUT if idx else select.POLLIN)
            w = [None, None, s]
            self.map[k] = w
        else:
            self.poller.modify(s, select.POLLIN | select.POLLOUT)
        w[idx] = cur_task
        cur_task.data = self

    def _unwatch(self, k, s):
        del self.map[k]
        self.poller.unregister(s)

    # The current task is to sleep until stream s can be read.
    def queue_read(self, s):
        self._wait(s, 0)

    # The current task is to sleep until stream s can be written.
    def queue_write(self, s):
        self._wait(s, 1)

    # Forgets the waits of `task` (it is being cancelled).
    def remove(self, task):
        while True:
            found = None
            for k in self.map:
                w = self.map[k]
                if w[0] is task or w[1] is task:
                    found = w
                    break
            if found is None:
                return
            if found[0] is task:
                found[0] = None
            if found[1] is task:
                found[1] = None
            s = found[2]
            if found[0] is None and found[1] is None:
                self._unwatch(id(s), s)
            else:
                self.poller.modify(s, select.POLLIN if found[1] is None else select.POLLOUT)

    # Waits up to dt ms (-1: no limit) for stream events and puts the tasks
    # they wake on the run queue.
    def wait_io_event(self, dt):
        for s, ev in self.poller.ipoll(dt):
            k = id(s)
            w = self.map[k]
            reader = w[0]
            writer = w[1]
            # readable or an error wakes the reader, writable or an error the writer
            if reader is not None and ev & ~select.POLLOUT:
                _task_queue.push(reader)
                w[0] = reader = None
            if writer is not None and ev & ~select.POLLIN:
                _task_queue.push(writer)
                w[1] = writer = None
            if reader is None:
                if writer is None:
                    self._unwatch(k, s)
                else:
                    self.poller.modify(s, select.POLLOUT)
            else:
                self.poller.modify(s, select.POLLIN)


################################################################################
# The scheduler


def _promote_to_task(aw):
    return aw if isinstance(aw, Task) else create_task(aw)


# Wraps coroutine `coro` in a Task and queues it to run.
def create_task(coro):
    if not hasattr(coro, "send"):
        raise TypeError("coroutine expected")
    t = Task(coro)
    _task_queue.push(t)
    return t


# Runs tasks until main_task ends (returning its result or raising its
# exception), or, without main_task, until no task is left.
def run_until_complete(main_task=None):
    global cur_task
    caught = (CancelledError, Exception)
    quiet_end = (CancelledError, StopIteration)
    while True:
        # wait until the first queued task is due, serving stream I/O meanwhile
        while True:
            t = _task_queue.peek()
            if t is not None:
                dt = ticks_diff(t.ph_key, ticks())
                if dt < 0:
                    dt = 0
            elif _io_queue.map:
                dt = -1
            else:
                # nothing can wake a task
                cur_task = None
                if not main_task or not main_task.state:
                    return
                # main_task waits for something outside the loop (e.g. an event
                # set by a scheduled callback): keep polling
                dt = 3
            _io_queue.wait_io_event(dt)
            if dt <= 0 and _task_queue.peek() is not None:
                break

        t = _task_queue.pop()
        cur_task = t
        try:
            exc = t.data
            if exc:
                # cancelled, or a finished task whose exception nobody took
                # (throwing into an ended coroutine raises StopIteration)
                t.data = None
                t.coro.throw(exc)
            else:
                t.coro.send(None)
        except caught as er:
            # the main task's end is taken by our caller
            awaited = t is main_task
            if awaited:
                cur_task = None
                if not isinstance(er, StopIteration):
                    t.state = False
                    raise er
                if t.state is None:
                    t.state = False
            st = t.state
            if st:
                # the task has just ended
                if st is True:
                    t.state = False if awaited else None
                elif callable(st):
                    st(t, er)
                    t.state = False
                    awaited = True
                else:
                    # wake the tasks waiting for it
                    while st.peek():
                        _task_queue.push(st.pop())
                        awaited = True
                    t.state = False
                if not awaited and not isinstance(er, quiet_end):
                    # an exception nobody waits for: run the task once more
                    # later, and report it then unless someone took it
                    _task_queue.push(t)
                t.data = er
            elif st is None:
                # that second run: the exception was not taken
                t.data = exc
                _exc_context["exception"] = exc
                _exc_context["future"] = t
                Loop.call_exception_handler(_exc_context)
            if t is main_task:
                return er.value


# Runs coroutine `coro` as a task until it ends; returns its result.
def run(coro):
    return run_until_complete(create_task(coro))


################################################################################
# The event loop object


async def _stopper():
    pass


cur_task = None
_stop_task = None


# There is one loop: this class itself (get_event_loop() returns it), its
# functions called without an instance.
class Loop:
    _exc_handler = None

    def create_task(coro):
        return create_task(coro)

    def run_forever():
        global _stop_task
        _stop_task = Task(_stopper())
        run_until_complete(_stop_task)

    def run_until_complete(aw):
        return run_until_complete(_promote_to_task(aw))

    def stop():
        global _stop_task
        if _stop_task is not None:
            # run_forever returns once the stopper task has run
            _task_queue.push(_stop_task)
            _stop_task = None

    def close():
        pass

    def set_exception_handler(handler):
        Loop._exc_handler = handler

    def get_exception_handler():
        return Loop._exc_handler

    def default_exception_handler(loop, context):
        print(context["message"], file=sys.stderr)
        print("future:", context["future"], "coro=", context["future"].coro, file=sys.stderr)
        sys.print_exception(context["exception"], sys.stderr)

    def call_exception_handler(context):
        (Loop._exc_handler or Loop.default_exception_handler)(Loop, context)


# The arguments are accepted for the old uasyncio's sake and ignored.
def get_event_loop(runq_len=0, waitq_len=0):
    return Loop


def current_task():
    if cur_task is None:
        raise RuntimeError("no running event loop")
    return cur_task


# Forgets every queued task and stream wait; returns the loop.
def new_event_loop():
    global _task_queue, _io_queue
    _task_queue = TaskQueue()
    _io_queue = IOQueue()
    return Loop


new_event_loop()
