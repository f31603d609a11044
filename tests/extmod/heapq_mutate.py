# heapq with a __lt__ that changes the list or raises: an exception, never a
# read of a stale slot
import heapq


class Clear:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        h.clear()
        return True


for f in ("heapify", "heappop"):
    h = [Clear(i) for i in range(6)]
    try:
        getattr(heapq, f)(h)
    except RuntimeError as e:
        print(f, "RuntimeError", e)
    print(len(h))
h = [Clear(i) for i in range(3)]
try:
    heapq.heappush(h, Clear(9))
except RuntimeError as e:
    print("heappush RuntimeError", e)


class Grow:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        if len(h) < 50:
            h.append(Grow(-1))
        return self.v < other.v


h = [Grow(i) for i in range(8, 0, -1)]
try:
    heapq.heapify(h)
except RuntimeError as e:
    print("heapify RuntimeError", e)


class Raise:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        if self.v == 3 or other.v == 3:
            raise ValueError("boom")
        return self.v < other.v


# the list keeps all its items after the exception
h = [Raise(i) for i in (9, 8, 7, 6, 5, 4, 3, 2, 1)]
try:
    heapq.heapify(h)
except ValueError as e:
    print("ValueError", e)
print(sorted(x.v for x in h))
h = [Raise(i) for i in (0, 1, 2, 4, 5, 6)]
try:
    heapq.heappush(h, Raise(3))
except ValueError as e:
    print("ValueError", e)
print(sorted(x.v for x in h))
