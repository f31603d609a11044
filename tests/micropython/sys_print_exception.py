# sys.print_exception(exc[, file]): the traceback as an uncaught exception shows it
import sys, io

try:
    raise ValueError("boom")
except ValueError as e:
    s = io.StringIO()
    sys.print_exception(e, s)
    lines = s.getvalue().split("\n")
    print(lines[0])
    print(lines[1].startswith('  File "') and lines[1].endswith(", line 5, in <module>"))
    print(lines[-2:])

# no traceback: just the exception
sys.print_exception(ValueError(1, 2))
sys.print_exception(OSError(2))
sys.print_exception(KeyError("k"))
sys.print_exception(Exception())

try:
    sys.print_exception(ValueError(), 1)
except OSError as e:
    print("OSError", e)
print("end")
