# circular imports see the partly initialised module
import impkg_circ.a

print(impkg_circ.a.a_early, impkg_circ.b.b_val)
