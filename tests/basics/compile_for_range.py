# for loops over range() are compiled to a counter; they must behave like range.
for i in range(3):
    print(i)
print("after", i)

for i in range(5, 1, -2):
    print(i)

for i in range(0):
    print("never")
else:
    print("else of empty")

# the end is evaluated once, the variable can be changed in the body
n = 3
for i in range(n):
    n = 10
    i = i * 100
    print(i)
print(n)


def gen_end():
    print("end evaluated")
    return 2


for i in range(gen_end()):
    print(i)

# break and continue
for i in range(10):
    if i == 2:
        continue
    if i == 5:
        break
    print(i)
else:
    print("not reached")

for i in range(2):
    pass
else:
    print("else", i)

# nested, with else containing break of the outer loop
for i in range(3):
    for j in range(1, 3):
        pass
    else:
        if i == 1:
            break
print(i, j)

# negative and large steps, start > end
print([k for k in range(10, 0, -3)])
for k in range(-5, -1, 2):
    print(k)
for k in range(2 ** 40, 2 ** 40 + 2):
    print(k)


# not optimised: star args, keyword args, variable step
def args():
    return (1, 4)


for k in range(*args()):
    print(k)
s = 2
for k in range(0, 5, s):
    print(k)
for a, b in [(1, 2)]:
    print(a, b)


# range in a function, loop variable a cell
def f():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [g() for g in fs]


print(f())
