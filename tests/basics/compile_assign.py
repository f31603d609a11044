# Assignment forms the compiler treats specially.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
a, b, c = 3, 4, 5
print(a, b, c)
a, b, c = c, a, b
print(a, b, c)
x = y = z = [1]
print(x is y is z)
(a, b), c = (1, 2), 3
print(a, b, c)
[a, [b, c]] = [4, [5, 6]]
print(a, b, c)
a, *b = 1, 2, 3
print(a, b)
*a, b = range(4)
print(a, b)
a, *b, c = "hello"
print(a, b, c)
[a] = [7]
print(a)
[] = []
d = {}
d["k"], d["j"] = 1, 2
print(sorted(d.items()))


class O:
    pass


o = O()
o.x, o.y = 1, 2
print(o.x, o.y)
o.x += 10
d["k"] += 5
lst = [1, 2, 3]
lst[1:] = [9]
lst[0] -= 1
print(o.x, d["k"], lst)
v = 5
v **= 2
v //= 3
v %= 5
v <<= 3
v >>= 1
v |= 1
v &= 7
v ^= 2
print(v)
t: int = 9
print(t)


# return of an if-expression
def sign(n):
    return "neg" if n < 0 else "zero" if n == 0 else "pos"


print(sign(-1), sign(0), sign(3))

# chained comparisons evaluate the middle once
def mid():
    print("mid")
    return 2


print(1 < mid() < 3, 1 < mid() > 3, 1 < 2 < 3 < 4 > 0)
print(not 1 in [1], 1 not in [2], None is not None)
