# to_bytes/from_bytes with long ints
v = 0x0102030405060708090A
print(v.to_bytes(10, "big"), v.to_bytes(12, "little"), (2**64).to_bytes(9, "big"))
print((-(2**70)).to_bytes(10, "big", signed=True), (2**79 - 1).to_bytes(10, "little", signed=True))
print(int.from_bytes(b"\x01" * 20, "big"), int.from_bytes(b"\xff" * 12, "little"), int.from_bytes(b"\xff" * 12, "big", signed=True))
print(int.from_bytes(b"\x80" + b"\x00" * 15, "big", signed=True))
for v, n, s in [(2**64, 8, False), (-(2**63) - 1, 8, True), (2**63, 8, True), (-(2**70), 16, False)]:
    try:
        print(v.to_bytes(n, "big", signed=s))
    except OverflowError:
        print("OverflowError")
print("done")
