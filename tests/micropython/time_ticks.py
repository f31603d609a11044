# time.ticks_*: small ints that wrap at 2**30 (a 32-bit port's period)
import time

for f in (time.ticks_ms, time.ticks_us, time.ticks_cpu):
    t = f()
    print(type(t), 0 <= t < 2**30)

t0 = time.ticks_ms()
print(time.ticks_diff(time.ticks_add(t0, 100), t0))
print(time.ticks_diff(t0, time.ticks_add(t0, 100)))
print(time.ticks_diff(time.ticks_add(t0, -100), t0))
print(time.ticks_diff(1, 2**30 - 1))
print(time.ticks_diff(2**30 - 1, 1))
print(time.ticks_add(2**30 - 1, 1))
print(time.ticks_add(0, -1))
print(time.ticks_add(0, 2**29 - 1))
print(time.ticks_diff(2**29, 0))
for d in (2**29, -(2**29), 2**40):
    try:
        time.ticks_add(0, d)
    except OverflowError as e:
        print("OverflowError", e)

t1 = time.ticks_us()
time.sleep_ms(5)
print(time.ticks_diff(time.ticks_us(), t1) >= 5000)
t1 = time.ticks_ms()
time.sleep(0.01)
print(time.ticks_diff(time.ticks_ms(), t1) >= 9)
time.sleep_us(10)
time.sleep_ms(-1)
time.sleep_us(-1)
time.sleep(0)
print("end")
