"""Typing of `print(...)` and the `sys` subset `.fx` code may use (docs/language.md, "Printing").

`print` is Python's own builtin, called with the boxed values and its keywords (`sep`, `end`,
`file`, `flush`), and `sys.stdout`/`sys.stderr`/`sys.stdin` are read with PySys_GetObject at
each use: text goes through the very objects Python code writes to at that moment, so it
interleaves with the caller's prints and `redirect_stdout`, pytest's capture or a notebook see
it.  `sys.maxsize` is a constant; other `sys` names are compile errors.
"""
from __future__ import annotations

import ast
import sys
from typing import TYPE_CHECKING

from fastext.compiler import ir
from fastext.compiler.types import I64, OBJECT

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

STREAMS = ("stdout", "stderr", "stdin")
PRINT_KEYWORDS = ("sep", "end", "file", "flush")


def print_call(fc: "FunctionChecker", node: ast.Call) -> ir.Expr:
    """`print(a, b, sep=..., end=..., file=sys.stderr, flush=True)`."""
    from fastext.compiler.frontend.text import boxed
    span = fc.span(node)
    args = []
    for a in node.args:
        if isinstance(a, ast.Starred):
            raise fc.error(a, "print(*args) is not supported in .fx code", "pass the values one by one")
        args.append(boxed(fc, fc.expr(a), a))
    names = []
    for kw in node.keywords:
        if kw.arg not in PRINT_KEYWORDS:
            raise fc.error(kw.value if kw.arg is None else kw, f"print() has no keyword `{kw.arg}`"
                           if kw.arg is not None else "print(**kwargs) is not supported",
                           f"print's keywords: {', '.join(PRINT_KEYWORDS)}")
        if isinstance(kw.value, ast.Constant) and kw.value.value is None:
            args.append(ir.ObjConst(OBJECT, fc.span(kw.value), None))
        else:
            args.append(boxed(fc, fc.expr(kw.value), kw.value))
        names.append(kw.arg)
    target = ir.Intrinsic(OBJECT, span, "py.builtin", [], {"name": "print"})
    return ir.ObjCall(OBJECT, span, target, None, args, tuple(names))


def attribute(fc: "FunctionChecker", node: ast.Attribute) -> ir.Expr:
    """`sys.stdout`, `sys.stderr`, `sys.stdin` (objects, looked up now), `sys.maxsize`."""
    span = fc.span(node)
    if node.attr in STREAMS:
        return ir.Intrinsic(OBJECT, span, "py.sys", [], {"name": node.attr})
    if node.attr == "maxsize":
        return ir.Const(I64, span, sys.maxsize)
    raise fc.error(node, f"sys.{node.attr} is not available in .fx code",
                   "only sys.stdout, sys.stderr, sys.stdin and sys.maxsize; pass other values as parameters")


def call_error(fc: "FunctionChecker", func: ast.Attribute):
    """`sys.exit()` & co.: a located error."""
    return fc.error(func, f"sys.{func.attr}() cannot be called from .fx code",
                    "write with sys.stdout.write(s) or print(...); return a status to Python for sys.exit")

