# gc module: collect, enable, disable, isenabled
import gc

gc.collect()
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
# allocation still works with automatic collection off
x = [list(range(10)) for _ in range(100)]
print(len(x))
gc.collect()
print(len(x), sum(x[99]))
gc.enable()
print(gc.isenabled())
del x
gc.collect()
print("done")
