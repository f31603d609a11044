# hashlib.md5, sha1 and sha256: known vectors, block boundaries (55/56/57,
# 63/64/65, 119/120 bytes), multi-block input and updates in pieces of every
# size agree with CPython's digests
import hashlib

# lengths around the padding and block boundaries
LENGTHS = [1, 2, 54, 55, 56, 57, 62, 63, 64, 65, 66, 111, 119, 120, 121, 127, 128, 129]
LENGTHS += [191, 192, 1000]


def check(H):
    print(H().digest())
    print(H(b"").digest())
    print(H(b"abc").digest())
    print(H(b"abcdbcdecdefdefgefghfghighijhijkijkljklmjklmnlmnomnopnopq").digest())
    print(H(b"The quick brown fox jumps over the lazy dog").digest())

    for n in LENGTHS:
        data = bytes((i * 31 + n) & 0xFF for i in range(n))
        print(n, H(data).digest())

    # the same data fed in pieces of each size gives the same digest
    data = bytes(range(256)) * 3
    whole = H(data).digest()
    print(whole)
    for step in [1, 3, 7, 55, 56, 63, 64, 65, 100, 500]:
        h = H()
        for i in range(0, len(data), step):
            h.update(data[i : i + step])
        print(step, h.digest() == whole)

    # empty updates change nothing
    h = H(b"ab")
    h.update(b"")
    h.update(b"c")
    h.update(b"")
    print(h.digest() == H(b"abc").digest())

    # long input
    print(H(b"a" * 100000).digest())
    h = H()
    for i in range(1000):
        h.update(b"0123456789")
    print(h.digest() == H(b"0123456789" * 1000).digest())

    # any bytes-like object
    print(H(bytearray(b"abc")).digest() == H(b"abc").digest())
    print(H(memoryview(b"xabcx")[1:4]).digest() == H(b"abc").digest())
    h = H(b"a")
    h.update(bytearray(b"b"))
    h.update(memoryview(b"c"))
    print(h.digest() == H(b"abc").digest())

    # independent objects
    h1 = H(b"one")
    h2 = H(b"two")
    h1.update(b"!")
    print(h1.digest() == H(b"one!").digest(), h2.digest() == H(b"two").digest())


for name in ["md5", "sha1", "sha256"]:
    print(name)
    check(getattr(hashlib, name))
