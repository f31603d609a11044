# io.StringIO / BytesIO with bad arguments
import io

try:
    io.StringIO(1.5)
except TypeError:
    print("TypeError")

s = io.StringIO("abc")
try:
    s.seek(-1)
except (OSError, ValueError):
    print("negative seek error")
print(s.tell())

try:
    io.BytesIO().write(1)
except TypeError:
    print("TypeError")
print("end")
