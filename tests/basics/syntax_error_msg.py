# MicroPython's messages for SyntaxErrors found by the compiler, and the line
# they report (MicroPython-specific wording: see the .exp file).
sources = [
    "return 1",
    "\n\nbreak",
    "continue",
    "yield 1",
    "await f()",
    "def f(a, a): pass",
    "def f(a=1, b): pass",
    "def f():\n    x = 1\n    global x",
    "def f(x):\n    global x",
    "nonlocal x",
    "def f():\n    nonlocal x",
    "def f():\n    x = 1\n    def g():\n        x = 2\n        nonlocal x",
    "f() = 1",
    "x = 1\ndel f()",
    "a, *b, *c = 1, 2, 3",
    "x = *a",
    "f(x=1, y)",
    "f(**k, y)",
    "f(**k, *a)",
    "f(x=1, *a)",
    "f(1=2)",
    "{1: 2, 3}",
    "{1, 2: 3}",
    "def f():\n    from math import *",
    "try:\n    pass\nexcept:\n    pass\nexcept ValueError:\n    pass",
    "def f():\n    async for x in y: pass",
    "@micropython.foo\ndef f(): pass",
    "@micropython.bytecode.x\ndef f(): pass",
    "class C:\n    def f():\n        super().f()",
]
for src in sources:
    try:
        exec(src)
        print("no error", repr(src))
    except SyntaxError as e:
        print("SyntaxError:", e.args[0])
print("alive")
