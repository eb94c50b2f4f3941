"""Operations written as `.fx` source and checked in place: a stable sort, a set operator, a
list comparison is a few loops over values the front end already types, so it is typed as
those loops (the way comprehensions are, frontend/lists.py) instead of getting a lowering of
its own.  The loops then fuse, inline and bounds-check like any other code.

A template's names that start with `_` are its own: values handed in are bound to fresh
temporaries (each evaluated once, in order), function values to fresh local function names,
and every other `_` name gets a fresh `$` name, so two uses in one function never share a
variable and none can clash with the user's names.  Every node takes the location of the
construct it implements, so errors point at the user's code.  A template spells NumPy `np`.
"""
from __future__ import annotations

import ast
import itertools
import textwrap
from typing import TYPE_CHECKING

from fastext.compiler import ir
from fastext.compiler import types as T

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

_uses = itertools.count(1)

# What a template's `np` becomes: a name no source can spell, which `calls.numpy_name` reads as
# the module numpy (so `np.diff(_y)` in a template is NumPy's even where the user never imported it).
NUMPY = "np$numpy"


class _Names(ast.NodeTransformer):
    def __init__(self, names: dict[str, str], where: ast.AST):
        self.names, self.where = names, where

    def generic_visit(self, node: ast.AST) -> ast.AST:
        super().generic_visit(node)
        if hasattr(node, "lineno") or isinstance(node, (ast.expr, ast.stmt)):
            ast.copy_location(node, self.where)
        return node

    def visit_Name(self, node: ast.Name) -> ast.AST:
        if node.id == "np":          # NumPy, whatever name (if any) the user's module imports it as
            node.id = NUMPY
        elif node.id.startswith("_") and node.id != "_":
            node.id = self.names.setdefault(node.id, f"{node.id}$s{next(_uses)}")
        return ast.copy_location(node, self.where)


def statements(fc: "FunctionChecker", source: str, where: ast.AST, values: dict[str, ir.Expr] | None = None,
               funcs: dict[str, object] | None = None, calls: dict[str, object] | None = None
               ) -> tuple[list[ir.Stmt], dict[str, str], bool]:
    """`source` checked as statements at `where`: (the typed statements, the template's names
    as renamed, whether it checked without errors).  `values`: `_name` -> a typed expression
    bound to a temporary first; `funcs`: `_name` -> a `FuncValue` (frontend/funcvals.py);
    `calls`: `_name` -> `typing(fc, call_node) -> ir.Expr`, what a call `_name(...)` is (a
    registry operation that has no spelling of its own, e.g. `pyrandom.below`)."""
    names: dict[str, str] = {}
    out: list[ir.Stmt] = []
    span = fc.span(where)
    for name, value in (values or {}).items():
        temp = fc.new_temp(value.type, where)
        fc.vars[temp.name] = temp
        names[name] = temp.name
        out.append(ir.Assign(span, temp, value))
    for name, fv in (funcs or {}).items():
        names[name] = f"{name}$f{next(_uses)}"
        fc.funcvals[names[name]] = fv
    if calls:
        if not hasattr(fc, "synth_calls"):
            fc.synth_calls = {}
        for name, typing in calls.items():
            names[name] = f"{name}$c{next(_uses)}"
            fc.synth_calls[names[name]] = typing
    tree = ast.parse(textwrap.dedent(source))
    tree = _Names(names, where).visit(tree)
    ast.fix_missing_locations(tree)
    before = len(fc.diags.items)
    out += fc.block(tree.body)
    return out, names, len(fc.diags.items) == before


def value(fc: "FunctionChecker", source: str, where: ast.AST, result: str = "_r", **kw) -> ir.Expr:
    """The value `source` leaves in its variable `result`, as one expression (`ir.StmtExpr`);
    an error-typed expression when the template had errors (already reported)."""
    stmts, names, ok = statements(fc, source, where, **kw)
    span = fc.span(where)
    var = fc.vars.get(names.get(result, ""))
    if not ok or var is None:
        return ir.Expr(T.ERROR, span)
    return ir.StmtExpr(var.type, span, stmts, ir.Load(var.type, span, var))


def effect(fc: "FunctionChecker", source: str, where: ast.AST, **kw) -> ir.Expr:
    """`source` run for its effect, as an expression of no value (a method call statement)."""
    stmts, _, ok = statements(fc, source, where, **kw)
    span = fc.span(where)
    if not ok:
        return ir.Expr(T.ERROR, span)
    return ir.StmtExpr(T.NONE, span, stmts, ir.Const(T.BOOL, span, False))
