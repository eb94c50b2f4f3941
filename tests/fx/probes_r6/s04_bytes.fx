# ARGS: 6
import sys


def main(n: int) -> int:
    buf = bytearray()
    for i in range(n):
        buf.append(65 + i)
    buf.append(10)
    b = bytes(buf)
    print(len(b), b[0], b)
    sys.stdout.flush()
    sys.stdout.buffer.write(b)
    sys.stdout.buffer.flush()
    out = bytes([72, 105, 10])
    print(out, out.decode())
    return sum(b)
