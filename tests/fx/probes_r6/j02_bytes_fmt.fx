# ARGS: 16
import sys


def main(size: int) -> int:
    sys.stdout.flush()
    out = sys.stdout.buffer
    out.write(b"P4\n%d %d\n" % (size, size))
    row = bytearray(size // 8)
    for y in range(size):
        for i in range(len(row)):
            row[i] = (y * 31 + i * 7) & 0xFF
        out.write(bytes(row))
    out.write(b"\n")
    out.flush()
    return len(row)
