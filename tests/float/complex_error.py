# bad operations on complex numbers
a = 1 + 2j
for op in [lambda: a // 2, lambda: a % 2, lambda: divmod(a, 2), lambda: a < a]:
    try:
        print(op())
    except TypeError:
        print("TypeError")
for op in [lambda: a / 0, lambda: a / 0j, lambda: 0j ** -1, lambda: 0j ** 1j]:
    try:
        print(op())
    except ZeroDivisionError:
        print("ZeroDivisionError")
for s in ["1+", "j1", "1+2", "abc", "1+2jj"]:
    try:
        print(complex(s))
    except ValueError:
        print("ValueError", s)
print("done")
