# asyncio for mpy-wasm: MicroPython's asyncio API (a subset of CPython's,
# plus sleep_ms, wait_for_ms and ThreadSafeFlag), written in Python.
#
# The core is imported at once; the rest loads on first use, so that a
# program that needs only tasks and sleeping does not pay for streams.

from .core import *

__version__ = (3, 0, 0)

# name -> submodule defining it
_lazy = {
    "wait_for": "funcs",
    "wait_for_ms": "funcs",
    "gather": "funcs",
    "Event": "event",
    "ThreadSafeFlag": "event",
    "Lock": "lock",
    "open_connection": "stream",
    "start_server": "stream",
    "StreamReader": "stream",
    "StreamWriter": "stream",
}


# Module attribute fallback: imports the submodule, keeps the name here.
def __getattr__(name):
    sub = _lazy.get(name)
    if sub is None:
        raise AttributeError(name)
    value = getattr(__import__(sub, globals(), None, True, 1), name)
    globals()[name] = value
    return value
