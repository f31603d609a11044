# an exception raised while the heap is locked is the emergency exception:
# it still carries its args and a short traceback (file and line of the raise)
import io
import micropython
import sys


def g():
    raise KeyError("k")


def f():
    micropython.heap_lock()
    try:
        g()
    except KeyError as er:
        exc = er
    micropython.heap_unlock()
    return exc


exc = f()
print(type(exc).__name__, exc.args)
buf = io.StringIO()
sys.print_exception(exc, buf)
for line in buf.getvalue().split("\n"):
    # the file name differs between ports: keep what follows it
    print(line.split('"')[2] if line.startswith("  File ") else line)
