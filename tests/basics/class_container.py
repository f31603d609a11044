# container protocol: __len__, __bool__, __getitem__, __setitem__, __delitem__,
# __contains__, __iter__, __next__, __call__
class Seq:
    def __init__(self, n):
        self.n = n
        self.d = {}

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if isinstance(i, slice):
            return ("slice", i.start, i.stop, i.step)
        if i >= self.n:
            raise IndexError
        return i * i

    def __setitem__(self, k, v):
        self.d[k] = v

    def __delitem__(self, k):
        del self.d[k]


s = Seq(4)
print(len(s), bool(s), bool(Seq(0)), s[3], s[1:3], s[::2])
print(list(s))  # iteration through __getitem__
s["a"] = 1
s["b"] = 2
del s["a"]
print(s.d)
if not Seq(0):
    print("empty is false")


class B:
    def __bool__(self):
        return False


print(bool(B()), not B())


class Cont:
    def __contains__(self, x):
        return x == 5


print(5 in Cont(), 4 in Cont(), 4 not in Cont())


class It:
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i


print(list(It(3)), [x * 2 for x in It(2)], sum(It(4)))
it = iter(It(2))
print(next(it), next(it), next(it, "end"))


class F:
    def __call__(self, *args, **kw):
        return args, sorted(kw.items())


f = F()
print(f(1, 2, a=3), callable(f), callable(Seq(1)))
