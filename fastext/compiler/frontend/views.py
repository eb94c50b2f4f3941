"""Typing of views that move no data (`ops/views.py`)."""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler import ir, ops
from fastext.compiler.types import Array, ErrorType, article

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker


def transpose(fc: "FunctionChecker", node: ast.AST, op: ops.Op, shown: str, receiver: ir.Expr | None = None) -> ir.Expr:
    """`a.T`, `a.transpose()`, `a.transpose(1, 0)`, `np.transpose(a, (1, 0))`."""
    if isinstance(node, ast.Attribute):       # a.T
        array, axes_nodes = receiver, None
    else:
        args = list(node.args)
        if receiver is None:
            if not args:
                raise fc.error(node, f"{shown}() needs an array", f"{shown}(a)")
            array = fc.expr(args.pop(0))
        else:
            array = receiver
        axes_nodes = None
        for kw in node.keywords:
            if kw.arg != "axes":
                raise fc.error(kw.value, f"{shown}() has no parameter `{kw.arg}`", f"{shown}(a, axes=(1, 0))")
            axes_nodes = kw.value
        if args:
            axes_nodes = args[0] if len(args) == 1 else ast.Tuple(elts=args, ctx=ast.Load())
    if isinstance(array.type, ErrorType):
        return array
    if not isinstance(array.type, Array):
        raise fc.error(node, f"{shown} needs an array, got {article(array.type)}", "transpose an array")
    ndim = array.type.ndim
    if axes_nodes is None or isinstance(axes_nodes, ast.Constant) and axes_nodes.value is None:
        axes = list(reversed(range(ndim)))
    else:
        elts = axes_nodes.elts if isinstance(axes_nodes, (ast.Tuple, ast.List)) else [axes_nodes]
        from fastext.compiler.frontend.arrays import constant
        axes = [constant(fc, e, int, "an axis") for e in elts]
        axes = [a % ndim if -ndim <= a < ndim else a for a in axes]
        if sorted(axes) != list(range(ndim)):
            raise fc.error(axes_nodes, f"axes don't match array (a permutation of range({ndim}) is needed)",
                           f"e.g. {tuple(reversed(range(ndim)))}")
    span = fc.span(node)
    return ir.Intrinsic(array.type, span, "array.transpose", [array], {"axes": tuple(axes)})


def part(fc: "FunctionChecker", node: ast.Attribute, op: ops.Op, shown: str, receiver: ir.Expr) -> ir.Expr:
    """`a.real`, `a.imag`: element-wise (np.real / np.imag)."""
    from fastext.compiler.frontend.arrays import elementwise
    return elementwise(fc, ops.get(f"np.{op.data['part']}"), [receiver], node)
