"""Parsing-style loops over bytes."""
from fastext import i64


def count(data: bytes, byte: i64) -> i64:
    n = 0
    for b in data:
        if b == byte:
            n += 1
    return n


def lines(data: bytes) -> i64:
    n = 0
    for i in range(len(data)):
        if data[i] == ord("\n"):
            n += 1
    return n


def parse_int(data: bytes) -> i64:
    value = 0
    sign = 1
    for i, b in enumerate(data):
        if i == 0 and b == ord(b"-"):
            sign = -1
        elif ord("0") <= b <= ord("9"):
            value = value * 10 + (b - ord("0"))
        else:
            raise ValueError("not a number")
    return sign * value


def upper(buf: bytearray) -> None:
    for i in range(len(buf)):
        if ord("a") <= buf[i] <= ord("z"):
            buf[i] = buf[i] - 32
