# run from outside the app dir: measures the heap an import takes
import gc, micropython
gc.collect()
a0 = gc.mem_alloc()
import consts
gc.collect()
print("heap", gc.mem_alloc() - a0)
print(consts.BIG + 1, consts.T[4], consts.B[3:], list(consts.gen(4)), consts.Point(1, 2))
print(consts.__file__)
micropython.qstr_info()
