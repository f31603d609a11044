# hashlib: MicroPython's hash objects have only update() and digest(); after
# digest() the hash is final; bad arguments end in MicroPython's exceptions
import hashlib

try:
    import uhashlib
    print(uhashlib.sha256 is hashlib.sha256)
except ImportError:
    print("no uhashlib")


def check(f, *args, **kw):
    try:
        print(repr(f(*args, **kw)))
    except Exception as e:
        print(type(e).__name__ + ":", e)


for name in ("sha256", "sha1", "md5"):
    H = getattr(hashlib, name)
    print(name, H, type(H()), H())
    print(sorted(dir(H())))

    # digest() makes the hash final: update and digest raise
    h = H(b"123")
    d = h.digest()
    print(len(d))
    check(h.digest)
    check(h.update, b"456")
    check(h.update, 1)
    check(h.update, "str")

    # no hexdigest, copy, name, digest_size
    h = H()
    for attr in ("hexdigest", "copy", "name", "digest_size", "block_size"):
        print(attr, hasattr(h, attr))

    # wrong data types
    for a in [None, 1, 1.5, [1, 2], (1,), {"a": 1}, object()]:
        check(H, a)
        check(H().update, a)

    # a str is hashed as its UTF-8 bytes
    print(H("abc\u00e9").digest() == H("abc\u00e9".encode()).digest())

    # argument counts and keywords
    check(H, b"a", b"b")
    check(H, data=b"a")
    check(H().update)
    check(H().update, b"a", b"b")
    check(H().digest, 1)

    # a failed update leaves the hash usable
    h = H(b"ab")
    check(h.update, 5)
    h.update(b"c")
    print(h.digest() == H(b"abc").digest())


# the types may be subclassed
class Sub(hashlib.sha256):
    pass


s = Sub(b"abc")
s.update(b"def")
print(type(s).__name__, s.digest() == hashlib.sha256(b"abcdef").digest())
