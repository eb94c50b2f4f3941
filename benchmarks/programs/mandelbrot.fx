# The Benchmarks Game's mandelbrot (PBM bitmap on stdout), plain-Python style.
import sys
from fastext import i64


def main(size: i64) -> None:
    out = sys.stdout.buffer
    out.write(("P4\n%d %d\n" % (size, size)).encode())
    fsize = float(size)
    for y in range(size):
        ci = 2.0 * y / fsize - 1.0
        row = bytearray()
        bits = 0
        xb = 0
        for x in range(size):
            cr = 2.0 * x / fsize - 1.5
            zr = 0.0
            zi = 0.0
            escaped = False
            for i in range(50):
                tr = zr * zr - zi * zi + cr
                ti = 2.0 * zr * zi + ci
                zr = tr
                zi = ti
                if zr * zr + zi * zi > 4.0:
                    escaped = True
                    break
            bits = (bits << 1) | (0 if escaped else 1)
            xb += 1
            if xb == 8:
                row.append(bits)
                bits = 0
                xb = 0
        if xb > 0:
            row.append(bits << (8 - xb))
        out.write(bytes(row))
    sys.stdout.flush()
