# cmdline: -X heapsize=128k
# Exhausting the fixed heap raises MemoryError; after the garbage is
# dropped, allocation works again.
import gc

chunks = []
try:
    while True:
        chunks.append(bytearray(1000))
except MemoryError:
    print("MemoryError after", len(chunks) > 50)
chunks = None
gc.collect()
print(len(bytearray(1000)))

try:
    x = bytearray(10**9)
except MemoryError:
    print("MemoryError for a huge bytearray")

try:
    x = [0] * (10**8)
except MemoryError:
    print("MemoryError for a huge list")

try:
    s = "ab" * (10**9)
except MemoryError:
    print("MemoryError for a huge str")

l = []
try:
    while True:
        l.append(len(l))
except MemoryError:
    print("MemoryError growing a list", len(l) > 1000)
l = None
gc.collect()
print(sum(range(10)))
