"""Comparisons of containers with Python's rules: `==`/`!=` and the lexicographic `<` `<=` `>`
`>=` of tuples and lists (items of any comparable type, nested), `==`/`!=` of dicts, and the
subset order of sets (`a <= b`, `a < b`, `a == b`).

Python compares two sequences by finding the first index whose items are not equal (`==`) and
comparing those two items with the operator; when there is none, the lengths decide.  That is
what the templates below say (frontend/synth.py types them as the loops they are), so items
that are themselves tuples or lists recurse through the same rule.
"""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.frontend import lists, synth
from fastext.compiler.types import Dict, List, Set, Tuple, article

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

CONTAINERS = (List, Tuple, Set, Dict)
SWAPPED = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}


def involved(operands: list[ir.Expr]) -> bool:
    """Whether a comparison has a list, set or dict operand (tuples of numbers compared with
    `==` keep their own, simpler path in expressions.py)."""
    return any(isinstance(o.type, (List, Set, Dict)) for o in operands)


def compare(fc: "FunctionChecker", op: str, a: ir.Expr, b: ir.Expr, node: ast.AST) -> ir.Expr:
    """`a op b` for two containers of one kind, as one bool expression."""
    ta, tb = type(a.type), type(b.type)
    if ta is not tb:
        shown = f"{article(a.type)} with {article(b.type)}"
        if op in ("==", "!="):
            raise fc.error(node, f"comparing {shown} is always {op == '!='} in Python",
                           "compare values of the same kind (a list with a list, a tuple with a tuple)")
        raise fc.error(node, f"'{op}' is not supported between {shown} (Python raises TypeError)",
                       "compare values of the same kind")
    if ta is Dict:
        if op not in ("==", "!="):
            raise fc.error(node, f"'{op}' is not supported between dicts (Python raises TypeError)",
                           "compare dicts with == or !=, or compare their sorted items")
        return _negated(fc, op, _DICT_EQ, a, b, node)
    if ta is Set:
        if op in (">", ">="):         # a > b is b < a
            a, b, op = b, a, SWAPPED[op]
        if op == "!=":
            return _negated(fc, op, _SET.format(length="=="), a, b, node)
        return synth.value(fc, _SET.format(length={"==": "==", "<=": "<=", "<": "<"}[op]), node,
                           values={"_a": a, "_b": b})
    if ta is List:
        a, b = _settled(fc, a, b, node), _settled(fc, b, a, node)
        length = "len(_a)"
        other = "len(_b)"
    else:
        length, other = str(len(a.type.items)), str(len(b.type.items))
    if op in ("==", "!="):
        source = _SEQ_EQ.format(n=length, m=other) if ta is List else _tuple_eq(a.type, b.type)
        return _negated(fc, op, source, a, b, node)
    source = _SEQ_ORDER.format(op=op, n=length, m=other) if ta is List else _tuple_order(op, a.type, b.type)
    return synth.value(fc, source, node, values={"_a": a, "_b": b})


def _negated(fc: "FunctionChecker", op: str, source: str, a: ir.Expr, b: ir.Expr, node: ast.AST) -> ir.Expr:
    """The equality `source` computes, negated for `!=` (Python's `!=` of containers is `not ==`)."""
    equal = synth.value(fc, source, node, values={"_a": a, "_b": b})
    if op == "!=" and not isinstance(equal.type, T.ErrorType):
        return ir.UnaryOp(T.BOOL, equal.span, "not", equal)
    return equal


def _settled(fc: "FunctionChecker", lst: ir.Expr, other: ir.Expr, node: ast.AST) -> ir.Expr:
    """A list whose item type is still open (`xs == []`) takes the other list's; literal ints
    stay ints."""
    lists.settle(fc, lst)
    if isinstance(lst.type.item, T.Unknown) and not isinstance(other.type.item, T.Unknown):
        lists.resolve(fc, lst, lists.settle(fc, other).type.item, node)
    return lst


# the first unequal pair of items decides; no such pair: the lengths
_SEQ_ORDER = """
_r = {n} {op} {m}
_k = 0
_n = min({n}, {m})
while _k < _n:
    if not (_a[_k] == _b[_k]):
        _r = _a[_k] {op} _b[_k]
        break
    _k += 1
"""

_SEQ_EQ = """
_r = {n} == {m}
if _r:
    for _k in range({n}):
        if not (_a[_k] == _b[_k]):
            _r = False
            break
"""

_SET = """
_r = len(_a) {length} len(_b)
if _r:
    for _x in _a:
        if _x not in _b:
            _r = False
            break
"""

_DICT_EQ = """
_r = len(_a) == len(_b)
if _r:
    for _k, _v in _a.items():
        if _k not in _b:
            _r = False
            break
        if not (_b[_k] == _v):
            _r = False
            break
"""


def _tuple_eq(ta: Tuple, tb: Tuple) -> str:
    if len(ta.items) != len(tb.items):
        return "_r = False"
    lines = ["_r = True"]
    for k in range(len(ta.items)):
        lines += [f"if _r and not (_a[{k}] == _b[{k}]):", "    _r = False"]
    return "\n".join(lines)


def _tuple_order(op: str, ta: Tuple, tb: Tuple) -> str:
    n, m = len(ta.items), len(tb.items)
    lines = [f"_r = {n} {op} {m}"]
    for k in range(min(n, m)):
        lines += [f"{'if' if k == 0 else 'elif'} not (_a[{k}] == _b[{k}]):", f"    _r = _a[{k}] {op} _b[{k}]"]
    return "\n".join(lines)
