# abs, all, any, callable, divmod, hash, id, len, pow, repr, sum
print(abs(-3), abs(4), abs(-2.5), abs(True))
print(all([]), all([1, 2]), all([1, 0]), all(x > 0 for x in range(1, 4)))
print(any([]), any([0, 0]), any([0, 3]), any(iter([None, "a"])))
print(callable(len), callable(1), callable(int), callable(lambda: 0), callable("s"))
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2))
print(hash(1) == hash(1), hash("abc") == hash("abc"), hash(True), hash(None) == hash(None))
a = []
print(id(a) == id(a), id(a) != id([]))
print(len("abc"), len([1, 2]), len({}), len(range(5)))
print(pow(2, 10), pow(2, -1), pow(3, 4, 5), pow(2, 3, None), pow(7, 0))
print(repr(1), repr("a'b"), repr([1, "x"]), repr(None), repr(True))
print(sum([]), sum([1, 2, 3]), sum([1, 2], 10), sum(range(5)), sum([0.5, 0.25]))
print(sum([[1], [2]], []))
