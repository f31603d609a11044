# iter and next
it = iter([1, 2])
print(next(it), next(it), next(it, "done"), next(it, None))
try:
    next(it)
except StopIteration:
    print("StopIteration")
it = iter("ab")
print(list(it), list(it))
print(iter(it) is it)


def gen():
    yield 1
    return 5


g = gen()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
