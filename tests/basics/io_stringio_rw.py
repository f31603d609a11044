# io.StringIO: write, read, seek, tell, getvalue, readline, iteration
import io

s = io.StringIO()
print(s.write("hello\n"))
print(s.write("world\nlast"))
print(s.tell())
print(repr(s.getvalue()))
print(s.seek(0))
print(repr(s.read(3)))
print(s.tell())
print(repr(s.readline()))
print(repr(s.readline()))
print(repr(s.readline()))
print(repr(s.readline()))
print(repr(s.read()))
s.seek(0)
for line in s:
    print(repr(line))
s.seek(0)
print(repr(s.readline(2)), repr(s.readline(100)))

# initial value: position starts at 0, writes overwrite
s = io.StringIO("abcdef")
print(s.tell(), repr(s.read(2)))
s.write("XY")
print(repr(s.getvalue()), s.tell())
s.seek(0, 2)
print(s.tell())
s.write("!")
print(repr(s.getvalue()))

# seek to the end and back
s.seek(0, 2)
print(s.tell())
s.seek(2)
print(repr(s.read(1)))

# writing past the end fills with NUL
s = io.StringIO()
s.seek(3)
s.write("x")
print(repr(s.getvalue()))

# an empty buffer
s = io.StringIO()
print(repr(s.read()), repr(s.readline()), repr(s.getvalue()))
