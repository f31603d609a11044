# errors from files: missing files, closed files, wrong mode
name = "/tmp/mpy_wasm_test_file_errors.txt"

try:
    open("/tmp/mpy_wasm_no_such_dir/no_such_file")
except OSError as e:
    print("OSError", e.errno)

try:
    open("/tmp/mpy_wasm_no_such_file_xyz")
except OSError as e:
    print("OSError", e.errno, e.args[0])

with open(name, "w") as f:
    f.write("data")

f = open(name)
f.close()
for op in ("read", "readline", "write"):
    try:
        if op == "write":
            f.write("x")
        else:
            getattr(f, op)()
        print(op, "worked")
    except ValueError:
        print(op, "ValueError")
f.close()
print("closed twice")

# writing to a file opened for reading
with open(name) as f:
    try:
        f.write("x")
    except OSError:
        print("OSError on write")

try:
    open(123.5)
except TypeError:
    print("TypeError")
print("end")
