A = const(x)
