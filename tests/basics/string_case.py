# case conversions (ASCII)
s = "Hello World! 123 abc_DEF"
print(s.upper(), s.lower(), s.swapcase(), s.capitalize(), s.title())
print("hELLO".capitalize(), "".capitalize(), "1a".capitalize(), "they're bill's".title())
print("a1b2 c3".title(), "__init__".title(), "ABC".lower(), "".upper())
print(b"MiXeD".upper(), b"MiXeD".lower(), bytearray(b"aB").swapcase())
