# files on the host filesystem: write, read, modes, seek/tell, iteration
name = "/tmp/mpy_wasm_test_file_rw.txt"

f = open(name, "w")
print(f.write("line one\n"))
print(f.write("line two\nline three"))
f.close()

f = open(name)
print(repr(f.read()))
f.close()

with open(name) as f:
    print(repr(f.readline()))
    print(repr(f.readline()))
    print(repr(f.readline()))
    print(repr(f.readline()))

with open(name) as f:
    for line in f:
        print(repr(line))

with open(name) as f:
    print(f.readlines())

with open(name, "r") as f:
    print(repr(f.read(4)), f.tell())
    f.seek(0)
    print(repr(f.read(8)))
    f.seek(0, 2)
    print(f.tell(), repr(f.read()))

# binary mode
with open(name, "rb") as f:
    print(f.read(4))
    print(f.seek(5), f.read(3))
    print(f.seek(-5, 2), f.read())
    f.seek(0)
    buf = bytearray(6)
    print(f.readinto(buf), buf)

# append
with open(name, "a") as f:
    f.write("\nappended")
with open(name) as f:
    print(repr(f.read()))

# write truncates
with open(name, "wb") as f:
    print(f.write(b"\x00\x01\xff"))
with open(name, "rb") as f:
    print(f.read())

# read and write
with open(name, "w+") as f:
    f.write("0123456789")
    f.seek(3)
    print(repr(f.read(3)))
with open(name, "r+") as f:
    f.write("ab")
    f.seek(0)
    print(repr(f.read()))
