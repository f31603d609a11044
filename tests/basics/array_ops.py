# array.array typecodes, construction and operations
import array
for tc in "bBhHiIlLqQfd":
    a = array.array(tc, [1, 2, 3])
    print(tc, a, len(a), a[0], a[-1], list(a[1:]), a.typecode if hasattr(a, "typecode") else tc)
a = array.array("i")
print(a)
a.append(5)
a.extend([6, 7])
a.extend(array.array("i", [8]))
a += array.array("i", [9])
print(a, len(a), a[2])
a[0] = -1
print(a, list(a))
print(array.array("b", [-128, 127]), array.array("B", [0, 255]), array.array("h", [-32768, 32767]))
print(array.array("f", [1.5, -2.25]), array.array("d", [0.1]), array.array("b", b"\x01\x02"))
print(array.array("i", [1, 2]) + array.array("i", [3]), array.array("i", [1]) == array.array("i", [1]))
print(bytes(array.array("h", [1])), array.array("i", [1, 2]) * 2)
x = array.array("H", [1, 2, 3, 4])
x[1:3] = array.array("H", [9])
print(x)
for bad in (lambda: array.array("z"), lambda: array.array("i", ["x"]), lambda: x[10]):
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__)
