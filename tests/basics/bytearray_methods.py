# bytearray construction, mutation and methods
a = bytearray(b"hello")
print(a, len(a), a[0], a[-1], a[1:3], a[::-1])
a[0] = 72
a[-1] = ord("O")
print(a)
a.append(33)
a.extend(b"??")
a.extend([1, 2])
a += b"!"
print(a, len(a))
a[1:3] = b"EE"
print(a)
a[1:3] = b"x"
print(a)
a[1:2] = bytearray(b"123")
print(a)
a[0:0] = b"<<"
print(a)
del a[0]
del a[0:2]
print(a)
print(bytearray(), bytearray(3), bytearray([1, 2]), bytearray(range(4)), bytearray(b"ab") + b"c")
print(a.find(b"3"), a.upper(), a.split(b"3"), a.replace(b"1", b"one"), a.decode("utf-8", "ignore"))
print(bytearray(b"abc") == b"abc", bytearray(b"abc") < bytearray(b"abd"), b"x" in bytearray(b"xyz"), 121 in bytearray(b"xyz"))
print(list(bytearray(b"\x01\x02")), bytearray(b"ab") * 2, 2 * bytearray(b"c"))
for bad in (lambda: a.append("x"), lambda: bytearray("abc"), lambda: a[100], lambda: a["x"]):
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__)
