# %-formatting of floats takes any object with __float__ (as float() does)
class F:
    def __float__(self):
        return 2.5


print("%.1f %e %g" % (F(), F(), F()))
print("%5.2f|" % F())
for bad in ("x", [1], None):
    try:
        print("%f" % bad)
    except TypeError as e:
        print("TypeError")
