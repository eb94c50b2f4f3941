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
from fastext.compiler import types as T
from fastext.compiler.frontend import synth
from fastext.compiler.types import I64, OBJECT

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

STREAMS = ("stdout", "stderr", "stdin")
PRINT_KEYWORDS = ("sep", "end", "file", "flush")


def print_call(fc: "FunctionChecker", node: ast.Call) -> ir.Expr:
    """`print(a, b, sep=..., end=..., file=sys.stderr, flush=True)`."""
    from fastext.compiler.frontend.text import boxed
    span = fc.span(node)
    if any(isinstance(a, ast.Starred) for a in node.args):
        return _starred(fc, node)
    args = []
    for a in node.args:
        if isinstance(a, ast.Constant) and a.value is None:      # print(None), print("x", None)
            args.append(ir.ObjConst(OBJECT, fc.span(a), None))
        elif isinstance(a, ast.IfExp):
            args.append(_printed_choice(fc, a))
        else:
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


def _starred(fc: "FunctionChecker", node: ast.Call) -> ir.Expr:
    """`print(a, *xs, b, sep=s, ...)`: the values, the unpacked ones' items included, gathered
    in order into one Python list `flat`, then `print(sep.join(map(str, flat)), end=..., ...)`
    — the same text, as print writes `str()` of each value with `sep` between them."""
    from fastext.compiler.frontend.text import boxed
    span = fc.span(node)

    def builtin(name: str) -> ir.Expr:
        return ir.Intrinsic(OBJECT, span, "py.builtin", [], {"name": name})
    flat = fc.new_temp(OBJECT, node)
    stmts: list[ir.Stmt] = [ir.Assign(span, flat, ir.ObjCall(OBJECT, span, builtin("list"), None, []))]
    for a in node.args:
        inner = a.value if isinstance(a, ast.Starred) else a
        value = fc.expr(inner)
        if isinstance(value.type, T.ErrorType):
            return value
        if not isinstance(a, ast.Starred) or isinstance(value.type, T.PyObj):
            stmts.append(ir.ExprStmt(span, ir.ObjCall(OBJECT, span, ir.Load(OBJECT, span, flat),
                                                      "extend" if isinstance(a, ast.Starred) else "append",
                                                      [boxed(fc, value, inner)])))
            continue
        if not isinstance(value.type, (T.List, T.Array, T.Set, T.Dict, T.Tuple)):
            raise fc.error(a, f"print(*x) unpacks a list, tuple, set, dict or array, not {T.article(value.type)}",
                           "print(*xs) with xs a list")
        if isinstance(value.type, T.Tuple):       # its items one by one (they may differ in type)
            temp = fc.new_temp(value.type, inner)
            stmts.append(ir.Assign(span, temp, value))
            for k, t in enumerate(value.type.items):
                item = ir.TupleGet(t, span, ir.Load(value.type, span, temp), k)
                stmts.append(ir.ExprStmt(span, ir.ObjCall(OBJECT, span, ir.Load(OBJECT, span, flat), "append",
                                                          [boxed(fc, item, inner)])))
            continue
        # a native container: its items boxed one by one, in its iteration order
        loop, _, ok = synth.statements(fc, "for _x in _xs:\n    _flat.append(_x)", inner,
                                       values={"_flat": ir.Load(OBJECT, span, flat), "_xs": value})
        if not ok:
            return ir.Expr(T.ERROR, span)
        stmts += loop
    sep_node = next((kw.value for kw in node.keywords if kw.arg == "sep"), None)
    if sep_node is None or isinstance(sep_node, ast.Constant) and sep_node.value is None:
        sep_node = ast.copy_location(ast.Constant(" "), node)      # print's default separator
    sep_value = boxed(fc, fc.expr(sep_node), sep_node)
    call = ast.copy_location(ast.Call(node.func, [], [kw for kw in node.keywords if kw.arg != "sep"]), node)
    rest = print_call(fc, call)           # end=, file=, flush= checked and typed as print's own
    texts = ir.ObjCall(OBJECT, span, builtin("map"), None, [builtin("str"), ir.Load(OBJECT, span, flat)])
    line = ir.ObjCall(OBJECT, span, sep_value, "join", [texts])
    rest.args = [line] + rest.args
    return ir.StmtExpr(OBJECT, span, stmts, rest)


def attribute(fc: "FunctionChecker", node: ast.Attribute) -> ir.Expr:
    """`sys.stdout`, `sys.stderr`, `sys.stdin` (objects, looked up now), `sys.maxsize`."""
    span = fc.span(node)
    if node.attr in STREAMS:
        return ir.Intrinsic(OBJECT, span, "py.sys", [], {"name": node.attr})
    if node.attr == "maxsize":
        return ir.Const(I64, span, sys.maxsize)
    # any other attribute (`sys.argv`, `sys.version_info`): Python's, an object read now
    return ir.ObjAttr(OBJECT, span, ir.Intrinsic(OBJECT, span, "py.import", [], {"name": "sys"}), node.attr)



def _printed_choice(fc: "FunctionChecker", node: ast.IfExp) -> ir.Expr:
    """A printed `a if c else b`: typed as any value first; where the branches have no one type
    (`"Fizz" if i % 3 == 0 else i`), each branch is its `str(...)`, which is what print writes."""
    from fastext.compiler.diagnostics import FxSyntaxError
    from fastext.compiler.frontend.text import boxed
    before = len(fc.diags.items)
    try:
        return boxed(fc, fc.expr(node), node)
    except FxSyntaxError:
        del fc.diags.items[before:]

    def text(b: ast.expr) -> ir.Expr:
        call = ast.copy_location(ast.Call(ast.copy_location(ast.Name("str", ast.Load()), b), [b], []), b)
        if not isinstance(b, ast.IfExp):
            return fc.expr(call)
        mark = len(fc.diags.items)
        try:
            return fc.expr(call)
        except FxSyntaxError:
            del fc.diags.items[mark:]
        inner = _printed_choice(fc, b)      # branches of no one type again: str values already
        return inner
    then, orelse = text(node.body), text(node.orelse)
    return ir.IfExp(T.STRV, fc.span(node), fc.condition(node.test), then, orelse)
