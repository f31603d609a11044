# heapq errors, with MicroPython's messages
import heapq


def test(f, *args):
    try:
        print(f(*args))
    except Exception as e:
        print(type(e).__name__, e)


test(heapq.heappop, [])
test(heapq.heappop, ())
test(heapq.heappush, (), 1)
test(heapq.heappush, {}, 1)
test(heapq.heapify, "abc")
test(heapq.heapify, None)
test(heapq.heapify, (3, 2, 1))

# items that cannot be compared: the error propagates, the items stay in the list
h = [3, "a"]
test(heapq.heapify, h)
print(sorted(h, key=str))
h = [1, "a"]
test(heapq.heappush, h, 0)
print(h)
h = [0, 1, None]
test(heapq.heappop, h)
print(h)
h = [1, 2]
test(heapq.heappush, h, "x")
print(h)

# argument counts
test(heapq.heappush, [])
test(heapq.heappop)

h = []
heapq.heappush(h, 1)
print(h)
