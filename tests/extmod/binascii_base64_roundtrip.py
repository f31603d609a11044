# binascii base64: every length, round trips, the newline argument
import binascii

data = bytes(range(256))
for n in range(0, 12):
    enc = binascii.b2a_base64(data[200 : 200 + n])
    print(n, enc, binascii.a2b_base64(enc) == data[200 : 200 + n])
print(binascii.a2b_base64(binascii.b2a_base64(data)) == data)
print(len(binascii.b2a_base64(data)), len(binascii.b2a_base64(data, newline=False)))
print(binascii.b2a_base64(b"hi", newline=True), binascii.b2a_base64(b"hi", newline=False))
print(binascii.b2a_base64(bytearray(b"\xfb\xff\xfe")), binascii.b2a_base64(memoryview(b"abcd")[1:]))

# decoding str input, skipping characters outside the alphabet
print(binascii.a2b_base64("Zm9vYmFy"), binascii.a2b_base64(b"Zm9v\nYmFy\n"), binascii.a2b_base64(b"Zm 9v Ym Fy"))
print(binascii.a2b_base64(b"+/+/"), binascii.a2b_base64(b"-_-_Zm9v"), binascii.a2b_base64(b"YQ==YWJj"))
print(binascii.a2b_base64(b""), binascii.a2b_base64(b"\n"), binascii.a2b_base64(bytearray(b"YWI=")))
print(type(binascii.a2b_base64(b"")), type(binascii.b2a_base64(b"")))
