# str.splitlines, with and without keepends
s = "one\ntwo\r\nthree\rfour\n\nfive"
print(s.splitlines())
print(s.splitlines(True))
print(s.splitlines(keepends=True))
print(s.splitlines(keepends=False))
print("".splitlines(), "\n".splitlines(), "a\n".splitlines(True), "\r\n\r".splitlines(True))
print(b"x\ny\r\n".splitlines(), b"x\ny\r\n".splitlines(True))
print(bytearray(b"p\nq").splitlines())
