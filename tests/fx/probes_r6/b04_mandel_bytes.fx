# ARGS: 32
import sys


def main(size: int) -> int:
    sys.stdout.write("P4\n%d %d\n" % (size, size))
    sys.stdout.flush()
    out = bytearray()
    total = 0
    for y in range(size):
        bits = 0
        nb = 0
        ci = 2.0 * y / size - 1.0
        for x in range(size):
            cr = 2.0 * x / size - 1.5
            zr = 0.0
            zi = 0.0
            inside = 1
            for i in range(50):
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                if zr * zr + zi * zi > 4.0:
                    inside = 0
                    break
            bits = (bits << 1) | inside
            nb += 1
            total += inside
            if nb == 8:
                out.append(bits)
                bits = 0
                nb = 0
        if nb:
            out.append(bits << (8 - nb))
    print(len(out), sum(out))
    return total
