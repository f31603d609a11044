# set methods
s = {1, 2}
print(s.add(3), s.add(1), s)
print(s.discard(2), s.discard(9), s)
print(s.remove(3), s)
s = {1, 2, 3}
c = s.copy()
c.add(4)
print(s, c)
print(s.clear(), s, len(s))
s = {4}
print(s.pop(), s)
s = {3, 1, 2}
print(s.pop(), s.pop(), s.pop(), s)
s = {1, 2, 3, 4}
# (a str element would make CPython's order depend on PYTHONHASHSEED)
print(s.union({5}), sorted(s.union([6], (7,), "8"), key=str), s.union(), s)
print(s.intersection({2, 3, 9}), s.intersection([1, 2], (2, 1)), s.intersection(), s.intersection(range(3)))
print(s.difference({1}), s.difference([1], (2,)), s.difference(), s.difference(range(10)))
print(s.symmetric_difference({4, 5}), s.symmetric_difference([1, 1, 9]))
print(s.issubset({1, 2, 3, 4, 5}), s.issubset([1, 2]), s.issubset(range(10)), set().issubset([]))
print(s.issuperset({1}), s.issuperset([1, 9]), s.issuperset(()), s.issuperset(range(1, 5)))
print(s.isdisjoint({5}), s.isdisjoint([4]), s.isdisjoint(()), s.isdisjoint(s), set().isdisjoint(set()))
t = {1, 2, 3}
print(t.update({4}, [5], "6"), t)
t = {1, 2, 3, 4}
print(t.intersection_update({1, 2, 5}, [2, 1]), t)
t = {1, 2, 3, 4}
print(t.difference_update([1], {2}), t)
t = {1, 2}
print(t.symmetric_difference_update([2, 3, 3]), t)
t.symmetric_difference_update(t)
print(t)
t = {1, 2}
t.difference_update(t)
print(t)
t = {1, 2}
t.intersection_update(t)
print(t)
# set of a set is looked up as the frozenset
fs = {frozenset({1, 2}), 3}
print({1, 2} in fs, {9} in fs)
fs.discard({1, 2})
print(fs)
