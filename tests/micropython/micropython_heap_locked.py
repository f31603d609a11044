# micropython.heap_lock/heap_unlock/heap_locked nest; allocation fails while locked
import micropython

print(micropython.heap_locked())
micropython.heap_lock()
print(micropython.heap_locked())
micropython.heap_lock()
print(micropython.heap_locked())
try:
    x = [1, 2, 3]
except MemoryError:
    print("MemoryError")
print(micropython.heap_unlock())
print(micropython.heap_unlock())
print(micropython.heap_locked())
x = [1, 2, 3]
print(x)
# unlocking an unlocked heap stays at 0
print(micropython.heap_unlock())
