# Integer literals in every base, with underscores.
print(0, 1, 123, 1_000_000, 0_0)
print(0x0, 0xff, 0XFF, 0x_ff, 0xdead_beef)
print(0o17, 0O17, 0o_1_7)
print(0b101, 0B101, 0b_1_0_1)
print(00, 0_000)
print(2**30 - 1, -2**30, 1073741823, 1073741824)
print(-1, +1, ~1, - - 1, -(-1))
print(0x7fffffff, 0xffffffff)
for src in ["0x", "0b2", "0o8", "012", "09", "0b", "0o", "1a"]:
    try:
        print(eval(src))
    except SyntaxError:
        print("SyntaxError", src)
print("done")
