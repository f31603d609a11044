# a with-statement closes the file even when its body raises
name = "/tmp/mpy_wasm_test_file_with.txt"

try:
    with open(name, "w") as f:
        f.write("abc")
        raise ValueError("inside with")
except ValueError as e:
    print("ValueError", e)

try:
    f.write("more")
except ValueError:
    print("closed")

with open(name) as f:
    print(f.read())
