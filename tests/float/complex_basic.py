# complex numbers
a = 1 + 2j
b = 3 - 1j
print(a, b, a + b, a - b, a * b, a / b, -a, +a, abs(3 + 4j), a == b, a == 1 + 2j, a != b)
print(complex(), complex(1), complex(1.5, -2), complex("1+2j"), complex(" 3j "), complex("-1.5e2-0.5j"), complex(a))
print(a.real, a.imag, (2j).real, 1j * 1j, 2 * a, a * 2.5, a / 2, 1 / a, 2 - a)
print(a ** 2, a ** -1, (1j) ** 2, 2 ** (1j), a ** 0.5, (0j) ** 0, (1 + 1j) ** (2 + 3j))
print(0j, -0j, 1j, -1j, complex(0, -0.0), complex(-0.0, 1), complex(1, float("inf")), complex(float("nan"), 1))
print(hash(1 + 0j) == hash(1), hash(2.0 + 0j) == hash(2), bool(0j), bool(1j))
print(complex(1, 2) == complex(1.0, 2.0), 1 + 0j == 1, (1 + 0j) == 1.0)
for z in [1 + 2j, -3.5j, 1e100 + 1e-100j]:
    print(repr(z), str(z))
