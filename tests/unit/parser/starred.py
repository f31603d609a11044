a, *b = c
*a, b = c
f(*a, *b)
