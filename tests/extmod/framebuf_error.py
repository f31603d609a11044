# FrameBuffer with bad input: the constructor's checks, bad formats and
# sizes, buffers that are too small or read-only, wrong argument types
# and counts, bad blit sources; the runtime goes on after each
import framebuf
import array


def check(f, *args):
    try:
        f(*args)
        print("ok")
    except Exception as e:
        print(type(e).__name__, e)


FB = framebuf.FrameBuffer
check(FB, bytearray(10), 2, 2, 99)
check(FB, bytearray(10), 2, 2, -1)
check(FB, bytearray(10), 0, 2, framebuf.GS8)
check(FB, bytearray(10), 2, 0, framebuf.GS8)
check(FB, bytearray(10), 0x10000, 1, framebuf.GS8)
check(FB, bytearray(10), 1, 0x10000, framebuf.GS8)
check(FB, bytearray(10), 2, 2, framebuf.GS8, 1)
check(FB, bytearray(10), 2, 2, framebuf.GS8, 0x10000)
check(FB, bytearray(3), 2, 2, framebuf.GS8)
check(FB, bytearray(7), 2, 2, framebuf.RGB565)
check(FB, bytearray(8), 2, 2, framebuf.RGB565)
check(FB, b"1234", 2, 2, framebuf.GS8)
check(FB, "1234", 2, 2, framebuf.GS8)
check(FB, 1234, 2, 2, framebuf.GS8)
check(FB, None, 2, 2, framebuf.GS8)
check(FB, bytearray(10), "2", 2, framebuf.GS8)
check(FB, bytearray(10), 2.0, 2, framebuf.GS8)
check(FB, bytearray(10), 2, 2)
check(FB, bytearray(10), 2, 2, framebuf.GS8, 2, 2)
check(lambda: FB(bytearray(10), 2, 2, framebuf.GS8, stride=2))
check(FB, memoryview(bytearray(10))[2:], 2, 4, framebuf.GS8)
check(FB, memoryview(bytearray(10))[3:], 2, 4, framebuf.GS8)
check(FB, array.array("H", [0] * 4), 2, 2, framebuf.RGB565)
check(framebuf.FrameBuffer1, bytearray(2), 2, 9)
check(framebuf.FrameBuffer1, bytearray(4), 2, 9)
check(framebuf.FrameBuffer1, bytearray(4), 2, 9, 1)
check(framebuf.FrameBuffer1, bytearray(4), 2)

fb = FB(bytearray(16), 4, 4, framebuf.GS8)
check(fb.pixel, 0, "0")
check(fb.pixel, 0, 0, "0")
check(fb.pixel, 10, 0, "0")  # outside: the colour is never looked at
check(fb.pixel, 0)
check(fb.fill, None)
check(fb.fill_rect, 0, 0, 1, 1)
check(fb.hline, 0, 0, 1, 1.5)
check(fb.vline, 0, 0, 1)
check(fb.rect, 0, 0, 1, 1, 1, True, 1)
check(fb.line, 0, 0, 1, 1, [])
check(fb.ellipse, 0, 0, 1, 1)
check(fb.ellipse, 0, 0, 1, 1, 1, True, "m")
check(fb.poly, 0, 0, [1, 2, 3, 4], 1)
check(fb.poly, 0, 0, array.array("f", [1, 2, 3, 4]), 1)
check(fb.poly, 0, 0, array.array("i", [1, 2]), None)
check(fb.poly, 0, 0, array.array("i", [1]), None)  # no whole point: nothing to draw
check(fb.text, 1, 0, 0)
check(fb.text, "x", 0)
check(fb.text, "x", 0, 0, "c")
check(fb.scroll, 1)
check(fb.scroll, 1, "1")
check(fb.blit, None, 0, 0)
check(fb.blit, 5, 0, 0)
check(fb.blit, (1, 2, 3), 0, 0)
check(fb.blit, (1, 2, 3, 4, 5, 6), 0, 0)
check(fb.blit, (b"", 1, 1, framebuf.GS8), 0, 0)
check(fb.blit, (b"ab", 2, 1, 77), 0, 0)
check(fb.blit, (b"ab", 2, 1, framebuf.GS8), 0, 0, "k")
check(fb.blit, (b"ab", 2, 1, framebuf.GS8), 0, 0, -1, 5)
check(fb.blit, (b"ab", 2, 1, framebuf.GS8), 0, 0, -1, (b"", 1, 1, framebuf.GS8))
check(fb.blit, fb, 0)
print(fb.blit(fb, 0, 0, -1, None), fb.pixel(0, 0))
print(bytes(fb))
