# FrameBuffer.blit between formats, with a transparent key, palettes given
# as FrameBuffers or tuples/lists, sources given as tuples, lists and
# subclass instances, and clipping on every side
import framebuf


def grid(fb, w, h):
    for y in range(h):
        print(" ".join("%x" % fb.pixel(x, y) for x in range(w)))
    print()


# a 4x3 GS4 source with colours 0..b
src_buf = bytearray(6)
src = framebuf.FrameBuffer(src_buf, 4, 3, framebuf.GS4_HMSB)
for y in range(3):
    for x in range(4):
        src.pixel(x, y, y * 4 + x)

dst = framebuf.FrameBuffer(bytearray(6 * 5), 6, 5, framebuf.GS8)
for x, y in ((0, 0), (1, 1), (-2, -1), (4, 3), (5, 4), (6, 0), (0, 5), (-4, 0), (0, -3), (-3, -2)):
    dst.fill(0xEE)
    dst.blit(src, x, y)
    print("at", x, y)
    grid(dst, 6, 5)

# key: colour 5 is transparent
dst.fill(0xEE)
dst.blit(src, 1, 1, 5)
grid(dst, 6, 5)

# palette as a FrameBuffer (RGB565, 12 entries), and as a tuple / list
pal = framebuf.FrameBuffer(bytearray(2 * 12), 12, 1, framebuf.RGB565)
for i in range(12):
    pal.pixel(i, 0, 0x100 + i * 3)
dst16 = framebuf.FrameBuffer(bytearray(2 * 6 * 5), 6, 5, framebuf.RGB565)
dst16.fill(0)
dst16.blit(src, 1, 1, -1, pal)
grid(dst16, 6, 5)
dst16.fill(0)
dst16.blit(src, 1, 1, 0x100 + 4 * 3, pal)  # the key applies after the palette
grid(dst16, 6, 5)
pal8 = bytes(range(0x40, 0x4C))
dst.fill(0)
dst.blit(src, 0, 0, -1, (pal8, 12, 1, framebuf.GS8))
grid(dst, 6, 5)
dst.fill(0)
dst.blit(src, 0, 0, 0x43, [pal8, 12, 1, framebuf.GS8, 12])
grid(dst, 6, 5)
dst.fill(0)
dst.blit(src, 0, 0, -1, None)
grid(dst, 6, 5)

# a mono glyph through a two-colour palette
glyph = framebuf.FrameBuffer(bytearray(8), 8, 8, framebuf.MONO_VLSB)
glyph.text("Z", 0, 0)
two = framebuf.FrameBuffer(bytearray(2), 2, 1, framebuf.GS8)
two.pixel(0, 0, 0x11)
two.pixel(1, 0, 0x99)
big = framebuf.FrameBuffer(bytearray(10 * 10), 10, 10, framebuf.GS8)
big.fill(0)
big.blit(glyph, 1, 1, 0x11, two)
grid(big, 10, 10)

# sources as tuples and lists, with a stride
big.fill(0)
big.blit((b"\x01\x02\x03\x04\x05\x06", 2, 3, framebuf.GS8), 8, 8)
big.blit([bytearray(b"\x07\x08\xff\x09\x0a\xff"), 2, 2, framebuf.GS8, 3], -1, 0)
big.blit((b"\xf0", 8, 1, framebuf.MONO_HLSB), 2, 5)
grid(big, 10, 10)


# a subclass instance as a source and as a destination
class FB(framebuf.FrameBuffer):
    def __init__(self, w, h):
        super().__init__(bytearray(w * h), w, h, framebuf.GS8)


sub = FB(3, 3)
sub.fill(4)
sub.pixel(1, 1, 9)
big.fill(0)
big.blit(sub, 2, 2)
sub.blit(src, -1, -1)
big.blit(sub, 6, 6)
grid(big, 10, 10)

# blitting a framebuffer onto itself
big.blit(big, 3, 0)
grid(big, 10, 10)
