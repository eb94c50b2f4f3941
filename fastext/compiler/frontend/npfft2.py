"""The 2-D transforms of `np.fft` — fft2, ifft2, rfft2, irfft2, and fftn / ifftn of 1-D and 2-D
arrays — written as `.fx` source (frontend/synth.py) over the 1-D transforms of npfft.py, in the
order NumPy's `_raw_fftnd` applies them: the last axis first (each row), then axis 0 (each
column of that result).  irfft2 is NumPy's irfftn: ifft of each column, then irfft of each row.
So they carry the 1-D transforms' accuracy (about 1e-15 of the largest item against pocketfft),
not NumPy's bits (docs/numpy-fft.md).
"""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler import ir, ops
from fastext.compiler.frontend import synth
from fastext.compiler.frontend.arrays import _bind
from fastext.compiler.frontend.npfft import _norm
from fastext.compiler.frontend.shape import array_arg
from fastext.compiler.types import Scalar, article

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

_ZERO = "Invalid number of FFT data points (0) specified."


def transform2(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.fft.fft2(a, s=None, axes=(-2, -1), norm=None)` and its kin (op.data["kind"]: fft,
    ifft, rfft, irfft; op.data["nd"]: whether any rank 1 or 2 is taken, as fftn)."""
    kind, nd = op.data["kind"], op.data["nd"]
    bound = _bind(fc, node, ["a", "s", "axes", "norm", "out"], shown, 1)
    for name in ("s", "axes", "out"):
        arg = bound.get(name)
        if arg is not None and not (isinstance(arg, ast.Constant) and arg.value is None):
            raise fc.error(arg, f"{shown}({name}=...) is not supported in .fx code",
                           "transform every axis of a 2-D array at its own length")
    norm = _norm(fc, bound, shown)
    a = array_arg(fc, bound["a"], node, shown)
    t = a.type.dtype
    if not isinstance(t, Scalar) or kind == "rfft" and t.is_complex:
        raise fc.error(bound["a"], f"{shown}() of {article(a.type)} is not supported",
                       "real numbers" if kind == "rfft" else "numbers")
    ndim = a.type.ndim
    if ndim != 2 and not (nd and ndim == 1):
        raise fc.error(bound["a"], f"{shown}() of a {ndim}-D array is not supported in .fx code",
                       "2-D arrays" + (" (1-D: np.fft.fft)" if not nd else ""))
    one = {"fft": "fft", "ifft": "ifft", "rfft": "rfft", "irfft": "irfft"}[kind]
    if ndim == 1:
        source = f"_r = np.fft.{one}(_a, norm={norm!r})\n"
        return synth.value(fc, source, node, values={"_a": a})
    if kind == "irfft":         # NumPy's irfftn: the columns first, then the rows' irfft
        source = f"""\
_m = _a.shape[0]
_k = _a.shape[1]
if _m == 0 or _k == 0:
    raise ValueError({_ZERO!r})
_c = np.empty((_m, _k), dtype='complex128')
for _j in range(_k):
    _c[:, _j] = np.fft.ifft(_a[:, _j], norm={norm!r})
_n = 2 * (_k - 1)
if _n < 1:
    raise ValueError({_ZERO!r})
_r = np.empty((_m, _n), dtype='float64')
for _i in range(_m):
    _r[_i] = np.fft.irfft(_c[_i], norm={norm!r})
"""
        return synth.value(fc, source, node, values={"_a": a})
    # One call site of the 1-D transform for both passes (rows k < m, then columns), so the
    # template is instantiated once: each instance of a 1-D FFT is a large body to compile.
    # rfft2 is fft2 of the rows' first n // 2 + 1 columns (what fastext's rfft keeps of the fft).
    one = "ifft" if kind == "ifft" else "fft"
    width = "_n // 2 + 1" if kind == "rfft" else "_n"
    source = f"""\
_m = _a.shape[0]
_n = _a.shape[1]
if _m == 0 or _n == 0:
    raise ValueError({_ZERO!r})
_r = np.empty((_m, _n), dtype='complex128')
_r[...] = _a
for _k in range(_m + {width}):
    _v = _r[_k] if _k < _m else _r[:, _k - _m]
    _w = np.fft.{one}(_v, norm={norm!r})
    if _k < _m:
        _r[_k] = _w
    else:
        _r[:, _k - _m] = _w
"""
    if kind == "rfft":
        source += f"_r = _r[:, :{width}].copy()\n"
    return synth.value(fc, source, node, values={"_a": a})
