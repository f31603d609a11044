# bytes methods shared with str
b = b"Hello, World"
print(b.find(b"o"), b.rfind(b"o"), b.find(111), b.index(b"W"), b.count(b"l"), b.count(108))
print(b.split(b", "), b.split(), b.rsplit(b"o", 1), b"a b".split(None), b.lower(), b.upper())
print(b.replace(b"l", b"L"), b.startswith(b"He"), b.endswith(b"ld"), b.partition(b", "), b.rpartition(b"o"))
print(b.strip(b"Hd"), b.center(16, b"*"), b"-".join([b"a", b"b"]), b"abc".isalpha(), b"1".isdigit())
print(b"%s" % b"x", b.hex(), b"".hex(), b"\x00\xff".hex(), bytes.fromhex("00ff10"), bytes.fromhex("aa bb cc"))
print(b"\x01\x02".hex(":"), b"abc".hex("-"), bytearray(b"\xab").hex(), memoryview(b"\x12\x34").hex())
try:
    b.find(256)
except ValueError:
    print("ValueError")
try:
    bytes.fromhex("0g")
except ValueError:
    print("ValueError")
try:
    bytes.fromhex("abc")
except ValueError:
    print("ValueError")
