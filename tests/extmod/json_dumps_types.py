# json.dumps of every JSON-serialisable built-in type, nested, with the default
# and custom separators (output as CPython's)
import json

for v in [None, True, False, 0, 1, -1, 123456, -2**30, 2**30, 2**31, 2**64, -(10**30)]:
    print(json.dumps(v))

for v in [0.0, -0.0, 1.5, -2.25, 1e100, 1e-10, 123.0, 0.5]:
    print(json.dumps(v))

for v in ["", "abc", "'", '"', "\\", 'a"b\\c', "\n\r\t", "\x00\x01\x1f", "tab\there", "/"]:
    print(json.dumps(v))

print(json.dumps([]))
print(json.dumps(()))
print(json.dumps({}))
print(json.dumps([1, [2, [3, [4, []]]]]))
print(json.dumps((1, (2, ()), [3])))
print(json.dumps({"a": {"b": {"c": {}}}}))
print(json.dumps([None, True, False, 1, "x", 2.5, [], {}]))
print(json.dumps({"tuple": (3, 4), "none": None, "list": [1, 2]}))

# non-str keys are quoted as JSON keys
print(json.dumps({1: "one"}))
print(json.dumps({None: 0}))
print(json.dumps({True: 1}))
print(json.dumps({False: 0}))
print(json.dumps({2**40: "big"}))
print(json.dumps({-5: [1]}))

# separators: a 2-tuple or 2-list of str
for sep in [None, (",", ":"), [",", ":"], (", ", ": "), (" , ", " : "), ("", ""), (";", "=")]:
    print(json.dumps([1, {"a": [2, (3, 4)]}, "x"], separators=sep))
    print(json.dumps({"k": 1, "l": [2, 3]}, separators=sep))
    print(json.dumps("scalar", separators=sep))

# a long list and deep nesting
print(json.dumps(list(range(200))))
d = []
for i in range(60):
    d = [d, i]
print(json.dumps(d))
d = {}
for i in range(40):
    d = {"k": d}
print(json.dumps(d))

# str subclass keys and values print as str
class S(str):
    pass

print(json.dumps([S("sub")]))
