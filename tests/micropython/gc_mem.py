# gc.mem_free, gc.mem_alloc, gc.threshold
import gc

gc.collect()
f = gc.mem_free()
a = gc.mem_alloc()
print(type(f), type(a), f > 0, a > 0)
x = [0] * 1000
print(gc.mem_alloc() >= a + 4000, gc.mem_free() <= f - 4000)
del x
gc.collect()
print(gc.mem_alloc() < a + 4000)
print(gc.threshold())
gc.threshold(4096)
print(gc.threshold())
gc.threshold(100)
print(gc.threshold())
gc.threshold(-5)
print(gc.threshold())
print(type(gc.collect()))
