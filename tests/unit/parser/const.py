from micropython import const
A = const(1)
_B = const(A + 1)
C = const((1, 'x'))
print(A, _B, C)
def f(_B):
    return _B
