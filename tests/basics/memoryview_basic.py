# memoryview over bytes and bytearray
b = bytearray(b"abcdef")
m = memoryview(b)
print(len(m), m[0], m[-1], bytes(m[1:3]), bytes(m[::1]), list(m[4:]))
m[0] = 65
print(b)
m[1:3] = b"BC"
print(b)
s = m[2:5]
s[0] = 120
print(b, len(s), bytes(s))
ro = memoryview(b"xyz")
print(ro[1], bytes(ro))
try:
    ro[0] = 1
except TypeError:
    print("TypeError")
try:
    m[0:2] = b"abc"
except ValueError:
    print("ValueError")
print(bytes(memoryview(memoryview(b"nested"))[1:3]))
import array
a = array.array("h", [1, 2, 3])
ma = memoryview(a)
print(len(ma), ma[1], list(ma))
