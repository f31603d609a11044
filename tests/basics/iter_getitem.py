# iteration through __getitem__ and iter()/next() on containers
class G:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * i
print(list(G()), [x for x in G()], 4 in G(), 5 in G())
class S:
    def __getitem__(self, i):
        if i == 2:
            raise StopIteration
        return "s%d" % i
print(list(S()))
class E:
    def __getitem__(self, i):
        raise ValueError("boom")
try:
    list(E())
except ValueError as e:
    print("ValueError", e)
for c in (G(), [1, 2], (3,), "ab", {4: 0}, {5}, range(2), b"x"):
    it = iter(c)
    print(next(it), end=" ")
print()
it = iter([1, 2])
print(iter(it) is it, list(it), list(it))
it = iter({1: 2}.items())
print(next(it))
print(list(iter(iter([7]))))
