"""Typing of `str` parameters and their characters (docs/language.md, "Strings").

A `str` parameter is read character by character with Python's meaning: `len(s)` counts
characters (code points), `s[i]` and `for c in s` give one-character strings, which
compare with one-character literals and each other (`c == ","`, `"0" <= c <= "9"`,
`c in " \\t"`) and convert with `ord(c)`.  In the typed IR a character is a `Char`
(its code point); comparisons see codes (`char.code`, a u32), so the numeric
comparison machinery serves them unchanged.
"""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler import ir
from fastext.compiler.types import BOOL, CHAR, I64, U32, Char, ErrorType, PyObj, Str

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

CMP = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!="}
HINT = 'compare one character with a one-character literal: c == ",", "0" <= c <= "9", c in " \\t"'


def _is_text(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def involved(node: ast.Compare) -> bool:
    """Whether a comparison must be typed here: a string literal or `in` appears in it."""
    return any(_is_text(n) for n in (node.left, *node.comparators)) or \
        any(isinstance(op, (ast.In, ast.NotIn)) for op in node.ops)


def typed(operands: list[ir.Expr]) -> bool:
    return any(isinstance(o.type, (Char, Str)) for o in operands)


def compare(fc: "FunctionChecker", node: ast.Compare, operands: list[ir.Expr] | None = None) -> ir.Expr:
    """A comparison chain over characters (or `c in "abc"`)."""
    span = fc.span(node)
    nodes = [node.left, *node.comparators]
    if len(node.ops) == 1 and isinstance(node.ops[0], (ast.In, ast.NotIn)):
        return _contains(fc, node)
    if any(isinstance(op, (ast.In, ast.NotIn)) for op in node.ops):
        raise fc.error(node, "`in` cannot be chained with other comparisons here", "split the condition with `and`")
    if len(node.ops) == 1 and isinstance(node.ops[0], (ast.Eq, ast.NotEq)) and any(map(_is_text, nodes)):
        whole = _whole(fc, node, nodes, operands)
        if whole is not None:
            return whole
    values = []
    for k, n in enumerate(nodes):
        if _is_text(n):
            if len(n.value) != 1:
                raise fc.error(n, "only one-character string literals can be compared in .fx code", HINT)
            values.append(ir.Const(U32, fc.span(n), ord(n.value)))
            continue
        v = operands[k] if operands is not None else fc.expr(n)
        if isinstance(v.type, ErrorType):
            return v
        if isinstance(v.type, Str):
            raise fc.error(n, "a whole `str` can only be compared with == or != to a string literal",
                           HINT + "; s == \"abc\"")
        if not isinstance(v.type, Char):
            other = "a number" if not isinstance(v.type, Char) else str(v.type)
            raise fc.error(node, f"cannot compare a character with {other}",
                           "Python never finds a str equal to a number; compare ord(c) with a number, or c with "
                           "a one-character literal")
        values.append(ir.Intrinsic(U32, v.span, "char.code", [v]))
    ops = [CMP[type(op)] for op in node.ops]
    return ir.Compare(BOOL, span, ops, values, [U32] * len(ops))


def _whole(fc: "FunctionChecker", node: ast.Compare, nodes: list[ast.expr], operands) -> ir.Expr | None:
    """`s == "abc"` / `s != "abc"` of a whole `str` parameter (None: not a whole string)."""
    k = 0 if not _is_text(nodes[0]) else 1
    if _is_text(nodes[k]):
        return None
    value = operands[k] if operands is not None else fc.expr(nodes[k])
    if not isinstance(value.type, Str):
        return None
    text = nodes[1 - k].value
    span = fc.span(node)
    codes = [ir.Const(U32, span, ord(ch)) for ch in text]
    eq = ir.Intrinsic(BOOL, span, "str.eq", [value, *codes])
    return ir.UnaryOp(BOOL, span, "not", eq) if isinstance(node.ops[0], ast.NotEq) else eq


def _contains(fc: "FunctionChecker", node: ast.Compare) -> ir.Expr:
    """`c in " \\t\\n"`: the character equals one of the literal's characters."""
    span = fc.span(node)
    text = node.comparators[0]
    if not _is_text(text):
        from fastext.compiler.frontend import objects
        return objects.contains(fc, node)       # `x in o` of a Python container
    c = fc.expr(node.left)
    if isinstance(c.type, ErrorType):
        return c
    if isinstance(c.type, (Str, PyObj)):      # a whole string: a substring search (frontend/text.py)
        from fastext.compiler.frontend import text
        return text.contains_literal(fc, node, c)
    if not isinstance(c.type, Char):
        raise fc.error(node.left, f"`in \"...\"` needs a character, not {c.type}", HINT)
    negate = isinstance(node.ops[0], ast.NotIn)
    if not text.value:
        return ir.Const(BOOL, span, negate)
    if not _simple(c):   # it is compared once per character of the literal
        raise fc.error(node.left, "the character tested with `in` must be a name or s[i]",
                       "assign it first: c = ...; c in \" \\t\"")
    code = ir.Intrinsic(U32, c.span, "char.code", [c])
    tests = [ir.Compare(BOOL, span, ["!=" if negate else "=="], [code, ir.Const(U32, span, ord(ch))], [U32])
             for ch in dict.fromkeys(text.value)]
    if len(tests) == 1:
        return tests[0]
    return ir.BoolOp(BOOL, span, "and" if negate else "or", tests)


def _simple(e: ir.Expr) -> bool:
    if isinstance(e, (ir.Load, ir.Const)):
        return True
    return isinstance(e, ir.Intrinsic) and e.name == "str.item" and all(_simple(a) for a in e.args)


def subscript(fc: "FunctionChecker", node: ast.Subscript, base: ir.Expr) -> ir.Expr:
    """`s[i]`: the i-th character (negative indices count from the end; IndexError outside)."""
    if isinstance(node.slice, (ast.Slice, ast.Tuple)):
        raise fc.error(node.slice, "slicing a `str` is not supported in .fx code",
                       "index characters one by one: for i in range(start, stop): s[i]")
    return ir.Intrinsic(CHAR, fc.span(node), "str.item", [base, fc.index_value(node.slice)])


def length(span, value: ir.Expr) -> ir.Expr:
    return ir.Intrinsic(I64, span, "str.len", [value])


def ord_of(fc: "FunctionChecker", node: ast.Call) -> ir.Expr | None:
    """`ord(c)` of a character expression (None: not a character, the caller decides)."""
    if len(node.args) != 1 or isinstance(node.args[0], ast.Constant):
        return None
    value = fc.expr(node.args[0])
    if isinstance(value.type, ErrorType):
        return value
    if not isinstance(value.type, Char):
        raise fc.error(node.args[0], f"ord() needs one character, not {value.type}",
                       'ord(s[i]), ord(c) in `for c in s`, or ord("x") of a literal')
    return ir.Intrinsic(I64, fc.span(node), "char.ord", [value])


def iteration(fc: "FunctionChecker", value: ir.Expr, node: ast.AST):
    """`for c in s`: the characters, the text evaluated once."""
    from fastext.compiler.frontend.loops import Iteration, _once
    span = fc.span(node)
    setup: list[ir.Stmt] = []
    text = _once(fc, value, node, setup)
    return Iteration(length(span, text), lambda k: ir.Intrinsic(CHAR, span, "str.item", [text, k]), setup)
