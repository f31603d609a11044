# list slicing: load, store and delete, with steps
l = list(range(10))
print(l[:], l[2:], l[:3], l[2:5], l[-3:], l[:-3], l[-100:100], l[5:2], l[8:100])
print(l[::2], l[1::2], l[::-1], l[::-2], l[7:2:-1], l[2:7:-1], l[-1:-4:-1], l[::3], l[100::-3])
print(l[1:8:3], l[8:1:-3], l[None:None:None])
# assignment with step 1 (any length, any iterable)
a = list(range(5))
a[1:3] = ["a", "b", "c"]
print(a)
a[1:4] = []
print(a)
a[:0] = [9, 8]
print(a)
a[len(a):] = (7, 6)
print(a)
a[2:2] = "xy"
print(a)
a[:] = range(3)
print(a)
a[5:10] = [1]
print(a)
a[-1:] = []
print(a)
a[1:] = a
print(a)
a[:] = a[::-1]
print(a)
# extended slice assignment
a = list(range(10))
a[::2] = "abcde"
print(a)
a[::-3] = [0, 0, 0, 0]
print(a)
a[1:2:5] = ["q"]
print(a)
a[3:3:2] = []
print(a)
# deletion
a = list(range(10))
del a[::2]
print(a)
a = list(range(10))
del a[1::3]
print(a)
a = list(range(10))
del a[::-2]
print(a)
a = list(range(10))
del a[8:2:-2]
print(a)
a = list(range(10))
del a[2:5]
print(a)
del a[:]
print(a)
a = list(range(5))
del a[3:1]
del a[100:]
print(a)
del a[0]
del a[-1]
print(a)
# slice objects
s = slice(1, None, 2)
print(list(range(8))[s])
