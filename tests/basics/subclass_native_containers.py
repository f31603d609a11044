# operators between built-in containers and instances of user subclasses
class L(list): pass
class T(tuple): pass
class D(dict): pass
class S(set): pass
l = L([1, 2])
print([0] + l, [1, 2] == l, l == [1, 2], [1] < l, l + [3], l * 2, len(l), l[0], l[::-1])
t = T((1, 2))
print((0,) + t, (1, 2) == t, t == (1, 2), (1,) < t, t + (3,), len(t))
d = D(a=1)
print({"a": 1} == d, d == {"a": 1}, sorted(({"b": 2} | d).items()), d["a"], len(d))
s = S([1, 2])
print({1, 2} == s, s == {1, 2}, sorted({3} | s), s & {1}, {1} <= s, len(s), 1 in s)
l.append(3)
l.sort(reverse=True)
print(l, list(l), sorted(l))
