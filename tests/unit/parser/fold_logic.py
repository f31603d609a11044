a = 1 and x
b = 0 or x or y
c = not 0
d = not x
e = x and 0 and y
