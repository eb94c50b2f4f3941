"""Typing of `cmath` calls and constants (`import cmath`, `from cmath import sqrt, pi`).

Arguments are any numbers, converted to c128 first as CPython's cmath does (`rect`
takes two reals); results are c128 (`phase` f64, `polar` tuple[f64, f64], the
`is*` tests bool).  Lowered by `compiler/lower/cmath.py`.
"""
from __future__ import annotations

import ast
import cmath
from typing import TYPE_CHECKING

from fastext.compiler import ir
from fastext.compiler.types import BOOL, C128, F64, ErrorType, Scalar, Tuple

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

_UNARY = ("sqrt", "exp", "log10", "sin", "cos", "tan", "sinh", "cosh", "tanh",
          "asin", "acos", "atan", "asinh", "acosh", "atanh")
# name → (allowed argument counts, result type)
CMATH_FUNCS = {
    **{name: ((1,), C128) for name in _UNARY},
    "log": ((1, 2), C128),
    "phase": ((1,), F64),
    "polar": ((1,), Tuple((F64, F64))),
    "rect": ((2,), C128),
    "isnan": ((1,), BOOL),
    "isinf": ((1,), BOOL),
    "isfinite": ((1,), BOOL),
    "isclose": ((2,), BOOL),
}
ISCLOSE_DEFAULTS = {"rel_tol": 1e-09, "abs_tol": 0.0}
CMATH_CONSTANTS = {name: (getattr(cmath, name), C128 if name.endswith("j") else F64)
                   for name in ("pi", "e", "tau", "inf", "nan", "infj", "nanj")}


def cmath_call(fc: "FunctionChecker", node: ast.Call, name: str) -> ir.Expr:
    """`cmath.NAME(args)`: arity and argument kinds checked, arguments converted."""
    from fastext.compiler.frontend.calls import _no_keywords, _scalar_args
    counts, result = CMATH_FUNCS[name]
    if name == "isclose":
        return _isclose(fc, node)
    _no_keywords(fc, node, f"cmath.{name}")
    if len(node.args) not in counts:
        usage = {"log": "cmath.log(z) or cmath.log(z, base)", "rect": "cmath.rect(r, phi)"}.get(name, f"cmath.{name}(z)")
        want = " or ".join(map(str, counts))
        raise fc.error(node, f"cmath.{name} takes {want} argument{'s' if counts[-1] > 1 else ''}, "
                             f"got {len(node.args)}", usage)
    args = _scalar_args(fc, node, f"cmath.{name}", real=name == "rect")
    target = F64 if name == "rect" else C128
    return ir.Intrinsic(result, fc.span(node), f"cmath.{name}", [fc.convert(a, target) for a in args])


def supported() -> str:
    return ", ".join(sorted(CMATH_FUNCS) + sorted(CMATH_CONSTANTS))


def _isclose(fc: "FunctionChecker", node: ast.Call) -> ir.Expr:
    """`cmath.isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)`."""
    from fastext.compiler.frontend.calls import _Poisoned, _scalar_args
    usage = "cmath.isclose(a, b, rel_tol=1e-09, abs_tol=0.0) (tolerances by keyword)"
    if len(node.args) != 2:
        raise fc.error(node, f"cmath.isclose takes 2 positional arguments, got {len(node.args)}", usage)
    a, b = _scalar_args(fc, node, "cmath.isclose")
    tolerances = {}
    for kw in node.keywords:
        if kw.arg not in ISCLOSE_DEFAULTS or kw.arg in tolerances:
            raise fc.error(kw.value, f"cmath.isclose got an unexpected or repeated keyword `{kw.arg}`", usage)
        value = fc.expr(kw.value)
        if isinstance(value.type, ErrorType):
            raise _Poisoned
        if not (isinstance(value.type, Scalar) and value.type.is_real):
            raise fc.error(kw.value, f"`{kw.arg}` of cmath.isclose must be a real number", usage)
        tolerances[kw.arg] = fc.convert(value, F64)
    span = fc.span(node)
    tols = [tolerances.get(k, ir.Const(F64, span, v)) for k, v in ISCLOSE_DEFAULTS.items()]
    return ir.Intrinsic(BOOL, span, "cmath.isclose", [fc.convert(a, C128), fc.convert(b, C128), *tols])
