# micropython.heap_lock: allocation fails with MemoryError while locked.
import micropython

micropython.heap_lock()
try:
    x = [1, 2, 3]
except MemoryError as e:
    print("MemoryError", e)
micropython.heap_unlock()
print([1, 2, 3])
