# json.dumps and json.dump with bad arguments: each ends in MicroPython's
# exception, and the module stays usable
import io
import json


def check(f, *args, **kw):
    try:
        print(repr(f(*args, **kw)))
    except Exception as e:
        print(type(e).__name__ + ":", e)


check(json.dumps)
check(json.dumps, 1, 2)
check(json.dumps, 1, indent=2)
check(json.dumps, 1, sort_keys=True)
check(json.dumps, obj=1)

# separators must be None or a 2-tuple / 2-list of str or bytes
for sep in [1, 1.5, "ab", b"ab", {"a": 1}, {",", ":"}, object(), (), [], (",",), (",", ":", "?"),
            (1, ":"), (",", 2), (None, None), [",", [":"]], range(2)]:
    check(json.dumps, [1, {"a": 2}], separators=sep)

# dump needs a stream
check(json.dump)
check(json.dump, 1)
for stream in [1, None, "abc", b"abc", {}, [], json]:
    check(json.dump, 1, stream)
check(json.dump, 1, io.StringIO(), (",", ":"))
check(json.dump, 1, io.StringIO(), separators=5)


# a __repr__ that raises ends dumps with its exception
class Bad:
    def __repr__(self):
        raise ValueError("no repr")


check(json.dumps, [1, Bad(), 2])
check(json.dumps, {"k": Bad()})
s = io.StringIO()
check(json.dump, [1, Bad(), 2], s)
print(repr(s.getvalue()))


# a __repr__ that returns a non-str
class NotStr:
    def __repr__(self):
        return 5


check(json.dumps, NotStr())

# still working
print(json.dumps([1, {"a": None}], separators=(",", ":")))
