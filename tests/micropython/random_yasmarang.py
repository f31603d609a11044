# random uses MicroPython's yasmarang generator: a seed gives the same
# sequence as MicroPython's unix port; bad arguments raise ValueError.
import random

random.seed(1)
print(random.getrandbits(8), random.randrange(10), random.randint(3, 5), random.choice("abc"))
print([random.randrange(0, 100, 7) for _ in range(5)])
x = random.random()
print(0 <= x < 1, 2 <= random.uniform(2, 3) <= 3)
for f, args in ((random.randrange, (0,)), (random.randrange, (5, 2)), (random.randint, (3, 1)), (random.getrandbits, (33,))):
    try:
        f(*args)
    except ValueError as e:
        print("ValueError", e)
try:
    random.choice([])
except IndexError:
    print("IndexError")
