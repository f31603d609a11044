# A small tour: run with `npm start -- examples/hello.py`.
import sys


class Greeter:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Greeter(%r)" % self.name

    def greet(self, times=1):
        return ", ".join("hello " + self.name for _ in range(times))


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


g = Greeter("world")
print(g, g.greet(2))
print("fib(100) =", fib(100))
print({k: len(k) for k in ["wasm", "micropython"]})
print(sys.implementation.name, sys.argv)
