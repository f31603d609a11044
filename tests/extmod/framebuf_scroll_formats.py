# FrameBuffer.scroll in every format and direction; the uncovered area
# keeps its old pixels, and steps as large as the size do nothing
import framebuf

FORMATS = (
    ("MONO_VLSB", framebuf.MONO_VLSB, 1),
    ("MONO_HLSB", framebuf.MONO_HLSB, 1),
    ("MONO_HMSB", framebuf.MONO_HMSB, 1),
    ("GS2_HMSB", framebuf.GS2_HMSB, 3),
    ("GS4_HMSB", framebuf.GS4_HMSB, 15),
    ("GS8", framebuf.GS8, 255),
    ("RGB565", framebuf.RGB565, 0xFFFF),
)
w, h = 6, 5


def grid(fb):
    for y in range(h):
        print("".join("%x" % min(fb.pixel(x, y), 15) for x in range(w)))
    print()


for name, fmt, maxcol in FORMATS:
    fb = framebuf.FrameBuffer(bytearray(2 * 8 * 8), w, h, fmt)
    print(name)
    for step in ((1, 0), (0, 1), (-1, 0), (0, -1), (2, -3), (-5, 4), (6, 0), (0, -5), (-6, 2), (0, 0)):
        for y in range(h):
            for x in range(w):
                fb.pixel(x, y, (x + 2 * y) % (maxcol + 1) if maxcol < 15 else (x + 2 * y))
        fb.scroll(*step)
        print(step)
        grid(fb)
