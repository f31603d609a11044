# binascii.crc32: known values, running crcs, other buffers and start values
import binascii

print(binascii.crc32(b""), binascii.crc32(b"", 5), binascii.crc32(b"a"), binascii.crc32(b"abc"))
print(binascii.crc32(b"123456789"), hex(binascii.crc32(b"123456789")))
print(binascii.crc32(bytearray(b"abc")), binascii.crc32(memoryview(b"xabcx")[1:4]))
data = bytes(range(256)) * 4
crc = 0
for i in range(0, len(data), 100):
    crc = binascii.crc32(data[i : i + 100], crc)
print(crc, crc == binascii.crc32(data))
print(binascii.crc32(b"abc", 0xFFFFFFFF), binascii.crc32(b"abc", 2**32 + 7) == binascii.crc32(b"abc", 7))
print(binascii.crc32(b"abc", True))
