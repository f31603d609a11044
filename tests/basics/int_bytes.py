# int.to_bytes and int.from_bytes
print((0).to_bytes(2, "big"), (1).to_bytes(2, "little"), (258).to_bytes(2, "big"), (258).to_bytes(4, "little"))
print((-1).to_bytes(2, "big", signed=True), (-258).to_bytes(3, "little", signed=True), (127).to_bytes(1, "big", signed=True))
print((255).to_bytes(1, "big"), (65535).to_bytes(2, "big"))
print(int.from_bytes(b"\x01\x02", "big"), int.from_bytes(b"\x01\x02", "little"), int.from_bytes(b"", "big"))
print(int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes(b"\x80\x00", "big", signed=True), int.from_bytes(b"\x7f", "little", signed=True))
print(int.from_bytes(bytearray(b"\x12\x34\x56"), "big"))
for v, n, s in [(256, 1, False), (-1, 2, False), (128, 1, True), (-129, 1, True), (1, 0, False)]:
    try:
        print(v.to_bytes(n, "big", signed=s))
    except OverflowError:
        print("OverflowError", v, n, s)
print("done")
