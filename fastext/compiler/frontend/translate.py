"""`str.maketrans(x, y)` and `s.translate(table)` in `.fx` code, and `str.method(s, ...)` calls.

`str.maketrans(x, y)` is Python's dict `{ord(x[i]): ord(y[i])}` (a `dict[int, int]`, printed as
Python prints it), with CPython's ValueError when the lengths differ.  At module level, with str
literals (`COMP = str.maketrans("ACGT", "TGCA")`), the name is a constant table: each use of it in
a function is that dict, and `s.translate(COMP)` maps each character through the two literals
without a dict.  `s.translate(table)` of any other table — a dict whose keys are code points and
whose values are code points or strings — is `"".join` of each character's mapping (unmapped
characters kept).  The forms that delete characters (a third argument, None values) and the
one-argument form (a dict of characters) are located errors: delete with `.replace(c, "")`.
"""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler import ir
from fastext.compiler.diagnostics import FxSyntaxError
from fastext.compiler.source import Span
from fastext.compiler import types as T

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

HINT = "write `str.maketrans(x, y)` with two str of one length; delete characters with `.replace(c, \"\")`"
MESSAGE = "the first two maketrans arguments must have equal length"


def is_str_attr(fc, func: ast.expr) -> bool:
    """`str.name` where `str` is the builtin type."""
    return isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "str" \
        and func.value.id not in fc.vars and fc.scope.lookup("str") is None


