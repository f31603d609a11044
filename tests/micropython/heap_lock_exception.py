# exceptions raised while the heap is locked are built in the emergency
# exception buffer: the type and a short message survive (as MicroPython)
import micropython


def f():
    l = []
    r1 = r2 = None
    micropython.heap_lock()
    try:
        l.pop()
    except IndexError as e:
        r1 = type(e).__name__
    try:
        raise ValueError(1)
    except ValueError as e:
        r2 = e
    micropython.heap_unlock()
    print(r1, type(r2).__name__, r2.args)


f()
print("ok")
