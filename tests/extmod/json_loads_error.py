# json.loads and json.load of malformed input: each ends in MicroPython's
# exception (ValueError "syntax error in JSON", or the error of a number)
import io
import json

bad = [
    "",
    " ",
    "\n\t",
    "]",
    "}",
    "a",
    "+1",
    ".5",
    "'a'",
    "nul",
    "nulx",
    "tru",
    "truex",
    "fals",
    "falsy",
    "True",
    "None",
    "Infinity",
    "-Infinity",
    "NaN",
    "[1, 2",
    "[",
    "{",
    '{"a": 1',
    '{"a": [1, {"b": 2}',
    "[[[]]",
    "{{}: 1}",
    '{[]: 1}',
    '{"a": 1, [2]: 3}',
    '"abc',
    '"abc\\"',
    '"\\',
    '"\\u12"',
    '"\\u',
    "1 2",
    '"a" "b"',
    "[] []",
    "[]]",
    "{}}",
    "[1] x",
    "null null",
    "\ufeff1",
    "\f1",
    "\v1",
    "[\x00]",
    "\x00",
    "0x10",
    "1e",
    "1.5e",
    "1.2.3",
    "1e5e5",
    "-",
    "--1",
    "1-2",
    "1+2",
    "12-",
    "[-]",
    '{"a": -}',
]
for s in bad:
    try:
        print(repr(s), "->", repr(json.loads(s)))
    except ValueError as e:
        print(repr(s), "ValueError:", e)

# the same from a stream
for s in ["", "[1, 2", "nul", "1 2", "-"]:
    try:
        print(repr(s), "->", repr(json.load(io.StringIO(s))))
    except ValueError as e:
        print(repr(s), "ValueError:", e)

# text that is not UTF-8
for b in [b'"\xff"', b'"\xc3"', b'["ok", "\xe9"]']:
    try:
        print(repr(json.loads(b)))
    except UnicodeError as e:
        print("UnicodeError")

# wrong argument types
for a in [5, None, 1.5, [1], {"a": 1}]:
    try:
        json.loads(a)
    except TypeError as e:
        print("TypeError:", e)
for a in [5, "abc", b"[1]", [1], None]:
    try:
        json.load(a)
    except OSError as e:
        print("OSError:", e)
try:
    json.loads()
except TypeError as e:
    print("TypeError:", e)
try:
    json.loads("1", "2")
except TypeError as e:
    print("TypeError:", e)
try:
    json.load()
except TypeError as e:
    print("TypeError:", e)


# a stream whose read fails
class BadStream(io.IOBase):
    def __init__(self, n):
        self.n = n

    def readinto(self, buf):
        if self.n == 0:
            raise OSError(5)
        self.n -= 1
        buf[0] = ord("[")
        return 1


for n in [0, 1, 3]:
    try:
        json.load(BadStream(n))
    except OSError as e:
        print("OSError", e.args)
print("done")
