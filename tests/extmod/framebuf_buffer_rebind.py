# FrameBuffer reads its buffer's address and size again before each drawing
# (ours: MicroPython keeps the address it was made with, so drawing after the
# buffer was resized would write into freed memory). A buffer that grew (and
# may have moved) is drawn into; one that shrank below what the framebuffer
# needs raises ValueError "buffer too small". A blit() source colour beyond
# the palette's width maps to the palette's first pixel (MicroPython reads
# past the palette's buffer). The .exp is hand-written.
import framebuf


def check(f):
    try:
        r = f()
        print("ok", r)
    except ValueError as e:
        print("ValueError", e)


buf = bytearray(16)
fb = framebuf.FrameBuffer(buf, 4, 4, framebuf.GS8)
fb.fill(1)
print(buf)
buf.extend(bytes(100))
fb.fill(2)
print(buf[:16], sum(buf[16:]))

del buf[8:]
check(lambda: fb.fill(3))
check(lambda: fb.pixel(0, 0))
check(lambda: fb.pixel(1, 1, 5))
check(lambda: fb.pixel(10, 10))  # outside: no drawing, no check
check(lambda: fb.hline(0, 0, 2, 5))
check(lambda: fb.text("a", 0, 0))
check(lambda: fb.scroll(1, 1))
check(lambda: fb.scroll(9, 0))  # nothing to move
dst = framebuf.FrameBuffer(bytearray(16), 4, 4, framebuf.GS8)
check(lambda: dst.blit(fb, 0, 0))
check(lambda: dst.blit(fb, 10, 0))  # entirely outside
print(buf)

buf.extend(b"\x09" * 8)
fb.pixel(3, 3, 7)
print(buf)

# palette narrower than the source's colours
src = framebuf.FrameBuffer(bytearray(b"\x00\x01\x02\x05"), 4, 1, framebuf.GS8)
pal = framebuf.FrameBuffer(bytearray(b"\xa0\xa1"), 2, 1, framebuf.GS8)
dst.fill(0)
dst.blit(src, 0, 0, -1, pal)
print(bytes(dst)[:4])

# converting an argument may run Python code that draws and moves the buffer
buf = bytearray(16)
fb = framebuf.FrameBuffer(buf, 4, 4, framebuf.GS8)


class X:
    def __int__(self):
        fb.fill_rect(0, 0, 4, 4, 9)
        buf.extend(bytes(1000))
        return 2


fb.fill_rect(X(), 0, 1, 1, 5)
print(buf[:16], len(buf))
