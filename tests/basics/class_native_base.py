# subclassing built-in types
class L(list):
    def total(self):
        return sum(self)


l = L([1, 2, 3])
l.append(4)
print(len(l), l.total(), l[0], isinstance(l, list), 4 in l)


class D(dict):
    def __init__(self):
        super().__init__()
        self["init"] = True

    def get2(self, k):
        return self.get(k, "none")


d = D()
d["a"] = 1
print(d.get2("a"), d.get2("b"), d["init"], len(d))


class I(int):
    def double(self):
        return self * 2


i = I(21)
print(i.double(), i + 1, isinstance(i, int))


class S(str):
    def shout(self):
        return self.upper() + "!"


s = S("hey")
print(s.shout(), len(s), s == "hey")


class E(Exception):
    def __init__(self, msg, code):
        super().__init__(msg, code)
        self.code = code


try:
    raise E("boom", 7)
except Exception as e:
    print(type(e).__name__, e.args, e.code, isinstance(e, E))


class E2(ValueError):
    pass


try:
    raise E2("x")
except ValueError as e:
    print("caught", type(e).__name__, e.args)


class T(tuple):
    pass


t = T((1, 2))
print(len(t), t[1], isinstance(t, tuple))
