# bin, hex, oct, chr, ord
print(bin(0), bin(5), bin(-5), bin(True), bin(2**40))
print(hex(0), hex(255), hex(-1), hex(2**70), hex(False))
print(oct(0), oct(8), oct(-9), oct(2**35))
print(chr(65), chr(0x3b1), chr(0x1F600) == "\U0001F600", ord("A"), ord("\u03b1"), ord(b"a"))
print(ord(chr(0x10FFFF)) == 0x10FFFF, chr(0))
