# slicing str with all kinds of bounds and steps
s = "0123456789"
for sl in (slice(None), slice(2, 5), slice(-3, None), slice(None, -3), slice(5, 2), slice(None, None, 2),
           slice(None, None, -1), slice(8, 2, -2), slice(-1, -5, -1), slice(100, -100, -3), slice(1, 100, 4)):
    print(sl.start, sl.stop, sl.step, repr(s[sl]))
print(s[3], s[-1], s[-10], s[0:0], s[10:], s[:100])
try:
    s[::0]
except ValueError:
    print("ValueError")
try:
    s[10]
except IndexError:
    print("IndexError")
try:
    s[-11]
except IndexError:
    print("IndexError")
print(s[True], s[False:True])
