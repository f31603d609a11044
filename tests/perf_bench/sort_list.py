# Sorting with and without a key function.
def run(n):
    seed = 12345
    data = []
    for i in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        data.append(seed % 100000)
    a = sorted(data)
    b = sorted(data, key=lambda x: (x % 100, x))
    return a[0], a[-1], b[0], b[-1], sum(a[::1000])


print(run(30000))
