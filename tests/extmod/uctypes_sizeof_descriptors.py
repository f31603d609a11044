# uctypes.sizeof of descriptors: native alignment rounding, packed layouts,
# nested and array aggregates, OrderedDicts, bytearrays, and bad descriptors.
# Pointers are 4 bytes (a 32-bit machine). A tuple whose first item is not a
# small int, or an array whose length is not one, is a syntax error here;
# MicroPython reads such items unchecked (garbage sizes on the unix port).
# The .exp is hand-checked.
import uctypes
from collections import OrderedDict


def size(*args):
    try:
        print(uctypes.sizeof(*args))
    except TypeError as e:
        print("TypeError", e)


for layout in (uctypes.NATIVE, uctypes.LITTLE_ENDIAN, uctypes.BIG_ENDIAN):
    size({"a": uctypes.UINT8 | 0, "b": uctypes.UINT32 | 1}, layout)
    size({"a": uctypes.UINT8 | 0, "b": uctypes.UINT16 | 4}, layout)
    size({"a": uctypes.UINT64 | 0, "b": uctypes.UINT8 | 8}, layout)
    size({"a": uctypes.FLOAT64 | 0, "b": uctypes.INT8 | 8}, layout)
    size({"p": (uctypes.PTR | 0, uctypes.UINT8), "b": uctypes.UINT8 | 4}, layout)
    size({"s": (2, {"x": uctypes.UINT16 | 0, "y": uctypes.UINT8 | 2})}, layout)
    size({"s": (0, {"x": uctypes.UINT8 | 0}), "t": (1, {"y": uctypes.UINT32 | 0})}, layout)
    size({"arr": (uctypes.ARRAY | 1, 3, {"x": uctypes.UINT16 | 0, "y": uctypes.UINT8 | 2})}, layout)
    size({"arr": (uctypes.ARRAY | 0, uctypes.UINT32 | 0)}, layout)
    size({"bf": uctypes.BFUINT32 | 2 | 5 << uctypes.BF_POS | 3 << uctypes.BF_LEN}, layout)
    size({"e": (4, {})}, layout)
    size((uctypes.ARRAY | 0, uctypes.INT16 | 7), layout)
    size((uctypes.PTR | 0, uctypes.UINT8), layout)
    size((0, {"a": uctypes.UINT8 | 3}), layout)

size(OrderedDict([("b", uctypes.UINT32 | 4), ("a", uctypes.UINT8 | 0)]))
size(bytearray(13))
size(bytearray(13), uctypes.LITTLE_ENDIAN)

# bad descriptors
size(5)
size(uctypes.UINT8)
size("x")
size([])
size(None)
size({"a": "b"})
size({"a": []})
size({"a": ()})
size({"a": ("x", 1)})
size({"a": (2 ** 40, 1)})
size({"a": (0,)})
size({"a": (0, {}, 1)})
size({"a": (uctypes.PTR | 0,)})
size({"a": (uctypes.PTR | 0, 1, 2)})
size({"a": (uctypes.ARRAY | 0, "n")})
size({"a": (uctypes.ARRAY | 0, 2, {}, 3)})
size({"a": (uctypes.ARRAY | 0, 2, 5)})
size({"a": (uctypes.ARRAY | 0, 2, "x")})
size({"a": (0, 5)})
size({"a": (3 << 29, 5)})
size({})
try:
    uctypes.sizeof({}, "x")
except TypeError as e:
    print("TypeError", e)
try:
    uctypes.sizeof()
except TypeError as e:
    print("TypeError", e)
