# bitwise operators and shifts on small ints
vals = [0, 1, -1, 5, -6, 255, -256, 2**29, -(2**30), 2**30 - 1]
for a in vals:
    print(a, ~a)
    for b in vals:
        print(a, b, a & b, a | b, a ^ b)
for a in [1, -1, 3, -3, 2**20, -(2**20)]:
    for n in [0, 1, 5, 10, 29, 30, 31, 32, 33, 63, 64, 100]:
        print(a, n, a << n, a >> n)
