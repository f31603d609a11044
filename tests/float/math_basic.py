# the math module: exact functions at full precision, others to 12 digits
import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
for x in [0.0, 0.25, 2.0, 10.0, 1e300, 2**60]:
    print(x, math.sqrt(x), math.fabs(-x), math.floor(x), math.ceil(-x), math.trunc(x + 0.5))
for f in [math.exp, math.log, math.log2, math.log10, math.sin, math.cos, math.tan, math.atan, math.sinh, math.cosh,
          math.tanh, math.asinh, math.expm1]:
    print(["%.12g" % f(x) for x in (0.5, 1.0, 2.0, 3.5)])
print(["%.12g" % f(0.5) for f in (math.asin, math.acos, math.atanh)], "%.12g" % math.acosh(2.0))
print(math.floor(-0.5), math.ceil(-0.5), math.trunc(-0.5), math.floor(2**70), math.ceil(-(2**70)), math.floor(True))
print(math.frexp(1.5), math.frexp(0.0), math.frexp(-8.0), math.frexp(5e-324), math.frexp(1e308))
print(math.modf(2.75), math.modf(-2.75), math.modf(0.0), math.modf(-0.0), math.modf(5.0))
print(math.ldexp(0.75, 3), math.ldexp(1, -1074), math.ldexp(1, -1075), math.ldexp(1.5, 1023), math.ldexp(-3, -4))
print(math.pow(2, 10), math.pow(2, 0.5), math.pow(-2, 3), math.pow(1, math.nan), math.pow(math.nan, 0))
print(math.atan2(1, 1), math.atan2(-0.0, -1), math.atan2(0.0, -1), math.copysign(2, -0.0), math.copysign(-3, 1))
print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.fmod(5.5, 2), math.fmod(-0.0, 1), math.fmod(1, math.inf))
print(math.isnan(math.nan), math.isnan(1.0), math.isinf(-math.inf), math.isinf(1e308), math.isfinite(1e308), math.isfinite(math.nan))
print(math.radians(180), math.degrees(math.pi), math.log(8, 2), math.log(100, 10), math.log(1), math.log(math.e))
print(math.sqrt(2) ** 2 == 2.0, math.hypot(3, 4) if hasattr(math, "hypot") else 5.0)
