# %e %f %g formatting, correctly rounded from the exact binary value
vals = [0.0, -0.0, 1.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 2.675, 1.005, 1234.5678, 0.00012345, 1e-10, 123456789.0,
        1e16, 1e22, 5e-324, 1.7976931348623157e308, 3.141592653589793, 999.9996, 9.9999, 0.1, 1 / 3]
for v in vals:
    print("%e|%.0e|%.3e|%.15e" % (v, v, v, v))
    if abs(v) < 1e15:
        # (MicroPython turns a %f wider than its 33-byte buffer into %g)
        print("%f|%.0f|%.2f|%.10f" % (v, v, v, v))
    print("%g|%.1g|%.3g|%.10g|%.17g" % (v, v, v, v, v))
    print("%E|%G|%10.3f|%-10.2e|%+.1f|% g" % (v, v, v, v, v, v) if abs(v) < 1e15 else "%E|%G" % (v, v))
print("%.3f %.3e %g" % (float("inf"), float("-inf"), float("nan")))
print("%.2f" % 1e20, "%f" % 1e25)
print("%.0f %.0f %.0f %.0f" % (0.5, 1.5, 2.5, 3.5))
print("%.50f" % 0.1)
print("{:.3f} {:e} {:g} {:.2%}".format(2.0 / 3, 12345.678, 0.00001, 0.256))
print(f"{1.5:8.2f}|{-1.5:<8.2f}|{1e10:.3g}")
