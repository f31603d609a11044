# bitwise ops and shifts on long ints, two's complement semantics for negatives
vals = [0, 1, -1, 0xff, -0x100, 2**31, -(2**31), 2**64 - 1, -(2**64), 2**100 + 12345, -(2**100) + 7, 0x5555555555555555555]
for a in vals:
    print(~a)
    for b in vals:
        print(a & b, a | b, a ^ b)
for a in [1, -1, 2**70 + 1, -(2**70) - 1, 0x123456789abcdef]:
    for n in [0, 1, 15, 16, 17, 31, 32, 33, 64, 65, 100, 200]:
        print(a << n, a >> n)
print(1 << 1000 >> 999, -1 >> 1000, (2**1000) >> 2000, -(2**1000) >> 2000)
