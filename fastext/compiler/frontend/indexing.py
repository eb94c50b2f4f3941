"""NumPy's advanced indexing: boolean masks and integer arrays in subscripts.

`fancy` is asked first by every array subscript; it returns None for basic indexing
(integers, slices, `None`), which `expressions.py` handles as views and items.
"""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler import ir
from fastext.compiler.types import Array

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

_BASIC = (ast.Slice, ast.Constant)


def _array_index(fc: "FunctionChecker", e: ast.expr) -> ir.Expr | None:
    if isinstance(e, _BASIC) or fc.is_newaxis(e):
        return None
    value = fc.expr(e)
    return value if isinstance(value.type, Array) else None


def fancy(fc: "FunctionChecker", node: ast.Subscript, base: ir.Expr, elts: list[ast.expr]) -> ir.Expr | None:
    """`a[mask]`, `a[idx]`: None when every index is basic."""
    found = [(e, v) for e in elts if (v := _array_index(fc, e)) is not None]
    if not found:
        return None
    e, value = found[0]
    raise fc.error(e, "indexing with an array (a boolean mask or integer indices) is not supported yet",
                   "loop over the items: for i in range(len(a)): if m[i]: ...")


def nonzero(fc: "FunctionChecker", node: ast.Call, value: ir.Expr, shown: str) -> ir.Expr:
    raise fc.error(node, f"{shown}(condition) with one argument is not supported yet",
                   "loop over the items and collect the indices")
