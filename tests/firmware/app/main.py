# frozen main.py: runs after boot.py
import sys
import consts, pkg, pkg.sub
print("main:", __name__, consts.BIG, consts.NEG, consts.F, consts.C, consts.T, len(consts.S))
print("pkg:", pkg.NAME, pkg.sub.twice(21), pkg.sub.__file__)
print(".frozen" in sys.path)
try:
    import broken
except SyntaxError as e:
    print("SyntaxError", type(e).__name__)
sys.exit(7)
