# set methods (multi-element sets are shown sorted: iteration order is
# MicroPython's hash order; pop takes the first filled slot)
S = sorted
s = {1, 2}
print(s.add(3), s.add(1), S(s))
print(s.discard(2), s.discard(9), S(s))
print(s.remove(3), s)
s = {1, 2, 3}
c = s.copy()
c.add(4)
print(S(s), S(c))
print(s.clear(), s, len(s))
s = {4}
print(s.pop(), s)
s = {3, 1, 2}
print(S([s.pop(), s.pop(), s.pop()]), s)
s = {1, 2, 3, 4}
# (a str element would make CPython's order depend on PYTHONHASHSEED)
print(S(s.union({5})), sorted(s.union([6], (7,), "8"), key=str), S(s.union()), S(s))
print(S(s.intersection({2, 3, 9})), S(s.intersection([1, 2], (2, 1))), S(s.intersection()), S(s.intersection(range(3))))
print(S(s.difference({1})), S(s.difference([1], (2,))), S(s.difference()), s.difference(range(10)))
print(S(s.symmetric_difference({4, 5})), S(s.symmetric_difference([1, 1, 9])))
print(s.issubset({1, 2, 3, 4, 5}), s.issubset([1, 2]), s.issubset(range(10)), set().issubset([]))
print(s.issuperset({1}), s.issuperset([1, 9]), s.issuperset(()), s.issuperset(range(1, 5)))
print(s.isdisjoint({5}), s.isdisjoint([4]), s.isdisjoint(()), s.isdisjoint(s), set().isdisjoint(set()))
t = {1, 2, 3}
print(t.update({4}, [5], "6"), sorted(t, key=str))
t = {1, 2, 3, 4}
print(t.intersection_update({1, 2, 5}, [2, 1]), S(t))
t = {1, 2, 3, 4}
print(t.difference_update([1], {2}), S(t))
t = {1, 2}
print(t.symmetric_difference_update([2, 3, 3]), S(t))
t.symmetric_difference_update(t)
print(t)
t = {1, 2}
t.difference_update(t)
print(t)
t = {1, 2}
t.intersection_update(t)
print(S(t))
# set of a set is looked up as the frozenset
fs = {frozenset({1, 2}), 3}
print({1, 2} in fs, {9} in fs)
fs.discard({1, 2})
print(fs)
