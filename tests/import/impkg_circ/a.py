print("a start")
a_early = 1
from impkg_circ import b

print("a end", b.b_val)
