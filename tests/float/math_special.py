# math special functions and helpers
import math

for x in [-3.0, -0.5, 0.0, 0.3, 1.0, 2.5, 6.0]:
    print(x, "%.12g %.12g" % (math.erf(x), math.erfc(x)))
for x in [0.5, 1.0, 1.5, 2.0, 5.0, 10.5, 30.0, -0.5, -2.5]:
    print(x, "%.12g %.12g" % (math.gamma(x), math.lgamma(x)))
print(math.gamma(1), math.gamma(6), math.gamma(23), math.lgamma(1), math.lgamma(2), math.gamma(170), math.gamma(-200.5))
print(math.factorial(0), math.factorial(1), math.factorial(12), math.factorial(13), math.factorial(25), math.factorial(True))
print(math.factorial(100) == 93326215443944152681699238856266700490715968264381621468592963895217599993229915608941463976156518286253697920827223758251185210916864000000000000000000000000)
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1, 1.1), math.isclose(1, 1.05, rel_tol=0.1), math.isclose(0, 1e-9),
      math.isclose(0, 1e-9, abs_tol=1e-8), math.isclose(math.inf, math.inf), math.isclose(math.inf, 1e308), math.isclose(math.nan, math.nan))
