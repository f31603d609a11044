# failing imports: missing modules and names, a module that raises
import sys

try:
    import impkg_no_such_module
except ImportError:
    print("ImportError 1")

try:
    import impkg_a.no_such_sub
except ImportError:
    print("ImportError 2")

try:
    from impkg_a import no_such_name
except ImportError:
    print("ImportError 3")

# a module whose body raises is not kept in sys.modules
for i in range(2):
    try:
        import impkg_err.bad
    except ValueError as e:
        print("ValueError", e)
    print("impkg_err.bad" in sys.modules)

try:
    import impkg_err.syntax
except SyntaxError:
    print("SyntaxError")
print("impkg_err.syntax" in sys.modules)

try:
    __import__("")
except ValueError:
    print("ValueError")
print("end")
