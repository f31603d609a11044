# FrameBuffer.ellipse (outline, filled, quadrant masks, degenerate radii)
# and FrameBuffer.poly (outline and filled, from arrays of several types)
import framebuf
import array

w, h = 24, 16
buf = bytearray(w * h)
fb = framebuf.FrameBuffer(buf, w, h, framebuf.GS8)


def show():
    for y in range(h):
        print("".join(".123456789"[min(buf[y * w + x], 9)] for x in range(w)))
    print()


for args in (
    (11, 7, 8, 5, 1),
    (11, 7, 8, 5, 2, True),
    (11, 7, 0, 5, 3),
    (11, 7, 9, 0, 4, True),
    (11, 7, 0, 0, 5),
    (0, 0, 6, 6, 6, True, 0b1000),
    (11, 7, 10, 6, 7, False, 0b0101),
    (11, 7, 10, 6, 8, True, 0b1010),
    (23, 15, 30, 3, 9, True),
    (-5, -5, 3, 3, 1),
):
    fb.fill(0)
    fb.ellipse(*args)
    print(args)
    show()

shapes = (
    [0, 0, 10, 2, 4, 12],
    [2, 1, 20, 1, 20, 13, 2, 13],
    [5, 0, 9, 5, 14, 0, 14, 14, 0, 14, 0, 0],
    [0, 7, 11, 0, 22, 7, 11, 14],
    [3, 3, 3, 3],
    [1, 1, 15, 1, 30, 1],
    [0, 0, 5, 5, 7],  # odd count: the last value is ignored
    [],
)
for pts in shapes:
    ref = {}
    for typecode in ("h", "b", "i", "B"):
        arr = array.array(typecode, pts)
        for fill in (False, True):
            fb.fill(0)
            fb.poly(1, 1, arr, 1 + fill, fill)
            if typecode == "h":
                print(pts, fill)
                show()
                ref[fill] = bytes(buf)
            else:
                print(typecode, fill, bytes(buf) == ref[fill])

# off-screen and negative offsets
fb.fill(0)
fb.poly(-5, -3, array.array("h", [0, 0, 12, 3, 3, 10]), 7, True)
fb.poly(18, 10, array.array("h", [0, 0, 12, 3, 3, 10]), 8)
show()

# a bytes object is a polygon of unsigned bytes
fb.fill(0)
fb.poly(0, 0, b"\x01\x01\x10\x03\x05\x0c", 3, True)
show()
