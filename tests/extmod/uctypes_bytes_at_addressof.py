# uctypes.addressof of buffers of several kinds, bytes_at (a copy) and
# bytearray_at (a view: writes reach the memory), on the same memory
import uctypes
import array

data = bytearray(b"0123456789")
a = uctypes.addressof(data)
print(uctypes.bytes_at(a, 4), uctypes.bytes_at(a + 6, 4), uctypes.bytes_at(a, 0))
view = uctypes.bytearray_at(a + 2, 3)
print(view, len(view), uctypes.addressof(view) == a + 2)
view[0] = ord("X")
view[2] = 0x21
print(data)
copy = uctypes.bytes_at(a, 3)
data[0] = ord("!")
print(copy, data[:3])

# addressof of other buffer objects
b = b"bytes!"
print(uctypes.bytes_at(uctypes.addressof(b), len(b)))
s = "text"
print(uctypes.bytes_at(uctypes.addressof(s), len(s)))
arr = array.array("H", [0x4142, 0x4344])
print(uctypes.bytes_at(uctypes.addressof(arr), 4))
mv = memoryview(data)[5:]
print(uctypes.addressof(mv) - a)
st = uctypes.struct(a + 1, {"x": uctypes.UINT8 | 0})
print(uctypes.addressof(st) - a, st.x)

# the address and size are taken modulo 2**32, as on a 32-bit board (the
# 64-bit unix port crashes here); the .exp is hand-checked
print(uctypes.bytes_at(a + 2 ** 32, 2), uctypes.bytes_at(a - 2 ** 32, 2), uctypes.bytes_at(a, 2 + 2 ** 32))

# errors
for f, args in (
    (uctypes.addressof, (1,)),
    (uctypes.addressof, (None,)),
    (uctypes.bytes_at, ("1", 1)),
    (uctypes.bytes_at, (a, 1.5)),
    (uctypes.bytearray_at, (None, 1)),
):
    try:
        f(*args)
    except TypeError as e:
        print("TypeError", e)
