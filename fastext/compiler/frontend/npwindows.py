"""The window functions of NumPy — `np.hanning`, `np.hamming`, `np.blackman`, `np.bartlett`,
`np.kaiser` — and the modified Bessel function `np.i0` they need, as `.fx` source templates
(frontend/synth.py) that follow NumPy's steps: M read as a float, an empty window below 1, a
one-item window of 1.0 at 1, else the cosine sums over `n = arange(1 - M, M, 2)` (kaiser: over
`arange(0, M)` with `alpha = (M - 1) / 2`).

`np.i0` is summed as its power series sum_k ((x/2)^k / k!)^2 — every term positive, so there is
no cancellation and the relative error stays near (|x| / 2) ulps; NumPy evaluates Cephes'
Chebyshev expansions instead, so results agree to about 1e-15 relative, not to the bit
(docs/numpy-fft.md, "Windows")."""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler import ir, ops
from fastext.compiler.frontend import synth
from fastext.compiler.frontend.arrays import _bind
from fastext.compiler.frontend.shape import value_of
from fastext.compiler.types import Array, Scalar

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

_PI = "3.141592653589793"
_COSINE = {
    "hanning": f"0.5 + 0.5 * np.cos({_PI} * _k / (_M - 1))",
    "hamming": f"0.54 + 0.46 * np.cos({_PI} * _k / (_M - 1))",
    "blackman": f"0.42 + 0.5 * np.cos({_PI} * _k / (_M - 1)) + 0.08 * np.cos(2.0 * {_PI} * _k / (_M - 1))",
    "bartlett": "np.where(_k <= 0, 1 + _k / (_M - 1), 1 - _k / (_M - 1))",
}

# I0(x) by its series; `_x` a float, the sum left in `_s`
_I0 = """\
_q = 0.25 * _x * _x
_t = 1.0
_s = 1.0
_j = 1
while _t > 1e-17 * _s:
    _t = _t * _q / (_j * _j)
    _s += _t
    _j += 1
"""


def _count(fc, bound: dict, name: str, shown: str) -> ir.Expr:
    m = value_of(fc, bound[name])
    if not (isinstance(m.type, Scalar) and (m.type.is_int or m.type.is_float) and not m.type.is_complex):
        raise fc.error(bound[name], f"{shown}() needs a number {name}", f"{shown}(64)")
    return m


def window(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.hanning(M)`, `np.hamming(M)`, `np.blackman(M)`, `np.bartlett(M)`: float64 windows."""
    bound = _bind(fc, node, ["M"], shown, 1)
    m = _count(fc, bound, "M", shown)
    source = f"""\
_M = float(_m)
if _M < 1:
    _r = np.zeros(0)
elif _M == 1:
    _r = np.ones(1)
else:
    _k = np.arange(1 - _M, _M, 2)
    _r = {_COSINE[op.data['kind']]}
"""
    return synth.value(fc, source, node, values={"_m": m})


def kaiser(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.kaiser(M, beta)`: `i0(beta * sqrt(1 - ((n - alpha) / alpha) ** 2.0)) / i0(beta)`."""
    bound = _bind(fc, node, ["M", "beta"], shown, 2)
    m = _count(fc, bound, "M", shown)
    beta = _count(fc, bound, "beta", shown)
    body = "\n".join("    " + line for line in _I0.splitlines())
    source = f"""\
_M = float(_m)
if _M == 1:
    _r = np.ones(1)
else:
    _n = np.arange(0, _M)
    _alpha = (_M - 1) / 2.0
    _arg = float(_beta) * np.sqrt(1 - ((_n - _alpha) / _alpha) ** 2.0)
    _x = float(_beta)
{body}
    _den = _s
    _r = np.empty(_arg.shape[0])
    for _i in range(_arg.shape[0]):
        _x = _arg[_i]
{chr(10).join('    ' + line for line in body.splitlines())}
        _r[_i] = _s / _den
"""
    return synth.value(fc, source, node, values={"_m": m, "_beta": beta})


def i0(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.i0(x)` of a number or a 1-D array of real numbers: float64 (NumPy takes |x|)."""
    bound = _bind(fc, node, ["x"], shown, 1)
    x = value_of(fc, bound["x"])
    t = x.type
    dtype = t.dtype if isinstance(t, Array) else t
    if not isinstance(dtype, Scalar) or dtype.is_complex or not (dtype.is_int or dtype.is_float) or \
            isinstance(t, Array) and t.ndim != 1:
        raise fc.error(bound["x"], f"{shown}() takes a real number or a 1-D array of them, got {t}",
                       "a loop over the rows for more dimensions")
    if isinstance(t, Array):
        body = "\n".join("    " + line for line in _I0.splitlines())
        source = f"_r = np.empty(_a.shape[0])\nfor _i in range(_a.shape[0]):\n    _x = float(_a[_i])\n{body}\n    _r[_i] = _s\n"
        return synth.value(fc, source, node, values={"_a": x})
    source = "_x = float(_a)\n" + _I0 + "_r = np.float64(_s)\n"
    return synth.value(fc, source, node, values={"_a": x})
