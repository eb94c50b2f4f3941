"""`functools.reduce(f, xs[, initial])` in `.fx` code, as the loop CPython runs.

The accumulator starts as `initial`, or as the first item (a TypeError for an empty iterable, with
CPython's message), and becomes `f(acc, x)` for each further item.  `f` is any function value
(a module function, a lambda, a nested `def`, a builtin such as `max`): the call is direct.
"""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler import ir

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

def check_reduce(fc: "FunctionChecker", node: ast.Call, op, shown: str, receiver=None) -> ir.Expr:
    """`reduce(f, xs)` / `reduce(f, xs, initial)`: a statement expression over the loop."""
    args = list(node.args)
    for kw in node.keywords:
        if kw.arg != "initial" or len(args) != 2:
            raise fc.error(kw.value if kw.arg else node, f"{shown}() takes its arguments by position "
                           "(and `initial=`)", f"{shown}(function, iterable[, initial])")
        args.append(kw.value)
    if len(args) not in (2, 3):
        raise fc.error(node, f"{shown}() takes 2 or 3 arguments, got {len(args)}",
                       f"{shown}(function, iterable[, initial])")
    n = f"{node.lineno}_{node.col_offset}"     # the same names when the body is checked again (promotion)
    acc, item, started, fn = f"$ra{n}", f"$rx{n}", f"$rs{n}", f"$rf{n}"
    name = lambda v, ctx=ast.Load: ast.Name(v, ctx())   # noqa: E731
    stmts: list[ast.stmt] = []
    func = args[0]
    if isinstance(func, ast.Lambda):    # bound once, called at each item
        stmts.append(ast.Assign([name(fn, ast.Store)], func))
        func = name(fn)
    step = ast.Assign([name(acc, ast.Store)], ast.Call(func, [name(acc), name(item)], []))
    if len(args) == 3:
        stmts += [ast.Assign([name(acc, ast.Store)], args[2]),
                  ast.For(name(item, ast.Store), args[1], [step], [], None)]
    else:
        stmts += [ast.Assign([name(started, ast.Store)], ast.Constant(False)),
                  ast.For(name(item, ast.Store), args[1], [
                      ast.If(ast.UnaryOp(ast.Not(), name(started)), [
                          ast.Assign([name(acc, ast.Store)], name(item)),
                          ast.Assign([name(started, ast.Store)], ast.Constant(True))], [step])], [], None),
                  ast.If(ast.UnaryOp(ast.Not(), name(started)), [ast.Raise(ast.Call(name("TypeError"), [
                      ast.Constant("reduce() of empty iterable with no initial value")], []), None)], [])]
    from fastext.compiler.frontend.generators import statements_value
    return statements_value(fc, node, stmts, acc)
