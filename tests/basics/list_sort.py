# list.sort: keys, reverse, stability
l = [3, 1, 2, 5, 4, 0, -1]
l.sort()
print(l)
l.sort(reverse=True)
print(l)
l = ["bb", "a", "ccc", "dd", ""]
l.sort(key=len)
print(l)
l.sort(key=len, reverse=True)
print(l)
# stability: equal keys keep their order, also with reverse=True
pairs = [(1, "a"), (0, "b"), (1, "c"), (0, "d"), (2, "e"), (1, "f"), (0, "g")]
p = pairs[:]
p.sort(key=lambda t: t[0])
print(p)
p = pairs[:]
p.sort(key=lambda t: t[0], reverse=True)
print(p)
words = "the quick brown fox jumps over the lazy dog again and again".split()
w = words[:]
w.sort(key=len)
print(w)
w = words[:]
w.sort(key=lambda s: s[0], reverse=True)
print(w)
# larger inputs (merge passes)
import_seed = 12345
def rng():
    global import_seed
    import_seed = (import_seed * 1103515245 + 12345) & 0x7FFFFFFF
    return import_seed
big = [rng() % 1000 for i in range(500)]
s = big[:]
s.sort()
ok = all(s[i] <= s[i + 1] for i in range(len(s) - 1))
print(ok, len(s), s[:5], s[-5:])
s = [(v % 10, i) for i, v in enumerate(big)]
t = s[:]
t.sort(key=lambda x: x[0])
print(t == sorted(s, key=lambda x: x[0]), all(t[i][1] < t[i + 1][1] for i in range(len(t) - 1) if t[i][0] == t[i + 1][0]))
t.sort(key=lambda x: x[0], reverse=True)
print(all(t[i][1] < t[i + 1][1] for i in range(len(t) - 1) if t[i][0] == t[i + 1][0]))
# sorted input and reversed input
l = list(range(50))
l.sort(reverse=True)
print(l[:5])
l.sort()
print(l[:5])
# mixed numbers, strings, tuples
print(sorted([2.5, 1, 3, -0.5]), sorted(["b", "A", "a"]), sorted([(1, 2), (1, 1), (0, 9)]))
# key is called once per item
calls = []
def k(x):
    calls.append(x)
    return -x
l = [1, 3, 2]
l.sort(key=k)
print(l, sorted(calls))
# empty and single
l = []
l.sort()
l2 = [1]
l2.sort(key=lambda x: -x)
print(l, l2)
try:
    l2.sort(key=lambda x: 1 / 0)
except ZeroDivisionError:
    print("key called for one item")
