# exceptions: args, str, hierarchy, try/except/else/finally, re-raise
print(str(ValueError()), str(ValueError("a")), str(ValueError("a", 2)), str(KeyError(1)))
print(ValueError().args, ValueError(1).args, ValueError(1, "x").args)
print(repr(IndexError()), repr(TypeError(1, 2)))
print(StopIteration().value, StopIteration(5).value, StopIteration(1, 2).value)
print(OSError().errno, OSError(2, "no").errno, OSError(2, "no").args)
print(str(OSError("msg")), OSError(1, 2).args)

for exc, base in [(ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError),
                  (KeyError, LookupError), (IndexError, LookupError), (NotImplementedError, RuntimeError),
                  (IndentationError, SyntaxError), (StopIteration, Exception), (Exception, BaseException),
                  (SystemExit, BaseException), (KeyboardInterrupt, BaseException), (GeneratorExit, BaseException),
                  (UnicodeError, ValueError), (AssertionError, Exception), (AttributeError, Exception),
                  (EOFError, Exception), (ImportError, Exception), (MemoryError, Exception), (NameError, Exception),
                  (TypeError, Exception), (OSError, Exception)]:
    print(exc.__name__, issubclass(exc, base), issubclass(exc, Exception))

print(issubclass(SystemExit, Exception), issubclass(KeyboardInterrupt, Exception))


def f(n):
    try:
        if n == 0:
            raise ValueError("zero")
        if n == 1:
            raise KeyError("k")
        if n == 2:
            1 / 0
        return "ok"
    except ValueError as e:
        return "ValueError " + str(e)
    except LookupError as e:
        return "LookupError " + repr(e.args)
    except (ZeroDivisionError, TypeError):
        return "arith"
    finally:
        print("finally", n)


for i in range(4):
    print(f(i))

try:
    try:
        raise TypeError("inner")
    except TypeError:
        raise
except TypeError as e:
    print("reraised", e)

try:
    try:
        raise TypeError("a")
    finally:
        print("cleanup")
except TypeError as e:
    print("after cleanup", e)

try:
    pass
except Exception:
    print("no")
else:
    print("else")

# raising a class instantiates it
try:
    raise KeyError
except KeyError as e:
    print("class raised", e.args)

# the exception variable is cleared after the handler
try:
    raise ValueError
except ValueError as e:
    pass
try:
    e
except NameError:
    print("e cleared")
