# slice objects
s = slice(1, 10, 2)
print(s, slice(5), slice(None), slice(1, None), slice("a", [1], None))
print(s.start, s.stop, s.step, slice(4).start, slice(4).stop, slice(4).step)
print(s.indices(5), s.indices(100), slice(None).indices(3), slice(None, None, -1).indices(4))
print(slice(-3, None).indices(10), slice(-100, 100).indices(7), slice(5, 1, -2).indices(10), slice(None, None, 3).indices(0))
print(slice(2, -2).indices(3), slice(-1, -10, -1).indices(5))
class C:
    def __getitem__(self, i):
        return i
c = C()
print(c[1:2], c[1:2:3], c[::], c[:5], c[1:], c[::-1], c[1, 2:3], c[...])
l = list(range(10))
print(l[slice(2, 8, 3)], l[slice(None, None, -4)], "hello"[slice(1, 4)], (1, 2, 3)[slice(1, None)])
print(slice(1, 2) == slice(1, 2) if False else "skip eq")
print(l[True:], l[:False], l[-2:-1])
