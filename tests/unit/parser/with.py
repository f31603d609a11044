with a as b, c:
    pass
with d: pass
