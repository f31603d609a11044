# uctypes.struct with bad input: bad arguments, missing fields, bad
# descriptors at access time, assignments to aggregates, unsupported
# operations; the runtime goes on after each. Where MicroPython reads a
# malformed descriptor or index unchecked (garbage results on the unix port,
# or a silent no-op for a store through a pointer to a struct or a delete),
# this port raises TypeError (or AttributeError for a delete); the .exp is
# hand-checked.
import uctypes

data = bytearray(16)
addr = uctypes.addressof(data)


def setitem(o, i, v):
    o[i] = v


def check(f):
    try:
        r = f()
        print("ok", r if not isinstance(r, uctypes.struct) else type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e)


check(lambda: uctypes.struct())
check(lambda: uctypes.struct(addr))
check(lambda: uctypes.struct(addr, {}, 0, 1))
check(lambda: uctypes.struct(addr, {}, layout=0))
check(lambda: uctypes.struct("1", {}))
check(lambda: uctypes.struct(1.0, {}))
check(lambda: uctypes.struct(addr, {}, "x"))

S = uctypes.struct(addr, {
    "a": uctypes.UINT8 | 0,
    "bad": "x",
    "bad2": (),
    "bad3": ("x", 1),
    "bad4": (uctypes.ARRAY | 0,),
    "arr": (uctypes.ARRAY | 0, uctypes.UINT16 | 2),
    "sarr": (uctypes.ARRAY | 0, 2, {"x": uctypes.UINT8 | 0}),
    "bfarr": (uctypes.ARRAY | 0, uctypes.BFUINT8 | 2),
    "sub": (0, {"x": uctypes.UINT8 | 0}),
    "ptr": (uctypes.PTR | 0, uctypes.UINT8),
    "sptr": (uctypes.PTR | 0, {"x": uctypes.UINT8 | 0}),
})
check(lambda: S.missing)
check(lambda: S.bad)
check(lambda: S.bad2)
check(lambda: S.bad3)
check(lambda: S.bad4)
check(lambda: S.bfarr[0])
check(lambda: setattr(S, "a", "x"))
check(lambda: setattr(S, "a", 1.5))
check(lambda: setattr(S, "arr", 1))
check(lambda: setattr(S, "sub", 1))
check(lambda: setattr(S, "missing", 1))
check(lambda: delattr(S, "a"))
check(lambda: S.arr["0"])
check(lambda: S.arr[0:1])
check(lambda: setitem(S.arr, 2, 1))
check(lambda: setitem(S.arr, 0, "x"))
check(lambda: setitem(S.sarr, 0, 1))
check(lambda: setitem(S.sptr, 0, 1))
check(lambda: S.sub[0])
check(lambda: S.sub.x)
check(lambda: S[0])
check(lambda: S.arr.x)
check(lambda: S.sarr[2])
check(lambda: S.sarr[1].x)
check(lambda: hash(S))
check(lambda: len(S))
check(lambda: S + 1)
check(lambda: -S)
check(lambda: int(S))
check(lambda: int(S.arr))
check(lambda: bool(S))
check(lambda: uctypes.sizeof(S, 2))
check(lambda: uctypes.struct(addr, [])[0])
check(lambda: uctypes.struct(addr, [1]).x)
check(lambda: uctypes.struct(addr, (0, {}))[0])
print(data)
