# tuples: construction, repr, operators, methods, hashing
print((), (1,), (1, 2), ((1,), (2, (3,))), ("a", None, [1]))
print(tuple(), tuple([1, 2]), tuple((3,)), tuple("ab"), tuple(range(3)), tuple({1: 2}))
t = (1, 2, 3)
print(tuple(t) is t, len(t), bool(()), bool((0,)))
print(t + (4,), () + (), t * 2, 2 * (0,), t * 0, t * -3, (1,) * 1)
print(t == (1, 2, 3), t == [1, 2, 3], t != (1, 2), (1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9), () < (0,))
print((1, 2) <= (1, 2), (1, 3) >= (1, 2, 5), ("a", 1) < ("a", 2), ((1, 2),) < ((1, 3),))
print(2 in t, 9 in t, (1, 2) in ((1, 2), 3))
print(t.count(1), (1, 1, 2).count(1), t.index(3), (1, 2, 1).index(1, 1), (5, 6, 7).index(7, -1))
for x in t:
    print(x, end=" ")
print()
a, b, c = t
print(a, b, c)
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), hash((1, (2, "x"))) == hash((1, (2, "x"))))
print({(1, 2): "a", (): "b"}[(1, 2)], {(1, 2): "a", (): "b"}[()])
s = {(1, 2), (1, 2), (2, 1)}
print(len(s))
u = t
u += (4,)
print(t, u, u is t)
u *= 2
print(u)
print(t[0], t[-1], t[1:], t[::-1], t[::2], t[5:], t[:], t[1:2], t[-2:-1])
print(str((1, "a")), repr(("x",)))
print(tuple(x * 2 for x in range(3)))
