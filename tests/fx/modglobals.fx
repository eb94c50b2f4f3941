"""Module numbers that functions assign with `global` (tests/test_module_globals.py)."""
from fastext import f64, i64

COUNT = 0
SCALE = 1.5
LIMIT = 10


def bump(n: i64) -> i64:
    global COUNT
    for i in range(n):
        COUNT += 1
    return COUNT


def reset() -> None:
    global COUNT, SCALE
    COUNT = 0
    SCALE = SCALE * 2


def read() -> tuple[i64, f64, i64]:
    return COUNT, SCALE, LIMIT
