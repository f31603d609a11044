# Boxed float arithmetic (allocation-heavy, as on a board).
def mandel(w, h, it):
    count = 0
    for y in range(h):
        ci = y * 2.0 / h - 1.0
        for x in range(w):
            cr = x * 3.0 / w - 2.0
            zr = zi = 0.0
            n = 0
            while n < it and zr * zr + zi * zi < 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                n += 1
            count += n
    return count


print(mandel(60, 40, 50))
