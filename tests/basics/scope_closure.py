# Closures: cells, free variables, their order and lifetime.


def make_counter():
    n = 0

    def inc(step=1):
        nonlocal n
        n += step
        return n

    return inc


c = make_counter()
print(c(), c(), c(5))

# each call makes a new cell
c2 = make_counter()
print(c2(), c())


# a parameter that is closed over
def adder(x):
    return lambda y: x + y


print(adder(3)(4))

# late binding: closures see the last value of the loop variable
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
# default arguments bind early
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])


# several levels of nesting, variables closed over in a different order
def outer():
    a = 1
    b = 2
    c = 3

    def middle():
        def inner():
            return c, a, b

        return inner

    return middle()()


print(outer())


# a free variable assigned after the inner function is defined
def late():
    def get():
        return v

    v = "late"
    return get()


print(late())


# nonlocal through an intermediate scope
def f1():
    x = 1

    def f2():
        def f3():
            nonlocal x
            x += 10

        f3()
        return x

    return f2()


print(f1())


# closures in generators and comprehensions
def gen_closure(k):
    return (lambda: k * i for i in range(3))


print([g() for g in gen_closure(2)])


def comp_uses_outer(m):
    return [m * j for j in range(4)], {j: m for j in range(2)}, sorted({m + j for j in range(2)})


print(comp_uses_outer(3))


# *args and **kwargs closed over
def star(*args, **kw):
    def g():
        return args, sorted(kw.items())

    return g()


print(star(1, 2, a=3))


# class bodies do not make a scope for methods
x = "global"


class C:
    x = "class"

    def m(self):
        return x

    y = [x for _ in range(1)]


print(C().m(), C.y)


# __class__ cell and zero-argument super()
class Base:
    def who(self):
        return "Base"


class Derived(Base):
    def who(self):
        return "Derived+" + super().who()

    def cls(self):
        return __class__.__name__


print(Derived().who(), Derived().cls())


# the walrus operator in a comprehension binds in the enclosing scope
def walrus():
    total = 0
    [(total := total + v) for v in range(5)]
    return total


print(walrus())
[(last := v) for v in "abc"]
print(last)


# del of a cell variable
def del_cell():
    z = 1

    def g():
        return z

    del z
    try:
        g()
    except NameError:
        print("NameError")


del_cell()
