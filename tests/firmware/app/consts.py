# constant objects that frozen bytecode keeps in ROM
BIG = 123456789012345678901234567890
NEG = -98765432109876543210
F = 2.5e-3
C = (1.5 - 2j)
T = (1, "two", b"three", (4.5, None, True, ...), 10 ** 20)
S = "a string too long to be interned as a qstr, so it is a str object in ROM" * 2
B = b"\x00\x01\x02bytes in ROM"
def gen(n):
    for i in range(n):
        yield i * i
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return "Point(%d, %d)" % (self.x, self.y)
