"""`np.fft`: fft, ifft, rfft, irfft, fftfreq, rfftfreq, fftshift and ifftshift, written as `.fx`
source templates (frontend/synth.py) over operations the dialect already has.

The transforms are one template, `_TRANSFORM`: a length that is a power of two is transformed
in place by the iterative radix-2 algorithm (bit-reversed order, then log2(n) butterfly stages);
any other length n goes through Bluestein's chirp-z identity — the DFT written as a circular
convolution of length M (the power of two >= 2n - 1), done by three radix-2 transforms.
Twiddle factors and chirps are computed directly with cos/sin of a reduced argument (the chirp's
k*k is taken modulo 2n in integers first), never by repeated multiplication, so the error stays
at a few ulps times log2(M): results agree with NumPy's pocketfft to about 1e-14 relative to the
largest item, not to the bit (docs/numpy-fft.md).

Arguments follow NumPy: `n` pads with zeros or truncates the input, `norm` is 'backward' (the
default: the inverse divides by n), 'ortho' (both divide by sqrt(n)) or 'forward'; n < 1 raises
ValueError as NumPy does.  1-D arrays only (the last axis of a 2-D array is a loop the user
writes); the frequency and shift functions take any length.
"""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler import ir, ops
from fastext.compiler.frontend import synth
from fastext.compiler.frontend.arrays import _bind
from fastext.compiler.frontend.shape import array_arg, value_of
from fastext.compiler.types import F64, Scalar

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

# `_x`: the input as complex128 (already padded/truncated to `_n` items by the caller's source);
# `_sign`: -1 forward, +1 inverse; `_scale`: the factor every output item is multiplied by.
# Leaves the transform in `_out` (complex128, `_n` items).
_TRANSFORM = """\
_pow2 = (_n & (_n - 1)) == 0
_M = 1
if _pow2:
    _M = _n
else:
    while _M < 2 * _n - 1:
        _M *= 2
_buf = np.zeros((2, _M), dtype='complex128')
if _pow2:
    _buf[0, :_n] = _x
else:
    _chirp = np.empty(_n, dtype='complex128')
    for _k in range(_n):
        _ang = 3.141592653589793 * ((_k * _k) % (2 * _n)) / _n
        _chirp[_k] = complex(np.cos(_ang), _sign * np.sin(_ang))
        _buf[0, _k] = _x[_k] * _chirp[_k]
        _buf[1, _k] = _chirp[_k].conjugate()
        if _k > 0:
            _buf[1, _M - _k] = _chirp[_k].conjugate()
_half = _M // 2
_cos = np.empty(_half)
_sin = np.empty(_half)
for _k in range(_half):
    _ang = 2.0 * 3.141592653589793 * _k / _M
    _cos[_k] = np.cos(_ang)
    _sin[_k] = np.sin(_ang)
_passes = 1 if _pow2 else 3
for _p in range(_passes):
    _y = _buf[1] if _p == 1 else _buf[0]
    _sg = _sign if _p < 2 else -_sign
    if _p == 2:
        _y *= _buf[1]
    _j = 0
    for _i in range(1, _M):
        _bit = _M >> 1
        while _j & _bit:
            _j ^= _bit
            _bit >>= 1
        _j ^= _bit
        if _i < _j:
            _t = _y[_i]
            _y[_i] = _y[_j]
            _y[_j] = _t
    _len = 2
    while _len <= _M:
        _h = _len // 2
        _step = _M // _len
        for _s in range(0, _M, _len):
            for _k in range(_h):
                _w = complex(_cos[_k * _step], _sg * _sin[_k * _step])
                _u = _y[_s + _k]
                _v = _y[_s + _k + _h] * _w
                _y[_s + _k] = _u + _v
                _y[_s + _k + _h] = _u - _v
        _len *= 2
_out = np.empty(_n, dtype='complex128')
if _pow2:
    for _k in range(_n):
        _out[_k] = _buf[0, _k] * _scale
else:
    for _k in range(_n):
        _out[_k] = _buf[0, _k] * _chirp[_k] * (_scale / _M)
"""

_NORMS = ("backward", "ortho", "forward")


def _norm(fc, bound: dict, shown: str) -> str:
    arg = bound.get("norm")
    if arg is None or isinstance(arg, ast.Constant) and arg.value is None:
        return "backward"
    if isinstance(arg, ast.Constant) and arg.value in _NORMS:
        return arg.value
    raise fc.error(arg, f"{shown}(norm=...) must be the constant 'backward', 'ortho' or 'forward'", "norm='ortho'")


def _scale(norm: str, inverse: bool) -> str:
    """The factor of every output item, as source over the transform's length `_n`."""
    if norm == "ortho":
        return "1.0 / np.sqrt(_n)"
    if (norm == "backward") == inverse:
        return "1.0 / _n"
    return "1.0"


def _vector(fc, bound: dict, node, shown: str, real: bool = False) -> ir.Expr:
    a = array_arg(fc, bound["a"], node, shown)
    t = a.type
    if t.ndim != 1:
        raise fc.error(bound["a"], f"{shown}() of a {t.ndim}-D array is not supported in .fx code",
                       "transform each row: for i in range(a.shape[0]): out[i] = np.fft.fft(a[i])")
    if real and t.dtype.is_complex:
        raise fc.error(bound["a"], f"{shown}() takes a real array, got {t}", "np.fft.fft for complex input")
    if not (t.dtype.is_float or t.dtype.is_complex or t.dtype.is_int or t.dtype.name == "bool"):
        raise fc.error(bound["a"], f"{shown}() needs an array of numbers, got {t}", "a float64 or complex array")
    return a


