"""`x in (2, 3)`, `word in ("the", "a")`, `p not in pair`: membership in a tuple.

A tuple's items may have different types, so there is no loop to run: the test is
`x == t[0] or x == t[1] ...`, short-circuiting as Python's `in` stops at the first equal
item.  Python evaluates `x` and every item of a tuple display before comparing, so an
operand that is not a plain name or constant is stored in a temporary first (each
evaluated once, in source order); the comparisons themselves are the ordinary `==` of the
item types (numbers, strings, instances with `__eq__`, tuples), typed by the checker.
"""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler import ir
from fastext.compiler.types import BOOL, ErrorType, Tuple

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker


def applies(fc: "FunctionChecker", node: ast.Compare) -> bool:
    """Whether `node` is `x in t` / `x not in t` with `t` a tuple display or a local tuple."""
    if len(node.ops) != 1 or not isinstance(node.ops[0], (ast.In, ast.NotIn)):
        return False
    right = node.comparators[0]
    if isinstance(right, ast.Tuple):
        return not any(isinstance(e, ast.Starred) for e in right.elts)
    if isinstance(right, ast.Name) and right.id in fc.vars:
        return isinstance(fc.vars[right.id].type, Tuple)
    return False


def contains(fc: "FunctionChecker", node: ast.Compare) -> ir.Expr:
    """The membership test as a chain of `==` (or, for `not in`, of `!=` joined by `and`)."""
    span = fc.span(node)
    negate = isinstance(node.ops[0], ast.NotIn)
    setup: list[ir.Stmt] = []
    right = node.comparators[0]
    left = _stored(fc, node.left, setup)
    if isinstance(left, ir.Expr):
        return left
    if isinstance(right, ast.Tuple):
        items = []
        for e in right.elts:
            item = _stored(fc, e, setup)
            if isinstance(item, ir.Expr):
                return item
            items.append(item)
    else:
        count = len(fc.vars[right.id].type.items)
        items = [ast.copy_location(ast.Subscript(ast.Name(right.id, ast.Load()), ast.Constant(k), ast.Load()),
                                   right) for k in range(count)]
    if not items:
        result: ir.Expr = ir.Const(BOOL, span, negate)
    else:
        op = ast.NotEq() if negate else ast.Eq()
        tests = [ast.copy_location(ast.Compare(left, [op], [item]), node) for item in items]
        joined = tests[0] if len(tests) == 1 else \
            ast.copy_location(ast.BoolOp(ast.And() if negate else ast.Or(), tests), node)
        result = fc.condition(joined)
    return ir.StmtExpr(BOOL, span, setup, result) if setup else result


def _stored(fc: "FunctionChecker", e: ast.expr, setup: list[ir.Stmt]) -> ast.expr | ir.Expr:
    """`e` as an expression that may be read several times: itself when it is a name or a
    constant, else a temporary holding its value (an error expression: its value failed)."""
    if isinstance(e, (ast.Constant, ast.Name)):
        return e
    value = fc.expr(e)
    if isinstance(value.type, ErrorType):
        return value
    fc.temp_count += 1
    name = f"$in{fc.temp_count}"
    var = fc.declare(name, value.type, e)
    setup.append(ir.Assign(fc.span(e), var, value))
    return ast.copy_location(ast.Name(name, ast.Load()), e)
