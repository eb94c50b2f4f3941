# hex/oct/bin of machine integers and int(s, base) (lower/intformat.py's fast paths and
# CPython's general ones) against the same calls under CPython.
from fastext import i8, i64, u8, u64


def to_hex(n: i64) -> str:
    return hex(n)


def to_oct(n: i64) -> str:
    return oct(n)


def to_bin(n: i64) -> str:
    return bin(n)


def small_hex(n: i8) -> str:
    return hex(n)


def byte_bin(n: u8) -> str:
    return bin(n)


def big_hex(n: u64) -> str:
    return hex(n)


def parse(s: str, base: i64) -> i64:
    return int(s, base)


def round_trip(n: i64) -> i64:
    s = hex(n)
    if s[-1] == 'L':
        s = s[0:-1]
    return int(s, 16)


def literal_in_loop(k: i64) -> i64:
    hits = 0
    for i in range(k):
        s = hex(i)
        if s[-1] == 'f':
            hits += 1
    return hits
