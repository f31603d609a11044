# sys.atexit(func): func runs when the program ends; atexit returns the old one
import sys


def first():
    print("first (replaced, never runs)")


def last():
    print("at exit")


print(sys.atexit(first))
print(sys.atexit(last) is first)
print("end of script")
