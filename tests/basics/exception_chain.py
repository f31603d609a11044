# raise ... from None, and exceptions raised in handlers
try:
    raise KeyError("k") from None
except KeyError as e:
    print("caught", e.args)

# exception raised inside an except handler
try:
    try:
        raise TypeError("first")
    except TypeError:
        raise IndexError("second")
except IndexError as e:
    print("second wins", e)
