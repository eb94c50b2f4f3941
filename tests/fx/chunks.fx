"""Calls that carve many small objects from arena chunks (tests/test_chunk_cache.py)."""
from fastext import f64, i64


def many_small(n: i64) -> i64:
    rows = [[i, i + 1, i + 2] for i in range(n)]
    total = 0
    for r in rows:
        total += r[0] + r[2]
    return total


def small_then_array(n: i64) -> list[list[f64]]:
    rows = [[float(i), 0.5] for i in range(n)]
    return rows[n // 2:]
