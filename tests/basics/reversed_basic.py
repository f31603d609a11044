# reversed
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed("abc")), list(reversed(range(4))), list(reversed([])))
d = {1: 2, 3: 4}
print(list(reversed(d)) == list(d)[::-1], list(reversed(d.items())) == list(d.items())[::-1], "".join(reversed("hello")))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * 10
print(list(reversed(Seq())))
class Rev:
    def __reversed__(self):
        return iter("zyx")
print(list(reversed(Rev())))
r = reversed([1, 2])
print(next(r), next(r))
try:
    next(r)
except StopIteration:
    print("StopIteration")
def t(g):
    try:
        print(g())
    except Exception as e:
        print(type(e).__name__)
t(lambda: reversed(5))
t(lambda: reversed({1, 2}))
t(lambda: reversed())
t(lambda: reversed([1], [2]))
