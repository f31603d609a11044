# a bytearray made by uctypes.bytearray_at views memory it does not own:
# writing goes through to that memory, growing it moves the view to a copy
# and leaves the memory (here another bytearray's buffer) untouched
import uctypes

b = bytearray(8)
v = uctypes.bytearray_at(uctypes.addressof(b), 4)
v[0] = 65
print(b)
v.append(1)
print(len(v), v, b)
v.extend(b"xyz")
print(len(v), v, b)
v[1] = 66
print(b, v)
w = uctypes.bytearray_at(uctypes.addressof(b), 2)
w[2:2] = b"QQ"
print(w, b)
w[0] = 67
print(b)
