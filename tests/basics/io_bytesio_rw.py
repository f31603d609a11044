# io.BytesIO: read, write, seek, getvalue, readline, iteration, copy on write
import io

b = io.BytesIO()
print(b.write(b"abc"))
print(b.write(bytearray(b"def")))
print(b.getvalue())
b.seek(1)
print(b.read(2), b.read(), b.read())
b.seek(0)
print(b.readline())

b = io.BytesIO(b"line1\nline2\nline3")
print([l for l in b])
b.seek(0)
print(b.readline(), b.readline(3), b.readline())

# constructing from bytes does not change the original
src = b"foobar"
b = io.BytesIO(src)
b.write(b"1")
print(src, b.getvalue())

src = bytearray(b"foobar")
b = io.BytesIO(src)
b.write(b"1")
print(src, b.getvalue())

# readinto
b = io.BytesIO(b"0123456789")
buf = bytearray(4)
print(b.readinto(buf), buf)
print(b.readinto(buf), buf)
print(b.readinto(buf), buf)
print(b.readinto(buf), buf)

# read(n) beyond the end, seek beyond the end
b = io.BytesIO(b"xy")
print(b.read(10), b.read(10))
b.seek(5)
b.write(b"z")
print(b.getvalue())

# seek relative to the current position and the end
b = io.BytesIO(b"abcdef")
b.seek(2)
print(b.seek(1, 1), b.read(1))
print(b.seek(-2, 2), b.read())
print(b.seek(-100, 1), b.tell())
