# sys.stdout / sys.stderr / sys.stdin objects and writing to them
import sys

print("TextIOWrapper" in str(type(sys.stdout)))
print("TextIOWrapper" in str(type(sys.stdin)))
print("TextIOWrapper" in str(type(sys.stderr)))
n = sys.stdout.write("hello\n")
print(n)
sys.stdout.write("no newline")
sys.stdout.write("\n")
print(sys.stdout.write(""))
sys.stdout.flush()
print(hasattr(sys.stdin, "read"), hasattr(sys.stdin, "readline"), hasattr(sys.stdout, "write"))
# the binary stream under stdout
sys.stdout.flush()
print(sys.stdout.buffer.write(b"bytes\n"))
sys.stdout.buffer.flush()
print("after")
# print to an explicit file
print("to stdout", file=sys.stdout)
print("end")
