# struct.calcsize: standard and native sizes, repeat counts, padding
import struct

# standard sizes (no alignment)
for order in "<>!":
    for code in "bBhHiIlLqQefd":
        print(order, code, struct.calcsize(order + code))
    print(struct.calcsize(order + "bhiqefd"))

# native layout: items aligned to their size (no 'l'/'L'/'P': they depend on the platform)
for fmt in ("b", "bh", "bi", "bq", "bd", "bf", "be", "hb", "ib", "qb", "hi", "bhbi", "biq", "bhq", "ihq"):
    print(fmt, struct.calcsize(fmt), struct.calcsize("@" + fmt))

# repeat counts
print(struct.calcsize("3b"), struct.calcsize("<3h"), struct.calcsize("<10i"), struct.calcsize("<2q3d"))
print(struct.calcsize("b3h"), struct.calcsize("0i"), struct.calcsize("h0b"))
print(struct.calcsize("12b"), struct.calcsize("<100Q"))

# pad bytes and strings are not aligned
print(struct.calcsize("x"), struct.calcsize("7x"), struct.calcsize("xxh"), struct.calcsize("3xi"))
print(struct.calcsize("s"), struct.calcsize("0s"), struct.calcsize("5s"), struct.calcsize("5sh"), struct.calcsize("<5sh"))
print(struct.calcsize("100sI"), struct.calcsize("97sI"), struct.calcsize("bxI3xH"), struct.calcsize(">bxI3xH"))

# empty formats, byte-order only
print(struct.calcsize(""), struct.calcsize("<"), struct.calcsize(">"), struct.calcsize("@"))

# a bytes format
print(struct.calcsize(b"<hi"), struct.calcsize(b"hi"))
