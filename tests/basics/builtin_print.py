# print with sep, end and file
print()
print(1, 2, 3)
print(1, 2, 3, sep="-")
print("a", "b", sep="")
print("no newline", end="")
print(" then newline")
print(1, 2, sep=", ", end=".\n")
print(None, True, [1, "a"], (1,), {"k": 1})
print("x", sep=None, end=None)


class W:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


w = W()
print("to", "file", sep="_", file=w)
print("".join(w.parts), end="|\n")

# print(file=sys.stdout) is plain print (sys.stdout itself is read-only in
# MicroPython, so it is not reassigned here)
import sys

print("to stdout", file=sys.stdout)
