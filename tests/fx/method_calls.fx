# Method calls on Python objects (lower/objects.py: e_ObjCall): by interned name when the
# arguments cannot fail, else attribute first, then arguments, as Python orders them.
from fastext import i64


def pack_bits(n: i64) -> i64:
    row = bytearray()
    bits = 0
    for x in range(n):
        bits = (bits << 1) | (x % 3 == 0)
        if x % 8 == 7:
            row.append(bits)
            bits = 0
    row.append(bits & 255)
    total = 0
    for k in range(len(row)):
        total = total * 7 + int(row[k])
    return total * 1000 + len(row)


def append_value(v: i64) -> i64:
    row = bytearray()
    row.append(v)        # ValueError outside range(0, 256), raised by bytearray.append
    return int(row[0])


def missing_method(v: i64) -> i64:
    row = bytearray()
    row.no_such_method(v + 1)
    return 0


def missing_before_argument(v: i64) -> i64:
    row = bytearray()
    row.no_such_method(10 // v)   # AttributeError first, even when v is 0
    return 0


def list_methods(out: list, n: i64) -> i64:
    for k in range(n):
        out.append(k * 2)
    out.insert(0, -1)
    return len(out)
