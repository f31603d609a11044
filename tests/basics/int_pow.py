# ** and pow() with ints
for a in [0, 1, -1, 2, -2, 3, 10, -7]:
    print([a ** n for n in range(8)])
print(2 ** 30, 2 ** 31, (-2) ** 31, 3 ** 20, 7 ** 11)
print(2 ** -1, 2 ** -2, (-2) ** -3, 10 ** -3)
print(pow(2, 10), pow(3, 4, 5), pow(-3, 3, 7), pow(3, 3, -7), pow(5, 0, 3), pow(5, 0, 1), pow(0, 0))
