"""NumPy functions that are compositions of other operations (`ops/ufuncs.py`, `ops/creation.py`,
`ops/shape.py` declare them): typed here as the typed IR of the operations NumPy's own Python
code applies — `np.logspace` is `np.power(base, np.linspace(...))`, `np.select` nested
`np.where`s — so they need no lowering of their own and fuse like any array expression.
"""
from __future__ import annotations

import ast
import math
from typing import TYPE_CHECKING

import numpy

from fastext.compiler import ir, ops
from fastext.compiler.frontend.arrays import _bind, _elem_type, elementwise
from fastext.compiler.frontend.shape import array_arg, sequence, value_of
from fastext.compiler.types import BOOL, F64, I64, Array, Scalar, Tuple, article

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker


def _f(fc: "FunctionChecker", node: ast.AST, name: str, *args: ir.Expr) -> ir.Expr:
    return elementwise(fc, ops.get(f"np.{name}"), list(args), node)


def divmod_call(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.divmod(x1, x2)`: the tuple (x1 // x2, x1 % x2), NumPy's floor division and remainder."""
    bound = _bind(fc, node, ["x1", "x2"], shown, 2)
    x1, x2 = value_of(fc, bound["x1"]), value_of(fc, bound["x2"])
    q, r = _f(fc, node, "floor_divide", x1, x2), _f(fc, node, "remainder", x1, x2)
    return ir.MakeTuple(Tuple((q.type, r.type)), fc.span(node), [q, r])


def nan_to_num(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.nan_to_num(x, copy=True, nan=0.0, posinf=None, neginf=None)` of real numbers: NaN and
    the infinities replaced (by default with the dtype's largest finite values)."""
    bound = _bind(fc, node, ["x", "copy", "nan", "posinf", "neginf"], shown, 1)
    if "copy" in bound and not (isinstance(bound["copy"], ast.Constant) and bound["copy"].value is True):
        raise fc.error(bound["copy"], f"{shown}(copy=False) is not supported: the result is a new array",
                       "assign it back: x[...] = np.nan_to_num(x)")
    x = value_of(fc, bound["x"])
    t = _elem_type(x)
    if not isinstance(t, Scalar) or t.is_complex:
        raise fc.error(node, f"{shown}() of {article(x.type)} is not supported", "real numbers")
    if not t.is_float:
        return x if not isinstance(x.type, Array) else elementwise(fc, ops.get("np.positive"), [x], node)
    span = fc.span(node)
    big = float(numpy.finfo(numpy.float32 if t.bits == 32 else numpy.float64).max)

    def given(name: str, default: float) -> ir.Expr:
        value = bound.get(name)
        if value is None or isinstance(value, ast.Constant) and value.value is None:
            return fc.convert(ir.Const(F64, span, default), t)
        return value_of(fc, value)

    out = _f(fc, node, "where", _f(fc, node, "equal", x, ir.Const(F64, span, -math.inf)), given("neginf", -big), x)
    out = _f(fc, node, "where", _f(fc, node, "equal", x, ir.Const(F64, span, math.inf)), given("posinf", big), out)
    out = _f(fc, node, "where", _f(fc, node, "isnan", x), given("nan", 0.0), out)
    return out


def select(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.select(condlist, choicelist, default=0)`: the first choice whose condition holds, as
    NumPy's `where`s from the last pair to the first (one fused loop)."""
    bound = _bind(fc, node, ["condlist", "choicelist", "default"], shown, 2)
    conds, choices = sequence(fc, bound["condlist"], shown), _values(fc, bound["choicelist"], shown)
    if len(conds) != len(choices):
        raise fc.error(node, "list of cases must be same length as list of conditions (ValueError in NumPy)",
                       "one choice per condition")
    for c in conds:
        if _elem_type(c) != BOOL:
            raise fc.error(node, "invalid entry in condlist: should be boolean ndarray (TypeError in NumPy)",
                           "conditions are comparisons: x > 0")
    out = value_of(fc, bound["default"]) if "default" in bound else ir.Const(I64, fc.span(node), 0)
    for cond, choice in reversed(list(zip(conds, choices))):
        out = _f(fc, node, "where", cond, choice, out)
    return out


def _values(fc: "FunctionChecker", arg: ast.expr, shown: str) -> list[ir.Expr]:
    """The items of a list/tuple literal: arrays or numbers."""
    if not isinstance(arg, (ast.Tuple, ast.List)):
        return sequence(fc, arg, shown)
    return [value_of(fc, e) for e in arg.elts]


def logspace(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.logspace(start, stop, num=50, endpoint=True, base=10.0)`: base ** np.linspace(...)."""
    bound = _bind(fc, node, ["start", "stop", "num", "endpoint", "base", "dtype", "axis"], shown, 2)
    for name in ("dtype", "axis"):
        if name in bound:
            raise fc.error(bound[name], f"{shown}({name}=...) is not supported in .fx code", "drop it")
    keywords = [ast.keyword(k, bound[k]) for k in ("start", "stop", "num", "endpoint") if k in bound]
    linspace = ops.get("array.linspace")
    grid = linspace.check(fc, ast.copy_location(ast.Call(func=node.func, args=[], keywords=keywords), node),
                          linspace, "np.linspace")
    base = value_of(fc, bound["base"]) if "base" in bound else ir.Const(F64, fc.span(node), 10.0)
    return _f(fc, node, "power", base, grid)


def atleast(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.atleast_1d/2d/3d(a)` of one array: the array, or a view with axes of size 1 added as
    NumPy adds them ((N,) → (1, N) → (1, N, 1); (M, N) → (M, N, 1))."""
    bound = _bind(fc, node, ["a"], shown, 1)
    array = array_arg(fc, bound["a"], node, shown)
    want, ndim = op.data["ndim"], array.type.ndim
    if ndim >= want:
        return array
    if want == 2 or ndim == 2:
        shape = ["new", ":"] if want == 2 else [":", ":", "new"]
    else:
        shape = ["new", ":", "new"]
    items = [ir.SliceItem(newaxis=True) if s == "new" else ir.SliceItem() for s in shape]
    return ir.ArraySlice(Array(array.type.dtype, want), fc.span(node), array, items)

