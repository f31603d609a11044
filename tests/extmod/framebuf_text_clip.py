# framebuf.text(): clipping at every edge, colours, and the formats
import framebuf


def dump(fb, w, h):
    for y in range(h):
        print(" ".join("%x" % fb.pixel(x, y) for x in range(w)))


w, h = 12, 10
for fmt, name, size in (
    (framebuf.MONO_VLSB, "MONO_VLSB", w * 2),
    (framebuf.MONO_HLSB, "MONO_HLSB", 2 * h),
    (framebuf.MONO_HMSB, "MONO_HMSB", 2 * h),
    (framebuf.GS2_HMSB, "GS2_HMSB", 3 * h),
    (framebuf.GS4_HMSB, "GS4_HMSB", 6 * h),
    (framebuf.GS8, "GS8", w * h),
    (framebuf.RGB565, "RGB565", 2 * w * h),
):
    fb = framebuf.FrameBuffer(bytearray(size), w, h, fmt)
    print(name)
    for x, y in ((-3, -2), (7, 5), (-9, 3), (10, 9)):
        fb.fill(0)
        fb.text("Ag", x, y, 0xABCD)
        dump(fb, w, h)
        print()

# the colour defaults to 1, and colour 0 clears
fb = framebuf.FrameBuffer(bytearray(w * h), w, h, framebuf.GS8)
fb.fill(7)
fb.text("#", 0, 0, 0)
fb.text("=", 4, 2)
dump(fb, w, h)

# x far off either side draws nothing
fb.fill(0)
fb.text("abc", -1000, 0)
fb.text("abc", 1000, 0)
fb.text("abc", 0, 1000)
fb.text("abc", 0, -1000)
print(sum(bytes(fb)))
