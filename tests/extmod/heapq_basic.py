# heapq: push/pop order, heapify, tuples and strings, the heap invariant
import heapq


def is_heap(h):
    return all(not (h[(i - 1) // 2] > h[i]) for i in range(1, len(h)))


def pop_all(h):
    out = []
    while h:
        out.append(heapq.heappop(h))
    return out


h = []
for x in (5, 3, 8, 1, 9, 2, 7, 4, 6, 0):
    heapq.heappush(h, x)
    print(h, is_heap(h))
print(pop_all(h), h)

# heapify of lists of every small size, with duplicates
seed = 12345
for n in range(12):
    data = []
    for i in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        data.append(seed % 7)
    h = list(data)
    heapq.heapify(h)
    print(n, is_heap(h), pop_all(h) == sorted(data))

h = [4, 3, 8, 9, 10, 2, 7, 11, 5]
heapq.heapify(h)
print(h)
heapq.heappush(h, 1)
heapq.heappush(h, 6)
heapq.heappush(h, 12)
print(h, is_heap(h))
print(pop_all(h))

# tuples (priority, item), strings, floats
h = []
for item in [(3, "c"), (1, "a"), (2, "b"), (1, "A"), (0, "z")]:
    heapq.heappush(h, item)
print(pop_all(h))
h = ["pear", "apple", "fig", "banana"]
heapq.heapify(h)
print(h[0], pop_all(h))
h = [2.5, -1.0, 1e10, 0.0, 3]
heapq.heapify(h)
print(pop_all(h))

# the functions return None; heappop returns the item
h = [1]
print(heapq.heappush(h, 0), heapq.heapify(h), heapq.heappop(h), heapq.heappop(h), h)
h = [[1], [0]]
heapq.heapify(h)
print(h)

# a class ordered by __lt__
class P:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return self.v < other.v


h = []
for v in (4, 1, 3, 2):
    heapq.heappush(h, P(v))
print([heapq.heappop(h).v for _ in range(4)])
