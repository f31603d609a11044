# micropython.const: the value itself (the compiler also folds it)
import micropython
from micropython import const

X = const(123)
Y = const(X * 2)
print(X, Y, micropython.const(7), micropython.const("s"))
print(micropython.const([1, 2]))
