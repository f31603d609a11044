# Indentation errors are SyntaxError subclasses; the runtime continues.
sources = [
    " x = 1",
    "if 1:\n  x = 1\n    y = 2",
    "if 1:\n    x = 1\n  y = 2",
    "def f():\n    pass\n  pass",
    "for i in []:\n        a = 1\n    b = 2",
]
for src in sources:
    try:
        exec(src)
        print("no error", repr(src))
    except IndentationError:
        print("IndentationError", repr(src))
    except SyntaxError:
        print("SyntaxError", repr(src))
print("alive")
