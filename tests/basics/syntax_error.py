# Syntax errors raise SyntaxError (compiled at run time with exec/compile),
# and the runtime lives on.
sources = [
    "x = (1,",
    "def f(:\n    pass",
    "if True\n    pass",
    "x = 1 +",
    "return 5",
    "for x in []:\n    pass\nbreak",
    "f() = 1",
    "def f():\n  x = 1\n    y = 2",
    "'unterminated",
    "x = $",
    "nonlocal x",
    "def f(a, a): pass",
    "def f(a=1, b): pass",
    "1 = x",
    "del f()",
    "a, *b, *c = 1, 2, 3",
]
for src in sources:
    try:
        exec(src)
        print("no error", repr(src))
    except SyntaxError:
        print("SyntaxError", repr(src))
print("alive", 1 + 1)
