"""Bit-for-bit comparison of a compiled function with the interpreted one (CPython's own
arithmetic): same value (signs of zeros included, any NaN equal to any NaN, same types,
recursively through tuples and complex parts) or the same exception."""
from __future__ import annotations

import math


def same(a, b) -> bool:
    """Bit-identical, recursively (complex parts, floats, tuples)."""
    if isinstance(a, tuple):
        return isinstance(b, tuple) and len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, complex):
        return type(b) is complex and same(a.real, b.real) and same(a.imag, b.imag)
    if isinstance(a, float):
        return type(b) is float and (math.isnan(a) and math.isnan(b) or a == b and
                                     math.copysign(1, a) == math.copysign(1, b))
    return type(a) is type(b) and a == b


def outcome(fn, *args, errors=(Exception,), messages: bool = True):
    """("ok", value) or ("raise", type[, message]) for the exception types in `errors`."""
    try:
        return "ok", fn(*args)
    except errors as e:
        return ("raise", type(e), str(e)) if messages else ("raise", type(e))


def check(m, py, name, *args, errors=(Exception,), messages: bool = True) -> None:
    """`m.name(*args)` and `py.name(*args)` give the same value or raise the same exception."""
    got = outcome(getattr(m, name), *args, errors=errors, messages=messages)
    want = outcome(getattr(py, name), *args, errors=errors, messages=messages)
    assert got[0] == want[0] and (same(got[1], want[1]) if got[0] == "ok" else got == want), (name, args, got, want)
