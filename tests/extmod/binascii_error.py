# binascii errors, with MicroPython's messages (CPython raises binascii.Error,
# a ValueError, with other words)
import binascii


def test(f, *args, **kw):
    try:
        print(f(*args, **kw))
    except Exception as e:
        print(type(e).__name__, e)


# unhexlify: odd length, non-hex digits, whitespace between pairs only
test(binascii.unhexlify, b"0")
test(binascii.unhexlify, b"abc")
test(binascii.unhexlify, b"gg")
test(binascii.unhexlify, b"0g")
test(binascii.unhexlify, "x0")
test(binascii.unhexlify, b"0 a")
test(binascii.unhexlify, b" 0a 0b ")

# a2b_base64: bits left over (bad padding)
test(binascii.a2b_base64, b"abc")
test(binascii.a2b_base64, b"Z")
test(binascii.a2b_base64, b"Zg")
test(binascii.a2b_base64, b"Zg=")
test(binascii.a2b_base64, b"abcde=")
test(binascii.a2b_base64, b"ab*d")
test(binascii.a2b_base64, b"ab=cdef=")
test(binascii.a2b_base64, b"Zm9=")
test(binascii.a2b_base64, b"=")
test(binascii.a2b_base64, b"Zg===")

# not buffers
test(binascii.hexlify, 12)
test(binascii.hexlify, None)
test(binascii.unhexlify, 5)
test(binascii.a2b_base64, 1)
test(binascii.b2a_base64, 1)
test(binascii.crc32, 5)
test(binascii.crc32, [1])

# bad separators, start values and arguments
test(binascii.hexlify, b"ab", 1)
test(binascii.crc32, b"abc", 1.5)
test(binascii.crc32, b"abc", "1")
test(binascii.b2a_base64, b"abc", foo=1)
test(binascii.b2a_base64)
test(binascii.hexlify)
test(binascii.hexlify, b"", b"", b"")

# MicroPython's extras: newline by position, any int as the crc start
test(binascii.b2a_base64, b"abc", False)
test(binascii.crc32, b"abc", -1)

print(binascii.hexlify(b"ok"))
