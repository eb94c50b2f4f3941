"""hex/oct/bin and int(s, base) (lower/text.py: PyNumber_ToBase, PyLong_FromString on ASCII text)."""
from fastext import i64

def rt(n: i64) -> tuple[str, str, str, i64, i64, i64]:
    s = hex(n)
    return s, oct(n), bin(n), int(s, 16), int("  -0x1f ", 16), int("1_000", 0)

def parse(s: str, base: i64) -> i64:
    return int(s, base)
