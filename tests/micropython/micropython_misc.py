# micropython: stack_use, pystack_use, kbd_intr, alloc_emergency_exception_buf, mem stats
import micropython

print(type(micropython.stack_use()), micropython.stack_use() >= 0)
print(type(micropython.pystack_use()), micropython.pystack_use() > 0)
micropython.kbd_intr(3)
micropython.kbd_intr(-1)
micropython.kbd_intr(3)
print(micropython.alloc_emergency_exception_buf(100))
print(micropython.mem_total() > 0, micropython.mem_current() > 0)
print(micropython.mem_peak() >= micropython.mem_current())
