"""Do two implementations agree?  `same(a, b, rtol)` -> None when they do, else a short reason.

Exact for ints, bools, strings, None and containers of them; NumPy arrays must have the
same shape and equal items (`np.array_equal`, NaN equal to NaN); floats must be equal
(NaN equal to NaN) or, with `rtol > 0`, within `rtol` of each other.  NumPy scalars are
compared as the Python numbers they hold (Numba and NumPy return those).
"""
from __future__ import annotations

import math

_MAX_REPR = 60


def short(value) -> str:
    """A one-line repr, cut to a readable length."""
    try:
        import numpy as np
        if isinstance(value, np.ndarray):
            return f"array(shape={value.shape}, dtype={value.dtype})"
    except ImportError:  # pragma: no cover - numpy is a dependency
        pass
    text = repr(value).replace("\n", " ")
    return text if len(text) <= _MAX_REPR else text[: _MAX_REPR - 3] + "..."


def _plain(value):
    item = getattr(value, "item", None)
    if item is not None and getattr(value, "ndim", None) == 0 and getattr(value, "shape", None) == ():
        return item()
    return value


def same(a, b, rtol: float = 0.0, where: str = "") -> str | None:
    """None if `a` and `b` agree, else a description of the first difference."""
    import numpy as np

    a, b = _plain(a), _plain(b)
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        if not (isinstance(a, np.ndarray) and isinstance(b, np.ndarray)):
            return f"{where}{short(a)} vs {short(b)}"
        if a.shape != b.shape:
            return f"{where}shapes differ: {a.shape} vs {b.shape}"
        floating = a.dtype.kind in "fc" or b.dtype.kind in "fc"
        if floating and rtol > 0:
            equal = np.isclose(a, b, rtol=rtol, atol=0.0, equal_nan=True)
        elif floating:
            equal = (a == b) | (np.isnan(a) & np.isnan(b))
        else:
            equal = a == b
        equal = np.asarray(equal)
        if equal.all():
            return None
        bad = np.argwhere(~equal) if equal.ndim else [()]
        first = tuple(int(i) for i in bad[0])
        return (f"{where}arrays differ at {len(bad)} of {a.size} positions, first at "
                f"{list(first) if first else '()'}: {short(a[first])} vs {short(b[first])}")
    if isinstance(a, (tuple, list)) and isinstance(b, (tuple, list)):
        if len(a) != len(b):
            return f"{where}{short(a)} vs {short(b)} (lengths {len(a)} and {len(b)})"
        for i, (x, y) in enumerate(zip(a, b)):
            reason = same(x, y, rtol, f"{where}[{i}] ")
            if reason:
                return reason
        return None
    if isinstance(a, bool) or isinstance(b, bool):
        return None if type(a) is type(b) and a == b else f"{where}{short(a)} vs {short(b)}"
    if isinstance(a, float) or isinstance(b, float):
        if isinstance(a, (int, float)) and isinstance(b, (int, float)):
            if a == b or (math.isnan(a) and math.isnan(b)):
                return None
            if rtol > 0 and math.isclose(a, b, rel_tol=rtol, abs_tol=0.0):
                return None
        return f"{where}{short(a)} vs {short(b)}"
    try:
        equal = a == b
        if isinstance(equal, bool) and equal:
            return None
    except Exception:  # noqa: BLE001 - a type without a usable ==
        pass
    return f"{where}{short(a)} vs {short(b)}"
