print("b start")
import sys
import impkg_circ.a

# a is only partly initialised here (and not yet an attribute of its package)
a = sys.modules["impkg_circ.a"]
print("b sees a_early:", a.a_early)
print("b sees a_end:", hasattr(a, "a_end"))
b_val = 2
