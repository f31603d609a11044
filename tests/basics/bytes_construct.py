# bytes() constructor forms
print(bytes(), bytes(0), bytes(3), bytes([]), bytes([0, 1, 255]), bytes((65, 66)), bytes(range(3)))
print(bytes(b"abc"), bytes(bytearray(b"xy")), bytes("abc", "utf-8"), bytes("é", "utf-8"), bytes(x for x in (1, 2)))
import array
print(bytes(array.array("b", [1, -1])), bytes(memoryview(b"mv")))
for bad in (-1, [256], [-1], ["a"], 1.5, "abc"):
    try:
        bytes(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
try:
    bytes("a", "utf-8", "strict", 4)
except TypeError:
    print("TypeError")
print(bytes(b"x") is not None)
