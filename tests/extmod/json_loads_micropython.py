# json.loads behaviour that is MicroPython's own (not CPython's): the parser
# treats ',' and ':' as whitespace and does not pair brackets; \uXXXX adds
# the code point as is (surrogates are not combined); numbers follow int()
# and float() rules
import json

try:
    import ujson
    print(ujson.loads is json.loads)
except ImportError:
    print("no ujson")

# a superset of JSON is accepted
for s in ["[1 2]", "[1,,2]", "[1,]", "[,1]", "{\"a\" 1}", "{\"a\":}", "{\"a\"}", ":1", ",1",
          "[1:2]", "[}", "{]", "{1: 2}", "{null: true}", "[[1}, 2]", '{"a": [1}, "b": 2]',
          "01", "-0", "5.", "1E5", "0.5e-1", "1\x00garbage", "1\v", "1\f"]:
    print(repr(s), "->", repr(json.loads(s)))

# any escaped character stands for itself
print(repr(json.loads('"\\a\\x\\\'\\q"')))

# \u escapes: code points as given, surrogates kept, other characters folded in
for s in ['"\\ud800"', '"\\udc00"', '"\\ud83d\\ude00"', '"\\uD83D"', '"\\u0000"', '"\\uzzzz"',
          '"\\u00g1"', '"\\U00e9"']:
    v = json.loads(s)
    print(repr(s), "->", len(v), [hex(ord(c)) for c in v])

# text, bytes and any buffer
print(json.loads(memoryview(b"x[1, 2, 3]x")[1:-1]))
import array
print(json.loads(array.array("b", [91, 49, 93])))
print(json.loads("\"\u00e9\u4e2d\U0001f600\""))

# load reads a stream byte by byte, through its readinto
import io


class Src(io.IOBase):
    def __init__(self, data):
        self.data = data
        self.pos = 0
        self.calls = 0

    def readinto(self, buf):
        self.calls += 1
        n = min(len(buf), len(self.data) - self.pos)
        buf[:n] = self.data[self.pos : self.pos + n]
        self.pos += n
        return n


s = Src(b' {"a": [1, 2.5, "x"], "b": null} ')
print(json.load(s), s.calls)
