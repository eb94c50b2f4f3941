# ARGS: 50, 20
def mandel(re: float, im: float, limit: int) -> int:
    zr = 0.0
    zi = 0.0
    for i in range(limit):
        zr, zi = zr * zr - zi * zi + re, 2.0 * zr * zi + im
        if zr * zr + zi * zi > 4.0:
            return i
    return limit


def main(width: int, height: int) -> int:
    chars = " .:-=+*#%@"
    total = 0
    for y in range(height):
        line = ""
        for x in range(width):
            re = -2.0 + 2.6 * x / width
            im = -1.2 + 2.4 * y / height
            it = mandel(re, im, 30)
            total += it
            line += chars[it * (len(chars) - 1) // 30]
        print(line.rstrip())
    return total