def _length(fc, bound: dict, default: str) -> tuple[str, dict]:
    """The source of the transform length (`n` given, or `default`) and the values it reads."""
    arg = bound.get("n")
    if arg is None or isinstance(arg, ast.Constant) and arg.value is None:
        return default, {}
    n = value_of(fc, arg)
    if not (isinstance(n.type, Scalar) and n.type.is_int):
        raise fc.error(arg, "n must be an int", "n=256")
    return "_nn", {"_nn": n}


_CHECK_N = """\
if _n < 1:
    raise ValueError(f"Invalid number of FFT data points ({_n}) specified.")
"""


_MIRROR = """\
for _q in range(1, _m):
    if _n - _q > _n // 2:
        _x[_n - _q] = _x[_q].conjugate()
"""


def _transform(fc, node: ast.Call, shown: str, inverse: bool, real_in: bool, default_n: str, kept: str,
               before: str, result: str) -> ir.Expr:
    """A transform call: its arguments bound and checked, the input's first `kept` items copied
    into a zero complex array of the length (`n`, else `default_n`), `before` run on it, then
    `_TRANSFORM`, then `result` (source leaving `_r`)."""
    bound = _bind(fc, node, ["a", "n", "axis", "norm"], shown, 1)
    _last_axis(fc, bound, shown)
    a = _vector(fc, bound, node, shown, real=real_in)
    n_src, values = _length(fc, bound, default_n)
    source = (f"_n = {n_src}\n" + _CHECK_N +
              "_x = np.zeros(_n, dtype='complex128')\n"
              f"_m = min({kept}, _a.shape[0])\n"
              "_x[:_m] = _a[:_m]\n" + before +
              f"_sign = {1.0 if inverse else -1.0}\n"
              f"_scale = {_scale(_norm(fc, bound, shown), inverse)}\n" + _TRANSFORM + result)
    return synth.value(fc, source, node, values={"_a": a, **values})


def fft(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.fft.fft(a, n=None, axis=-1, norm=None)` and `np.fft.ifft` of a 1-D array: complex128."""
    return _transform(fc, node, shown, op.data["inverse"], False, "_a.shape[0]", "_n", "", "_r = _out\n")


def rfft(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.fft.rfft(a, n=None, axis=-1, norm=None)` of a real 1-D array: the n // 2 + 1 items of
    the transform that a real input's Hermitian symmetry does not repeat."""
    return _transform(fc, node, shown, False, True, "_a.shape[0]", "_n", "", "_r = _out[:_n // 2 + 1].copy()\n")


def irfft(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.fft.irfft(a, n=None, axis=-1, norm=None)`: the real signal of n items (default
    2 * (len(a) - 1)) whose rfft is `a` — the full Hermitian spectrum rebuilt from a's first
    n // 2 + 1 items (zeros past its end), inverted, its real part (the imaginary parts of the
    zero and Nyquist items drop out, as in NumPy)."""
    return _transform(fc, node, shown, True, False, "2 * (_a.shape[0] - 1)", "_n // 2 + 1", _MIRROR,
                      "_r = _out.real.copy()\n")


def _last_axis(fc, bound: dict, shown: str) -> None:
    arg = bound.get("axis")
    if arg is not None and not (isinstance(arg, ast.Constant) and arg.value in (-1, 0)):
        raise fc.error(arg, f"{shown}() transforms 1-D arrays: axis must be -1 or 0", "leave axis out")


def fftfreq(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.fft.fftfreq(n, d=1.0)` and `np.fft.rfftfreq(n, d=1.0)`: NumPy's integer ramps (0, 1, ...,
    then -(n // 2), ..., -1 for fftfreq) times 1.0 / (n * d)."""
    bound = _bind(fc, node, ["n", "d"], shown, 1)
    n = value_of(fc, bound["n"])
    if not (isinstance(n.type, Scalar) and n.type.is_int):
        raise fc.error(bound["n"], f"{shown}() needs an int n", f"{shown}(256)")
    d = value_of(fc, bound["d"]) if "d" in bound else ir.Const(F64, fc.span(node), 1.0)
    if not (isinstance(d.type, Scalar) and (d.type.is_int or d.type.is_float)):
        raise fc.error(bound["d"], f"{shown}() needs a number d (the sample spacing)", "d=0.01")
    if op.data["real"]:
        source = "_val = 1.0 / (_n * _d)\n_r = np.arange(0, _n // 2 + 1) * _val\n"
    else:
        source = """\
_val = 1.0 / (_n * _d)
_ints = np.empty(_n, dtype='int64')
_N = (_n - 1) // 2 + 1
_ints[:_N] = np.arange(0, _N)
_ints[_N:] = np.arange(-(_n // 2), 0)
_r = _ints * _val
"""
    return synth.value(fc, source, node, values={"_n": n, "_d": d})


def fftshift(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.fft.fftshift(x, axes=None)` / `ifftshift`: NumPy's np.roll of every axis by n // 2
    (ifftshift: by -(n // 2)); axes=None only."""
    bound = _bind(fc, node, ["x", "axes"], shown, 1)
    if bound.get("axes") is not None and not (isinstance(bound["axes"], ast.Constant) and bound["axes"].value is None):
        raise fc.error(bound["axes"], f"{shown}(axes=...) is not supported in .fx code", "leave axes out: every axis")
    x = array_arg(fc, bound["x"], node, shown)
    nd = x.type.ndim
    sign = "-" if op.data["inverse"] else ""
    if nd == 1:
        source = f"_r = np.roll(_x, {sign}(_x.shape[0] // 2))\n"
    else:
        shifts = ", ".join(f"{sign}(_x.shape[{k}] // 2)" for k in range(nd))
        axes = ", ".join(str(k) for k in range(nd))
        source = f"_r = np.roll(_x, ({shifts}), axis=({axes}))\n"
    return synth.value(fc, source, node, values={"_x": x})
