# binascii.hexlify with a separator, unhexlify of what it gives, other buffers
import binascii

data = bytes(range(0, 256, 17))
print(binascii.hexlify(data))
print(binascii.hexlify(data, ":"), binascii.hexlify(data, b"-"), binascii.hexlify(data, " "))
print(binascii.hexlify(b"\x00"), binascii.hexlify(b"\x00", ":"), binascii.hexlify(b"", ":"), binascii.hexlify(b""))
print(binascii.hexlify(bytearray(b"\xab\xcd")), binascii.hexlify(memoryview(b"\x01\x02\x03")[1:]))
import array
print(binascii.hexlify(array.array("H", [0x1234, 0xABCD])))
print(type(binascii.hexlify(b"1")))

# unhexlify: both cases, str input, round trip
print(binascii.unhexlify(b"0a0B"), binascii.unhexlify("ff00"), binascii.unhexlify(b""), binascii.unhexlify(bytearray(b"4142")))
print(binascii.unhexlify(binascii.hexlify(data)) == data)
print(type(binascii.unhexlify(b"00")))
