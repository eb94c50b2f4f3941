"""Correctness before timing: every implementation's first call, compared with NumPy's result.

The first call of each implementation is timed too: for Numba it includes the compile
(Numba compiles at the first call with new argument types), which is what the report's
"first call" column and the compile-time comparison use.
"""
from __future__ import annotations

import time

import numpy as np

from .prune import first_line


def compare(expected, got, rtol: float, atol: float, exact: bool) -> str:
    """"exact", "close" (within the case's tolerance) or "differs: <why>"."""
    if isinstance(expected, tuple):
        if not isinstance(got, tuple) or len(got) != len(expected):
            return f"differs: expected a tuple of {len(expected)}, got {type(got).__name__}"
        outs = [compare(e, g, rtol, atol, exact) for e, g in zip(expected, got)]
        bad = [o for o in outs if o.startswith("differs")]
        return bad[0] if bad else ("close" if "close" in outs else "exact")
    if isinstance(expected, np.ndarray):
        if not isinstance(got, np.ndarray):
            return f"differs: expected an array, got {type(got).__name__}"
        if got.shape != expected.shape:
            return f"differs: shape {got.shape}, expected {expected.shape}"
        if got.dtype.kind != expected.dtype.kind:
            return f"differs: dtype {got.dtype}, expected {expected.dtype}"
        if np.array_equal(got, expected, equal_nan=expected.dtype.kind in "fc"):
            return "exact"
        if not exact and np.allclose(got, expected, rtol=rtol, atol=atol, equal_nan=True):
            return "close"
        with np.errstate(all="ignore"):
            diff = np.abs(got.astype(np.float64) - expected.astype(np.float64))
        bad = int(np.count_nonzero(~np.isclose(got, expected, rtol=rtol, atol=atol, equal_nan=True))) \
            if not exact else int(np.count_nonzero(got != expected))
        return f"differs: {bad:,} of {expected.size:,} items, max |difference| {float(np.nanmax(diff)):.3g}"
    if isinstance(got, np.ndarray):
        return f"differs: expected a scalar, got an array of shape {got.shape}"
    e, g = _number(expected), _number(got)
    if e is None or g is None:
        return "exact" if expected == got else f"differs: {got!r}, expected {expected!r}"
    if e == g or (e != e and g != g):
        return "exact"
    if not exact and abs(g - e) <= atol + rtol * abs(e):
        return "close"
    return f"differs: {g!r}, expected {e!r}"


def _number(x):
    if isinstance(x, (bool, np.bool_)):
        return int(x)
    if isinstance(x, (int, float, complex, np.number)):
        return x.item() if isinstance(x, np.generic) else x
    return None


def first_calls(case, args: tuple, impls: dict, expected_impl: str = "numpy") -> dict:
    """Call each implementation once on `args`; {impl: {"outcome", "first_call_s", "error"?}}.

    The outcome is "exact" / "close" / "differs: ..." against the NumPy result, "does not
    compile" (Numba's typing errors surface here, at the first call), or "raised: ...".
    """
    out = {}
    reference = impls[expected_impl].funcs[case.kernel]
    t0 = time.perf_counter()
    try:
        expected = reference(*args)
    except Exception as exc:  # noqa: BLE001  (a broken case: nothing to compare with)
        return {expected_impl: {"outcome": f"raised {type(exc).__name__}: {first_line(exc)}"}}
    out[expected_impl] = {"outcome": "exact", "first_call_s": time.perf_counter() - t0}
    for name, impl in impls.items():
        if name == expected_impl or impl.error or case.kernel not in impl.funcs:
            continue
        t0 = time.perf_counter()
        try:
            got = impl.funcs[case.kernel](*args)
        except Exception as exc:  # noqa: BLE001
            if name == "numba" and _is_numba_compile_error(exc):
                from .impls import numba_reason
                out[name] = {"outcome": "does not compile", "error": numba_reason(exc)}
            else:
                out[name] = {"outcome": f"raised {type(exc).__name__}: {first_line(exc)}"}
            continue
        seconds = time.perf_counter() - t0
        out[name] = {"outcome": compare(expected, got, case.rtol, case.atol, case.exact), "first_call_s": seconds}
    return out


def _is_numba_compile_error(exc: BaseException) -> bool:
    try:
        from numba.core.errors import NumbaError
    except Exception:  # noqa: BLE001
        return False
    return isinstance(exc, NumbaError)
