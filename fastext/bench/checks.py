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


def float_gap(a, b) -> float | None:
    """The largest relative difference between `a` and `b` when they differ only in floating-point
    values (same structure, shapes, non-float items equal); None when they differ otherwise."""
    import numpy as np

    a, b = _plain(a), _plain(b)
    if isinstance(a, np.ndarray) and isinstance(b, np.ndarray):
        if a.shape != b.shape or not (a.dtype.kind in "fc" or b.dtype.kind in "fc"):
            return None
        wide = np.complex128 if "c" in a.dtype.kind + b.dtype.kind else np.float64
        x, y = a.astype(wide), b.astype(wide)
        both_nan = np.isnan(x) & np.isnan(y)
        if np.any(np.isnan(x) != np.isnan(y)) or np.any(np.isinf(x) & (x != y)):
            return None
        scale = np.maximum(np.abs(x), np.abs(y))
        diff = np.where(both_nan | (x == y), 0.0, np.abs(x - y) / np.where(scale == 0, 1.0, scale))
        return float(diff.max()) if diff.size else 0.0
    if isinstance(a, (tuple, list)) and isinstance(b, (tuple, list)):
        if len(a) != len(b):
            return None
        gaps = [float_gap(x, y) for x, y in zip(a, b)]
        return None if any(g is None for g in gaps) else max(gaps, default=0.0)
    if isinstance(a, (float, complex)) or isinstance(b, (float, complex)):
        if isinstance(a, bool) or isinstance(b, bool) or not all(isinstance(v, (int, float, complex)) for v in (a, b)):
            return None
        if a == b or (a != a and b != b):
            return 0.0
        if a != a or b != b or abs(a) == float("inf") or abs(b) == float("inf"):
            return None
        return abs(a - b) / max(abs(a), abs(b))
    return 0.0 if same(a, b) is None else None


def rtol_hint(a, b) -> str:
    """For two results that differ only by floating-point rounding, say so and which --rtol accepts it."""
    gap = float_gap(a, b)
    if gap is None or gap == 0.0 or gap > 1e-6:
        return ""
    import math
    suggest = 10.0 ** math.ceil(math.log10(gap * 10))
    return (f" (floating-point results differ by a relative {gap:.1e}: the order of additions differs, e.g. in a "
            f"prange reduction or a vectorised sum; accept such differences with --rtol {suggest:.0e})")
