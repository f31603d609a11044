# repr of str: quoting and escapes
tests = ["", "a", "'", '"', "'\"", "it's", 'say "hi"', "\\", "\n\r\t", "\x00\x01\x1f\x7f", "tab\there",
         "both ' and \"", "back\\slash'"]
for t in tests:
    print(repr(t))
print(repr(["a", "b'c"]), repr(("x",)), repr({"k": "v"}))
print(str("\n"), "%r" % "x", "{!r}".format("y'"))
