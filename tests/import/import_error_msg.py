# MicroPython's messages for failed imports
try:
    import impkg_no_such_module
except ImportError as e:
    print(e)

try:
    import impkg_a.no_such_sub
except ImportError as e:
    print(e)

try:
    from impkg_a import no_such_name
except ImportError as e:
    print(e)

# relative import from a module that is not in a package
try:
    __import__("x", {"__name__": "top"}, None, ("y",), 1)
except ImportError as e:
    print(e)

# too many levels up
try:
    __import__("x", {"__name__": "a.b"}, None, ("y",), 3)
except ImportError as e:
    print(e)

try:
    __import__("x", None, None, (), -1)
except ValueError as e:
    print("ValueError", e.args)

try:
    __import__(1)
except TypeError:
    print("TypeError")
