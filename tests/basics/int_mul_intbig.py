# products of long ints of many sizes (splitting multiplication above ~40 digits)
a = 3**5000
b = 7**3000 + 12345
c = -(11**2500) + 1
print(a * b % 1000000007, (a * c) % 998244353, (b * c) // 10**2000 % 10**9)
print(a * a == a**2, (a * b) // b == a, (a * b) % b, a * 0, 0 * c, a * -1 == -a)
for n in [39, 40, 41, 79, 80, 81, 120, 200, 399, 401, 1000, 3000]:
    x = (1 << (16 * n)) - 1
    y = (1 << (16 * n - 7)) + 3**n
    z = x * y
    print(n, z % (2**61 - 1), z == y * x, (z - x * (y - 1)) == x, (x * x) % (10**9 + 7))
f = 1
for i in range(1, 1501):
    f *= i
print(f % (2**89 - 1), f > 10**4000)
print(pow(12345, 4321) % 10**20, (2**30000 + 1) * (2**30000 - 1) == 2**60000 - 1)
