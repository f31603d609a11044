# json.dumps behaviour that is MicroPython's own (not CPython's): text is
# written as UTF-8, not escaped; \b and \f use \u escapes; objects that have
# no JSON form are written as their repr (bytes as a string, inf and nan,
# sets, instances through __repr__) instead of raising TypeError
import json

try:
    import ujson
    print(ujson.dumps is json.dumps)
except ImportError:
    print("no ujson")

print(json.dumps("caf\u00e9 \u4e2d \U0001f600"))
print(json.dumps("\b\f\x7f\x1b"))
print(json.dumps(["\u2028", {"\u00e9": "\u00e8"}]))

# bytes print as a JSON string; other objects as their repr
print(json.dumps(b"bytes"))
print(json.dumps([b'a"b', b"\x00\n"]))
print(json.dumps({b"key": 1}))
print(json.dumps([float("inf"), float("-inf"), float("nan")]))
print(json.dumps(1j))
print(json.dumps({1}))
print(json.dumps(bytearray(b"ab")))
print(json.dumps(range(3)))
print(json.dumps(ValueError("msg")))
print(json.dumps(ValueError("msg", 2)))
print(json.dumps(ValueError()))


class A:
    def __repr__(self):
        return "A!"


class B:
    def __repr__(self):
        return '"b"'


print(json.dumps([A(), B(), {"k": A()}]))
print(json.dumps(len))
print(json.dumps(json))

# non-str keys: the key's JSON form in quotes
print(json.dumps({(1, "a"): 1}))
print(json.dumps({1.5: 2}))
print(json.dumps({None: [None]}))

# separators may be bytes; they end at a NUL, as C strings
print(json.dumps([1, {"a": 2}], separators=(b"; ", b"= ")))
print(json.dumps([1, {"a": 2}], separators=(",\x00x", ":\x00y")))
print(json.dumps([1, {"a": 2}], separators=("\u00b7", "\u2192")))
print(json.dumps([1, {"a": 2}], separators=["", ""]))

from collections import OrderedDict

print(json.dumps(OrderedDict([("z", 1), ("a", [OrderedDict([("y", 2)])])])))

# a container that holds itself: the recursion limit stops it
a = [1]
a.append(a)
try:
    json.dumps(a)
except RuntimeError as e:
    print("RuntimeError:", e)
d = {}
d["d"] = [d]
try:
    json.dumps(d)
except RuntimeError as e:
    print("RuntimeError:", e)
t = ([0],)
t[0].append(t)
try:
    json.dumps(t)
except RuntimeError as e:
    print("RuntimeError:", e)
print(json.dumps([[1], [1]]))
