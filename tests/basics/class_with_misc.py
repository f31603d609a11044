# context managers (__enter__/__exit__), __getattr__ returning callables, class decorators, nested classes
class CM:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        print("enter", self.n)
        return self.n * 10
    def __exit__(self, a, b, c):
        print("exit", self.n, a is None, b is None)
        return self.n == 2
with CM(1) as x:
    print("body", x)
with CM(2):
    raise ValueError
print("suppressed")
try:
    with CM(3):
        raise KeyError(7)
except KeyError as e:
    print("propagated", e.args)
class G:
    def __getattr__(self, n):
        return lambda *a: (n, a)
g = G()
print(g.foo(1, 2))
class Slots:
    def __init__(self):
        self.a = 1
s = Slots()
print(s.__dict__)
def deco(cls):
    cls.added = 5
    return cls
@deco
class K:
    pass
print(K.added, K().added)
class Outer:
    class Inner:
        v = 3
    def get(self):
        return self.Inner.v
print(Outer().get(), Outer.Inner.v)
class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
for i in range(3):
    Counter()
print(Counter.count)
class Rec:
    def __init__(self, n):
        self.child = Rec(n - 1) if n else None
    def depth(self):
        return 1 + (self.child.depth() if self.child else 0)
print(Rec(50).depth())
