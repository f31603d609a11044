# Small-int arithmetic in a while loop: dispatch and small-int fast paths.
def work(n):
    total = 0
    i = 0
    while i < n:
        total = (total + i * 7 - (i >> 2)) % 1000003
        i += 1
    return total


print(work(400000))
