# Sources the parser rejects: each raises SyntaxError from exec and eval, and
# the runtime carries on.
sources = [
    "(",
    ")",
    "[1, 2",
    "{1: 2",
    "x = ",
    "x + = 1",
    "def (): pass",
    "def f() pass",
    "class : pass",
    "if x pass",
    "while True print(1)",
    "for in x: pass",
    "for x y: pass",
    "try:\n    pass",
    "try:\n    pass\nexcept\n    pass",
    "import",
    "from import x",
    "from x import",
    "from x import (a, b",
    "lambda x",
    "x = 1 if 2",
    "a b",
    "1 2",
    "'abc",
    '"abc',
    "'''abc",
    '"""abc\n\n',
    "x = 'a\nb'",
    "@\ndef f(): pass",
    "@dec\nx = 1",
    "with : pass",
    "assert",
    "del",
    "raise from x",
    "global",
    "x = (yield",
    "print(1))",
    "x = [1,, 2]",
    "f(a=)",
    "pass pass",
    "if 1:\npass",
    "def f():\nreturn 1",
    "x = 1;;",
    "else: pass",
    "elif 1: pass",
    "except: pass",
    "a = b = ",
    "not",
    "x = 1 not in",
    "x is not",
    "a[",
    "a[1:2:3:4]",
    "a.",
    "a.1",
    "1.a",
    "x = *",
    "**x",
    "async x",
    "await",
    "x := 1",
    "def f(x:=1): pass",
    "x = 1 \\ y",
    "if True:\n    x = 1\n   y = 2",
]
for src in sources:
    for mode in ("exec", "eval"):
        try:
            if mode == "exec":
                exec(src)
            else:
                eval(src)
            print("no error", mode, repr(src))
        except SyntaxError:
            print("SyntaxError", mode, repr(src))
print("alive", 1 + 1)
