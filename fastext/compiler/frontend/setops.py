"""Set and dict operators: `a | b`, `a & b`, `a - b`, `a ^ b` of sets, `d | other` of dicts, and
their in-place forms `|=`, `&=`, `-=`, `^=`, which change the set itself (other names and
containers holding it see the change, as in Python).

Each is a loop over the operands' entries written as `.fx` source (frontend/synth.py).  A new
set lists its items in the order the loops add them: the left operand's first.  CPython orders
a set by hash instead, so only the items, not their order, match CPython's (docs/language.md).
"""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.frontend import synth
from fastext.compiler.types import Dict, Set, article

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

_SET = {
    "|": "_r = _a.copy()\n_r.update(_b)",
    "&": "_r = _a.copy()\n_r.clear()\nfor _x in _a:\n    if _x in _b:\n        _r.add(_x)",
    "-": "_r = _a.copy()\n_r.clear()\nfor _x in _a:\n    if _x not in _b:\n        _r.add(_x)",
    "^": "_r = _a.copy()\n_r.clear()\nfor _x in _a:\n    if _x not in _b:\n        _r.add(_x)\n"
         "for _x in _b:\n    if _x not in _a:\n        _r.add(_x)",
}
OPERATORS = {"|": "union", "&": "intersection", "-": "difference", "^": "symmetric difference"}


def involved(left: ir.Expr, right: ir.Expr) -> bool:
    return isinstance(left.type, (Set, Dict)) or isinstance(right.type, (Set, Dict))


def _check(fc: "FunctionChecker", op: str, a: ir.Expr, b: ir.Expr, node: ast.AST) -> None:
    kind = Set if isinstance(a.type, Set) else Dict
    ok = isinstance(a.type, kind) and isinstance(b.type, kind) and (op in _SET if kind is Set else op == "|")
    if not ok:
        hint = ("sets support | & - ^ with another set; dicts support | with another dict"
                if isinstance(a.type, kind) and isinstance(b.type, kind) else
                "both operands must be sets (or both dicts): convert with set(xs)")
        raise fc.error(node, f"unsupported operand types for {op}: {article(a.type)} and {article(b.type)}", hint)


def binop(fc: "FunctionChecker", op: str, a: ir.Expr, b: ir.Expr, node: ast.AST) -> ir.Expr:
    """`a op b`: a new set (dict); neither operand changes."""
    _check(fc, op, a, b, node)
    return synth.value(fc, _SET[op], node, values={"_a": a, "_b": b})


def augassign(fc: "FunctionChecker", op: str, a: ir.Expr, node: ast.AugAssign) -> list[ir.Stmt]:
    """`a op= b`: `a` itself changed — updated for `|=`, otherwise refilled with the result."""
    b = fc.expr(node.value)
    if isinstance(b.type, T.ErrorType):
        return []
    _check(fc, op, a, b, node)
    source = "_a.update(_b)" if op == "|" else _SET[op] + "\n_a.clear()\n_a.update(_r)"
    effect = synth.effect(fc, source, node, values={"_a": a, "_b": b})
    return [ir.ExprStmt(fc.span(node), effect)]
