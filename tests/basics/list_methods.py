# list methods
l = [1, 2, 3]
print(l.append(4), l)
print(l.extend([5, 6]), l)
l.extend((7,))
l.extend(range(8, 10))
l.extend("ab")
l.extend(l)
print(l)
l = [1, 2, 3]
print(l.insert(0, 0), l)
l.insert(100, 9)
l.insert(-1, 8)
l.insert(-100, -1)
l.insert(2, "x")
print(l)
l = [10, 20, 30, 40, 50]
print(l.pop(), l)
print(l.pop(0), l)
print(l.pop(-2), l)
print(l.pop(1), l)
print(l.pop(), l)
l = [1, 2, 3, 2, 1]
print(l.remove(2), l)
print(l.index(1), l.index(2), l.index(1, 1), l.index(1, -1), l.index(3, 0, 3))
print(l.count(1), l.count(3), l.count(7), [].count(0), [[1], [1]].count([1]))
l.reverse()
print(l)
l = [1, 2, 3, 4]
l.reverse()
print(l)
c = l.copy()
c.append(0)
print(l, c)
print(l.clear(), l, c)
l.append(5)
print(l)
# many appends and pops (growth and shrinking)
l = []
for i in range(100):
    l.append(i)
print(len(l), l[0], l[99], sum(l))
while len(l) > 3:
    l.pop()
print(l)
l = list(range(20))
for i in range(10):
    l.pop(0)
print(l)
