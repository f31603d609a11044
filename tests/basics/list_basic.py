# list construction, repr, len/bool, iteration, in, + * and comparisons
print([], [1], [1, 2, 3], [[1], [2, [3]]], ["a", 'b"c', None, True])
print(list(), list([1, 2]), list((3, 4)), list("abc"), list(range(4)), list({5: 6}))
print(len([]), len([1, 2]), bool([]), bool([0]))
l = [1, 2, 3]
for x in l:
    print(x, end=" ")
print()
print(2 in l, 5 in l, 5 not in l, [1] in [[1], 2], None in [None])
print([1, 2] + [3], [] + [], l + [], [1] * 3, 3 * [1, 2], [1] * 0, [1, 2] * -1, [] * 5)
print([1, 2] == [1, 2], [1, 2] == [1, 3], [1] == (1,), [1] != (1,), [1, 2] != [1, 2])
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] < [1, 5], [] < [1], [1] <= [1], [2] > [1, 9], [1] >= [1, 0])
print([1, "a"] == [1, "a"], [[1, 2]] < [[1, 3]], [1.5] < [2])
# += and *= work in place
a = [1]
b = a
a += [2, 3]
a += (4,)
a += "xy"
print(a, b, a is b)
a = [1, 2]
b = a
a *= 2
print(a, b, a is b)
a *= 0
print(a, b)
# a list containing itself
r = [1, 2]
r.append(r)
print(r)
d = [r, r]
print(len(d))
# nested repr of other types
print([(1,), {"k": [2]}, {3}, range(2), "s\n"])
print(str([1, "2"]), repr(["x"]))
# identity and copies
l = [1, 2]
m = list(l)
print(l == m, l is m)
print([i * i for i in range(5)])
print(list(x for x in "hi"))
