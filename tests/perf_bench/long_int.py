# Arbitrary-precision ints: digits of e by a spigot on big integers.
def e_digits(n):
    scale = 10 ** (n + 10)
    total = 0
    term = scale
    k = 0
    while term:
        total += term
        k += 1
        term //= k
    return str(total)[: n]


print(e_digits(600)[-30:])
