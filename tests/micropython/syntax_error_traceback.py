# MicroPython's syntax error messages and the line they are reported at
# (the traceback has the file and line, no function name).
import sys
import io

sources = [
    "x = (1,",
    "a b",
    "if 1:\n  x = 1\n    y = 2",
    "if 1:\n    x = 1\n  y = 2",
    " x = 1",
    "x = 'abc",
    "x = 1\ny = '''abc\n\n",
    "x = f'{}'",
    "x = 1 $ 2",
    "x = 1\n\n\nfor",
    "_X = const(1)\nY = const(_X + z)",
    "s = '\\x4'",
    "def f():\n    return 1\n  x = 2",
]
for src in sources:
    try:
        exec(src)
        print("no error")
    except SyntaxError as e:
        print(type(e).__name__, e.args)
        buf = io.StringIO()
        sys.print_exception(e, buf)
        # only the frame of the compiled source: the caller's path varies
        for line in buf.getvalue().split("\n"):
            if "<string>" in line:
                print(line)
print("alive")
