# the cmath module
import cmath

print(cmath.pi, cmath.e)
print(cmath.sqrt(-1), cmath.sqrt(4), cmath.sqrt(-4 + 0j), cmath.sqrt(0j), cmath.sqrt(3 + 4j), cmath.sqrt(-3 - 4j))
print(cmath.phase(-1), cmath.phase(1j), cmath.phase(-1 - 0j), cmath.polar(1j), cmath.polar(-2), cmath.rect(2, 0))
for f in [cmath.exp, cmath.log, cmath.log10, cmath.cos, cmath.sin]:
    for z in [1 + 1j, -2 + 0.5j, 0.5j]:
        w = f(z)
        print("%.10g %.10g" % (w.real, w.imag))
z = cmath.exp(1j * cmath.pi)
print(abs(z.real + 1) < 1e-15, abs(z.imag) < 1e-15)
try:
    cmath.sqrt("x")
except TypeError:
    print("TypeError")
