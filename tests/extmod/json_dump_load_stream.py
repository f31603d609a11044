# json.dump to and json.load from io streams (output as CPython's)
import io
import json

# dump to StringIO, with and without separators
s = io.StringIO()
json.dump({"a": [1, 2, (3, None)], "b": "text"}, s)
print(s.getvalue())
s = io.StringIO()
json.dump([1, {"x": True}], s, separators=(",", ":"))
print(s.getvalue())

# several dumps append to the stream
s = io.StringIO()
json.dump(1, s)
s.write(" ")
json.dump([2], s)
print(repr(s.getvalue()))

# dump of a large value
s = io.StringIO()
json.dump(list(range(300)), s)
print(len(s.getvalue()), s.getvalue()[-12:])

# load from StringIO
print(json.load(io.StringIO("null")))
print(json.load(io.StringIO('  [1, 2.5, "x", {"k": [true, false]}]  ')))
print(json.load(io.StringIO('"caf\\u00e9"')))
print(json.load(io.StringIO("123456789012345678901234567890")))

# load reads the stream to its end
s = io.StringIO("[1, 2]   \n")
print(json.load(s), repr(s.read()))

# load from where the stream is positioned
s = io.StringIO("xx[3, 4]")
s.read(2)
print(json.load(s))

# round trip through a stream
obj = {"k": [1, 2, {"n": None}], "s": "a\nb\"c"}
s = io.StringIO()
json.dump(obj, s)
s.seek(0)
print(json.load(s) == obj)

# load of malformed text from a stream
for text in ["", "[1, 2", "{", "nul", '"abc']:
    try:
        json.load(io.StringIO(text))
    except ValueError:
        print("ValueError", repr(text))

# a closed stream
s = io.StringIO()
s.close()
try:
    json.dump([1], s)
except ValueError:
    print("ValueError dump closed")
try:
    json.load(s)
except ValueError:
    print("ValueError load closed")


# a user stream whose write fails
class BadStream(io.IOBase):
    def write(self, buf):
        raise OSError(5)


try:
    json.dump([1, 2], BadStream())
except OSError as e:
    print("OSError", e.args)
print("done")
