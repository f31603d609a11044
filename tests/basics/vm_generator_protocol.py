# generators: send, throw, close, return values, yield from delegation
def g():
    x = yield 1
    print("got", x)
    try:
        yield 2
    except ValueError as e:
        print("caught in gen", e)
        yield 3
    finally:
        print("gen finally")


it = g()
print(next(it))
print(it.send("hello"))
print(it.throw(ValueError("boom")))
try:
    next(it)
except StopIteration as e:
    print("stop", e.args)


def ret():
    yield 1
    return 42


r = ret()
next(r)
try:
    next(r)
except StopIteration as e:
    print("returned", e.value)
# a finished generator keeps raising StopIteration
try:
    next(r)
except StopIteration as e:
    print("again", e.args)


def closer():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("GeneratorExit")
        raise


c = closer()
next(c)
c.close()
c.close()


def ignorer():
    try:
        yield 1
    except GeneratorExit:
        yield 2


i = ignorer()
next(i)
try:
    i.close()
except RuntimeError as e:
    print("RuntimeError", e)


def inner():
    x = yield "a"
    y = yield x * 2
    return x + y


def outer():
    v = yield from inner()
    print("inner returned", v)
    yield from range(2)
    return "done"


o = outer()
print(next(o))
print(o.send(5))
print(o.send(7))
print(next(o))
try:
    next(o)
except StopIteration as e:
    print("outer returned", e.value)

# throw into a delegating generator reaches the inner one
def inner2():
    try:
        yield 1
    except KeyError:
        print("inner2 caught")
        yield 99


def outer2():
    yield from inner2()


o2 = outer2()
next(o2)
print(o2.throw(KeyError))

# send to a just-started generator
s = g()
try:
    s.send(1)
except TypeError:
    print("TypeError")

# a generator that is running cannot be re-entered
def reenter():
    yield next(me)


me = reenter()
try:
    next(me)
except ValueError:
    print("ValueError")

# StopIteration raised inside a generator becomes RuntimeError
def leak():
    raise StopIteration
    yield


try:
    next(leak())
except RuntimeError:
    print("RuntimeError from StopIteration")
