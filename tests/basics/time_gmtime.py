# time.gmtime/localtime/mktime as 9-tuples (C's struct tm: weekday 0 is Monday)
import time

for t in (0, 1, 86399, 86400, 951782400, 1000000000, 2**31, -1, -86400, 1.9):
    print(t, tuple(time.gmtime(t)))

# localtime and mktime are inverses
for t in (0, 100, 1000000000, 1700000000):
    lt = time.localtime(t)
    print(len(tuple(lt)), int(time.mktime(lt)) == t)

# mktime normalises out-of-range fields
a = time.mktime((2000, 1, 32, 12, 0, 0, 0, 0, -1))
b = time.mktime((2000, 2, 1, 12, 0, 0, 0, 0, -1))
print(a == b)
print(int(time.mktime((2001, 1, 1, 0, 0, 0, 0, 0, -1)) - time.mktime((2000, 1, 1, 0, 0, 0, 0, 0, -1))))

print(type(time.time()), time.time() > 1600000000)
print(type(time.time_ns()), time.time_ns() > 1600000000 * 10**9)
print(len(tuple(time.gmtime())), len(tuple(time.localtime())))
