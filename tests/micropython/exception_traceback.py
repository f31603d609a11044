# traceback entries and their printing (sys.print_exception)
import sys

src = """
def f(n):
    if n == 0:
        raise ValueError("bottom", n)
    return f(n - 1)

class E(Exception):
    pass

def g():
    raise E()

try:
    f(2)
except ValueError as e:
    sys.print_exception(e)
try:
    g()
except E as e:
    sys.print_exception(e)
try:
    {}["k"]
except KeyError as e:
    sys.print_exception(e)
try:
    raise OSError(2, "gone")
except OSError as e:
    sys.print_exception(e)
e = ValueError(1)
sys.print_exception(e)
"""
exec(compile(src, "tb_test", "exec"))
