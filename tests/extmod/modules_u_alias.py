# struct, binascii, errno and heapq are extensible built-in modules: `import u<name>`
# reaches the same module
import struct, binascii, errno, heapq
import ustruct, ubinascii, uerrno, uheapq

print(ustruct is struct, ubinascii is binascii, uerrno is errno, uheapq is heapq)
print(ustruct.__name__, ubinascii.__name__, uerrno.__name__, uheapq.__name__)
print(sorted(k for k in dir(struct) if not k.startswith("_")))
print(sorted(k for k in dir(binascii) if not k.startswith("_")))
print(sorted(k for k in dir(heapq) if not k.startswith("_")))
print(len([k for k in dir(errno) if k.startswith("E")]), "errorcode" in dir(errno))
from ustruct import pack
from ubinascii import hexlify
from uheapq import heappop

print(hexlify(pack(">h", 258)), heappop([1]))
