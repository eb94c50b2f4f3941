"""Typing of the methods of NumPy's ufuncs (`ops/ufuncs.py`: `np.add.outer(a, b)`,
`np.maximum.reduce(a, axis=0)`, `np.add.accumulate(a)`).

`outer` applies any binary ufunc to every pair of items (`a[:, None] op b[None, :]`, one fused
loop).  `reduce` and `accumulate` exist where the ufunc is one of NumPy's named reductions
(`np.add.reduce` is `np.sum` with `axis=0`, `np.logical_or.reduce` is `np.any`, ...): the call
is typed as that reduction, with the ufunc method's default axis 0.
"""
from __future__ import annotations

import ast
import copy
from typing import TYPE_CHECKING

from fastext.compiler import ir, ops
from fastext.compiler.frontend.arrays import _bind, elementwise
from fastext.compiler.types import ERROR, Array, ErrorType

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker


def ufunc_method(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.<ufunc>.outer / .reduce / .accumulate (...)`."""
    ufunc = shown.rpartition(".")[0].rpartition(".")[2]      # np.add.outer -> add
    if op.data["method"] == "outer":
        return _outer(fc, node, ops.get(f"np.{ufunc}"), shown)
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

    def axis(v: ir.Expr, first: bool) -> ir.Expr:
        if not isinstance(v.type, Array):
            return v
        items = [ir.SliceItem(), ir.SliceItem(newaxis=True)] if first else [ir.SliceItem(newaxis=True)]
        return ir.ArraySlice(Array(v.type.dtype, 2), v.span, v, items)

    return elementwise(fc, ufunc, [axis(left, True), axis(right, False)], node)
