# Generators and generator expressions.
def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x


def run(n):
    return sum(x * x for x in evens(numbers(n)))


print(run(200000))
