# framebuf.text(): every glyph of the built-in 8x8 font, drawn in a mono
# framebuffer and printed as rows of '#' and '.', so that the font table
# must equal MicroPython's pixel for pixel
import framebuf

W = 8 * 16
buf = bytearray(W * 8 // 8)
fb = framebuf.FrameBuffer(buf, W, 8, framebuf.MONO_HLSB)


def show():
    for y in range(8):
        print("".join("#" if fb.pixel(x, y) else "." for x in range(W)))


for first in range(32, 128, 16):
    fb.fill(0)
    fb.text("".join(chr(c) for c in range(first, first + 16)), 0, 0, 1)
    print(first)
    show()

# codes outside 32..127 draw glyph 127; text stops at a NUL
fb.fill(0)
fb.text("\x01\x1f\x7f\xe9A\x00B", 0, 0)
show()

# bytes are drawn too
fb.fill(0)
fb.text(b"Hi!", 2, 0)
show()