def constant_table(node: ast.expr, file: str) -> tuple[str, str] | None:
    """The two literals of a module-level `str.maketrans("ACGT", "TGCA")`, else None."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "maketrans"
            and isinstance(node.func.value, ast.Name) and node.func.value.id == "str"):
        return None
    if len(node.args) != 2 or node.keywords or \
            not all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args):
        raise FxSyntaxError(Span.of(node, file), "a module-level str.maketrans(...) takes two str literals", HINT)
    x, y = node.args[0].value, node.args[1].value
    if len(x) != len(y):
        raise FxSyntaxError(Span.of(node, file), f"str.maketrans: {MESSAGE}", HINT)
    return x, y


def table_display(table: tuple[str, str], at: ast.AST) -> ast.expr:
    """The dict a constant table is: `{65: 84, ...}`, later characters overriding as in Python."""
    mapping: dict[int, int] = {}
    for a, b in zip(*table):
        mapping[ord(a)] = ord(b)
    node = ast.Dict([ast.Constant(k) for k in mapping], [ast.Constant(v) for v in mapping.values()])
    return ast.fix_missing_locations(ast.copy_location(node, at))


def str_call(fc: "FunctionChecker", node: ast.Call) -> ir.Expr:
    """`str.maketrans(x, y)`, or `str.upper(s)` & co. as `s.upper()`."""
    name = node.func.attr
    if name == "maketrans":
        return maketrans(fc, node)
    if not node.args:
        raise fc.error(node, f"str.{name}() needs the str it works on", f"call it as s.{name}(...)")
    owner = fc.expr(node.args[0])
    from fastext.compiler.frontend import text
    if not text.textual(owner.type):
        raise fc.error(node.args[0], f"str.{name}() takes a str first, not {T.article(owner.type)}",
                       f"call it as s.{name}(...) on a str")
    call = ast.copy_location(ast.Call(ast.copy_location(ast.Attribute(node.args[0], name, ast.Load()), node.func),
                                      node.args[1:], node.keywords), node)
    return text.method_call(fc, call, owner, name)


def maketrans(fc: "FunctionChecker", node: ast.Call) -> ir.Expr:
    """`str.maketrans(x, y)` in a function: the dict of code points."""
    if len(node.args) != 2 or node.keywords:
        what = "with a third argument (characters to delete)" if len(node.args) == 3 else \
            "of a dict" if len(node.args) == 1 else f"with {len(node.args)} arguments"
        raise fc.error(node, f"str.maketrans {what} is not supported in .fx code", HINT)
    x, y = node.args
    if all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args):
        if len(x.value) != len(y.value):
            raise fc.error(node, f"str.maketrans: {MESSAGE}", HINT)
        if x.value:
            return fc.expr(table_display((x.value, y.value), node))
    k = f"{node.lineno}_{node.col_offset}"
    a, b, i, d = f"$mx{k}", f"$my{k}", f"$mi{k}", f"$md{k}"
    name = lambda v, ctx=ast.Load: ast.Name(v, ctx())   # noqa: E731
    item = lambda s: ast.Call(name("ord"), [ast.Subscript(name(s), name(i), ast.Load())], [])  # noqa: E731
    stmts = [ast.Assign([name(a, ast.Store)], x), ast.Assign([name(b, ast.Store)], y),
             ast.If(ast.Compare(ast.Call(name("len"), [name(a)], []), [ast.NotEq()],
                                [ast.Call(name("len"), [name(b)], [])]),
                    [ast.Raise(ast.Call(name("ValueError"), [ast.Constant(MESSAGE)], []), None)], []),
             ast.AnnAssign(name(d, ast.Store), ast.parse("dict[int, int]", mode="eval").body, ast.Dict([], []), 1),
             ast.For(name(i, ast.Store), ast.Call(name("range"), [ast.Call(name("len"), [name(a)], [])], []), [
                 ast.Assign([ast.Subscript(name(d), item(a), ast.Store())], item(b))], [], None)]
    return _stmt_expr(fc, node, stmts, d)


def translate(fc: "FunctionChecker", node: ast.Call) -> ir.Expr:
    """`s.translate(table)`: each character through the table."""
    if len(node.args) != 1 or node.keywords:
        raise fc.error(node, "str.translate() takes one table", "s.translate(str.maketrans(x, y))")
    table = node.args[0]
    if isinstance(table, ast.Name) and table.id not in fc.vars:
        b = fc.scope.lookup(table.id)
        if b is not None and b.kind == "transtable":
            return _constant_translate(fc, node, b.value)
    if isinstance(table, ast.Call) and is_str_attr(fc, table.func) and table.func.attr == "maketrans" and \
            len(table.args) == 2 and not table.keywords and \
            all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in table.args):
        x, y = table.args[0].value, table.args[1].value
        if len(x) != len(y):
            raise fc.error(table, f"str.maketrans: {MESSAGE}", HINT)
        return _constant_translate(fc, node, (x, y))
    k = f"{node.lineno}_{node.col_offset}"
    s, t, c = f"$ts{k}", f"$tt{k}", f"$tc{k}"
    name = lambda v, ctx=ast.Load: ast.Name(v, ctx())   # noqa: E731
    body = fc.block(_located([ast.Assign([name(s, ast.Store)], node.func.value),
                              ast.Assign([name(t, ast.Store)], table)], node))
    tt = fc.vars.get(t)
    if tt is None:
        return ir.Expr(T.ERROR, fc.span(node))
    if not (isinstance(tt.type, T.Dict) and tt.type.key == T.I64):
        raise fc.error(table, f"str.translate() takes a dict of code points (`str.maketrans(x, y)`), not "
                              f"{T.article(tt.type)}", HINT)
    code = ast.Call(name("ord"), [name(c)], [])
    mapped = ast.Subscript(name(t), code, ast.Load())
    if tt.type.value == T.I64:
        mapped = ast.Call(name("chr"), [mapped], [])
    kept = ast.Call(name("str"), [name(c)], [])     # a str parameter iterates by characters of its own type
    chars = ast.ListComp(ast.IfExp(ast.Compare(code, [ast.In()], [name(t)]), mapped, kept),
                         [ast.comprehension(name(c, ast.Store), name(s), [], 0)])
    value = fc.expr(_located([ast.Expr(ast.Call(ast.Attribute(ast.Constant(""), "join", ast.Load()), [chars], []))],
                             node)[0].value)
    return ir.StmtExpr(value.type, fc.span(node), body, value)


def _constant_translate(fc: "FunctionChecker", node: ast.Call, table: tuple[str, str]) -> ir.Expr:
    """Through a constant table: the last mapping of a character wins, as in the dict."""
    x, y = table
    last = {a: b for a, b in zip(x, y)}
    src, dst = "".join(last), "".join(last.values())
    c = f"$tc{node.lineno}_{node.col_offset}"
    name = lambda v, ctx=ast.Load: ast.Name(v, ctx())   # noqa: E731
    find = ast.Call(ast.Attribute(ast.Constant(src), "find", ast.Load()), [name(c)], [])
    chars = ast.ListComp(
        ast.IfExp(ast.Compare(find, [ast.GtE()], [ast.Constant(0)]),
                  ast.Subscript(ast.Constant(dst), find, ast.Load()), ast.Call(name("str"), [name(c)], [])),
        [ast.comprehension(name(c, ast.Store), node.func.value, [], 0)])
    call = ast.Call(ast.Attribute(ast.Constant(""), "join", ast.Load()), [chars], [])
    return fc.expr(_located([ast.Expr(call)], node)[0].value)


def _stmt_expr(fc: "FunctionChecker", node: ast.AST, stmts: list[ast.stmt], result: str) -> ir.Expr:
    body = fc.block(_located(stmts, node))
    var = fc.vars.get(result)
    span = fc.span(node)
    if var is None:
        return ir.Expr(T.ERROR, span)
    return ir.StmtExpr(var.type, span, body, ir.Load(var.type, span, var))


def _located(stmts: list[ast.stmt], at: ast.AST) -> list[ast.stmt]:
    for s in stmts:
        ast.copy_location(s, at)
        ast.fix_missing_locations(s)
    return stmts
