# str.format: field numbering, names, escapes, conversions
print("{} {}".format(1, 2), "{1} {0} {1}".format("a", "b"), "{x}-{y}".format(x=1, y="z"))
print("{{}} {{{}}}".format(5), "{}{}".format("", ""), "no fields".format(1, 2))
print("{!r} {!s} {!a}".format("q", "q", "é"), "{0!r:>6}".format("ab"))
print("{0}{1}{0}".format("-", "+"), "{a}{0}".format(1, a=2), "{}".format(None), "{}".format([1, (2,)]))
print("{:}".format(True), "{:d}".format(True), "{}".format(1.5), "{}".format(-0.0), "{}".format(1e100))
print("{0[0]} {0[1]} {1[k]}".format([4, 5], {"k": "v"}), "{0[1][0]}".format([0, "xy"]))
class A:
    x = 7
    def __init__(self):
        self.y = [1, 2]
print("{0.x} {0.y[1]} {a.x}".format(A(), a=A()))
print("{:>{w}}|{:<{w}}|{:^{w}.{p}}".format("r", "l", "center", w=8, p=3))
print("{0:{1}}|".format("x", 5), "{:{}}|".format("y", 4), "{:{}{}}|".format("z", ">", 3))
