# ARGS: 1000
import random


def main(n: int) -> int:
    random.seed(3)
    bad = 0
    for i in range(n):
        v = random.randint(0, 2 ** 31)
        s = hex(v)
        m = int(s, 16)
        if m != v:
            bad += 1
        if int(s[2:], 16) != v:
            bad += 1
    print(hex(255), int("0xff", 16), int("-7f", 16), bin(5)[2:], oct(8))
    return bad
