# bad uses of classes: each prints the exception type and goes on
class A:
    def __init__(self, x):
        self.x = x

    def m(self):
        return self.x


def check(fn):
    try:
        fn()
    except Exception as e:
        print(type(e).__name__)


check(lambda: A())
check(lambda: A(1, 2))
check(lambda: A(1).m(2))
check(lambda: A(1).nope)
check(lambda: A.nope)
check(lambda: A(1)())
check(lambda: A(1) + 1)
check(lambda: 1 + A(1))
check(lambda: A(1) < A(2))
check(lambda: A(1)[0])
check(lambda: len(A(1)))
check(lambda: iter(A(1)))
check(lambda: -A(1))
check(lambda: isinstance(1, 1))
check(lambda: issubclass(1, int))
check(lambda: issubclass(int, 1))
check(lambda: super(int, "x"))
check(lambda: type("X", 1, {}))
check(lambda: type(1, 2))


class C:
    __slots__ = ()


print("done")
