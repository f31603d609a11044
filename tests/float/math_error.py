# domain errors in the math module
import math

for name, f in [("sqrt", lambda: math.sqrt(-1)), ("log0", lambda: math.log(0)), ("logneg", lambda: math.log(-1)),
                ("acos", lambda: math.acos(2)), ("asin", lambda: math.asin(-1.5)), ("atanh", lambda: math.atanh(1)),
                ("acosh", lambda: math.acosh(0.5)), ("factorial", lambda: math.factorial(-1)),
                ("gamma0", lambda: math.gamma(0)), ("gammaneg", lambda: math.gamma(-2)), ("lgamma0", lambda: math.lgamma(0)),
                ("pow", lambda: math.pow(0, -1)), ("powneg", lambda: math.pow(-2, 0.5)), ("fmod", lambda: math.fmod(1, 0)),
                ("isclose", lambda: math.isclose(1, 2, rel_tol=-1)), ("logbase", lambda: math.log(2, -1)), ("cos", lambda: math.cos(math.inf))]:
    try:
        print(name, f())
    except ValueError:
        print(name, "ValueError")
for name, f in [("logbase1", lambda: math.log(2, 1)), ("ceil", lambda: math.ceil(math.inf)), ("floor", lambda: math.floor(-math.inf)),
                ("trunc", lambda: math.trunc(math.nan))]:
    try:
        print(name, f())
    except (ZeroDivisionError, OverflowError, ValueError) as e:
        print(name, type(e).__name__)
for f in [lambda: math.sqrt("x"), lambda: math.sqrt(None), lambda: math.factorial(1.5), lambda: math.ldexp(1.0, 1.5)]:
    try:
        print(f())
    except TypeError:
        print("TypeError")
print("done")
