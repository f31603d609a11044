# min and max with iterables, several args, key= and default=
print(min(3, 1, 2), max(3, 1, 2), min([5, 4]), max("hello"))
print(min([1, -5, 3], key=abs), max([1, -5, 3], key=abs), max(["aa", "b", "ccc"], key=len))
print(min([], default="empty"), max((), default=None), min([2], default=0))
print(max(1, 2.5), min(1.5, 1), max([(1, 2), (1, 3)]))
print(min("b", "a", key=None))
# the first of equal items wins
print(max([1, 1.0]), min([1.0, 1]))
