"""Typing of the methods of NumPy's ufuncs (`ops/ufuncs.py`: `np.add.outer(a, b)`,
`np.maximum.reduce(a, axis=0)`, `np.add.accumulate(a)`).

`outer` applies any binary ufunc to every pair of items (`a[:, None] op b[None, :]`, one fused
loop).  `at` (`np.add.at(a, idx, b)`) is the scatter of `a[idx] = b` (`index.put`) told to
combine each selected item with its value as it stores (`attrs["at"]`): unbuffered, so a
repeated index counts each time.  `reduce` and `accumulate` exist where the ufunc is one of NumPy's named reductions
(`np.add.reduce` is `np.sum` with `axis=0`, `np.logical_or.reduce` is `np.any`, ...): the call
is typed as that reduction, with the ufunc method's default axis 0.
"""
from __future__ import annotations

import ast
import copy
from typing import TYPE_CHECKING

from fastext.compiler import ir, ops
from fastext.compiler.frontend.arrays import _bind, elementwise
from fastext.compiler.types import BOOL, ERROR, NONE, Array, ErrorType, Scalar, article

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker


def ufunc_method(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.<ufunc>.outer / .reduce / .accumulate (...)`."""
    ufunc = shown.rpartition(".")[0].rpartition(".")[2]      # np.add.outer -> add
    if op.data["method"] == "outer":
        return _outer(fc, node, ops.get(f"np.{ufunc}"), shown)
    if op.data["method"] == "at":
        return _at(fc, node, ops.get(f"np.{ufunc}"), shown)
    call = copy.copy(node)
    # the ufunc methods reduce along axis 0 unless told otherwise (np.sum: the whole array)
    if len(node.args) < 2 and not any(kw.arg == "axis" for kw in node.keywords):
        call.keywords = [*node.keywords, ast.copy_location(ast.keyword("axis", ast.Constant(0)), node)]
    target = ops.get(op.data["targets"][ufunc])
    return target.check(fc, call, target, shown)


def _outer(fc: "FunctionChecker", node: ast.Call, ufunc: ops.Op, shown: str) -> ir.Expr:
    bound = _bind(fc, node, ["A", "B"], shown, 2)
    left, right = (fc.expr(bound[k]) for k in ("A", "B"))
    if isinstance(left.type, ErrorType) or isinstance(right.type, ErrorType):
        return ir.Expr(ERROR, fc.span(node))
    for v in (left, right):
        if isinstance(v.type, Array) and v.type.ndim != 1:
            raise fc.error(node, f"{shown} of a {v.type.ndim}-D array is not supported yet",
                           "pass 1-D arrays, or broadcast: a[:, :, None] op b")
    from fastext.compiler.frontend.linalg import outer_views
    return elementwise(fc, ufunc, outer_views(left, right), node)


def _at(fc: "FunctionChecker", node: ast.Call, ufunc: ops.Op, shown: str) -> ir.Expr:
    """`np.add.at(a, indices, b)`: `a[indices] = np.add(a[indices], b)` item by item in C order of
    the selection, each store seen by the next (a repeated index adds each time).  `indices` is an
    integer array (or a tuple of them and integers, as a subscript); `b` a number or an array
    that broadcasts to the selection, taken as `np.asarray(b)` is (a Python number has its
    default dtype); NumPy's loop for (a.dtype, b's dtype) computes, its result cast to a.dtype
    unsafely, as NumPy's `ufunc.at` does."""
    from fastext.compiler.frontend import indexing
    from fastext.compiler.frontend.arrays import is_strong
    from fastext.compiler.ops import dtypes
    if getattr(fc, "statement_call", None) is not node:
        raise fc.error(node, f"{shown}(...) updates its first argument in place and returns None: it is a "
                             f"statement of its own", f"write `{shown}(a, idx, b)` on its own line")
    bound = _bind(fc, node, ["a", "indices", "b"], shown, 3)
    span = fc.span(node)
    array = fc.expr(bound["a"])
    if isinstance(array.type, ErrorType):
        return ir.Expr(ERROR, span)
    if not isinstance(array.type, Array) or isinstance(array, ir.ArrayMap):
        raise fc.error(bound["a"], f"{shown}() updates an array in place: its first argument must be an array, "
                                   f"not {'an expression' if isinstance(array, ir.ArrayMap) else article(array.type)}",
                       f"{shown}(a, idx, b) with a a variable or a view of one")
    subscript = ast.copy_location(ast.Subscript(value=bound["a"], slice=bound["indices"], ctx=ast.Load()), node)
    plan = indexing._plan(fc, subscript, array, indexing._elts(subscript))
    if isinstance(plan, ir.Expr):
        return plan
    if plan is None or any(a.type.dtype == BOOL for a in plan.args):
        raise fc.error(bound["indices"], f"{shown}() takes integer index arrays here (a boolean mask or plain "
                                         f"integers select each item once)",
                       "for those write a[mask] += b or a[i] += b")
    value = fc.expr(bound["b"])
    if isinstance(value.type, ErrorType):
        return ir.Expr(ERROR, span)
    vt = value.type.dtype if isinstance(value.type, Array) else value.type
    if not isinstance(vt, Scalar) or not isinstance(plan.dtype, Scalar):
        raise fc.error(node, f"{shown}() needs arrays and values of numbers", f"{shown}(a, idx, 1.0)")
    if isinstance(value.type, Array) and value.type.ndim > plan.ndim:
        raise fc.error(bound["b"], f"array is not broadcastable to correct shape: a {value.type.ndim}-D value for "
                                   f"a {plan.ndim}-D selection (ValueError in NumPy)", "one value per selected item")
    key = vt.name if isinstance(value.type, Array) or is_strong(value) or vt.is_bool else \
        "c128" if vt.is_complex else "f64" if vt.is_float else "i64"      # np.asarray(b) of a Python number
    try:
        ins, outs = dtypes.ufunc_loop(ufunc.data["ufunc"], [plan.dtype.name, key])
    except dtypes.NoLoop as e:
        raise fc.error(node, f"{shown}() is not defined for {plan.dtype} and {dtypes.numpy_name(vt)} ({e})",
                       "convert the values first") from None
    if outs[0].is_complex and not plan.dtype.is_complex:
        raise fc.error(node, f"{shown}(): the {dtypes.numpy_name(outs[0])} results cannot be stored into the "
                             f"{dtypes.numpy_name(plan.dtype)} array in .fx code (NumPy drops the imaginary part)",
                       "use a complex array, or real values")
    attrs = {**plan.attrs(), "at": ufunc.name, "loop": (ins[0].name, ins[1].name, outs[0].name)}
    return ir.Intrinsic(NONE, span, "index.put", [plan.view, *plan.args, value], attrs)
