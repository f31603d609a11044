# FrameBuffer drawing in every format: fill, pixel, hline, vline, rect,
# fill_rect, line, with the buffer bytes printed after each, and a stride
# wider than the width
import framebuf

FORMATS = (
    ("MONO_VLSB", framebuf.MONO_VLSB, 1),
    ("MONO_HLSB", framebuf.MONO_HLSB, 1),
    ("MONO_HMSB", framebuf.MONO_HMSB, 1),
    ("GS2_HMSB", framebuf.GS2_HMSB, 2),
    ("GS4_HMSB", framebuf.GS4_HMSB, 4),
    ("GS8", framebuf.GS8, 8),
    ("RGB565", framebuf.RGB565, 16),
)


def hexs(b):
    return "".join("%02x" % c for c in b)


def grid(fb, w, h):
    for y in range(h):
        print(" ".join("%x" % fb.pixel(x, y) for x in range(w)))


for name, fmt, bpp in FORMATS:
    for w, h, stride in ((7, 9, 7), (5, 6, 11)):
        if fmt == framebuf.MONO_VLSB:
            size = stride * ((h + 7) // 8)
        else:
            size = (stride * bpp + 7) // 8 * h
        buf = bytearray(size)
        fb = framebuf.FrameBuffer(buf, w, h, fmt, stride)
        col = (1 << bpp) - 1 if bpp < 16 else 0xF81F
        print(name, w, h, stride, len(buf))
        fb.fill(col)
        print("fill", hexs(buf))
        fb.fill(0)
        fb.pixel(0, 0, col)
        fb.pixel(w - 1, h - 1, col)
        fb.pixel(w, 0, col)  # outside: ignored
        fb.pixel(-1, 0, col)
        print("pixel", hexs(buf), fb.pixel(0, 0), fb.pixel(1, 0), fb.pixel(w, h), fb.pixel(-1, -1))
        fb.fill(0)
        fb.hline(-2, 1, w, col)
        fb.vline(w - 2, -3, h + 9, col)
        print("lines", hexs(buf))
        grid(fb, w, h)
        fb.fill(0)
        fb.rect(1, 1, w - 2, h - 2, col)
        fb.rect(-1, -1, 3, 3, 2)
        print("rect", hexs(buf))
        grid(fb, w, h)
        fb.fill(0)
        fb.fill_rect(1, 2, 3, 40, col)
        fb.rect(3, 0, 9, 2, 3, True)
        fb.fill_rect(2, 2, 0, 3, col)
        fb.fill_rect(2, 2, 3, -1, col)
        print("fill_rect", hexs(buf))
        grid(fb, w, h)
        fb.fill(0)
        fb.line(0, 0, w - 1, h - 1, col)
        fb.line(w - 1, 0, 0, h - 1, 1)
        fb.line(-5, 3, 20, 4, 2)
        fb.line(2, 2, 2, 2, 3)
        print("line", hexs(buf))
        grid(fb, w, h)

# every colour value of each depth reads back masked to the depth
for name, fmt, bpp in FORMATS:
    fb = framebuf.FrameBuffer(bytearray(32), 4, 4, fmt)
    got = []
    for c in (0, 1, 2, 3, 5, 0x1F, 0xFF, 0x1234, 0xFFFF, 0x12345, -1):
        fb.pixel(1, 1, c)
        got.append(fb.pixel(1, 1))
    print(name, got)
