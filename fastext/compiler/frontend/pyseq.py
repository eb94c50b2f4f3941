"""The typing of Python's `heapq` and `bisect` on native lists (ops/pyseq.py): CPython's
algorithms written as `.fx` source and checked in place (frontend/synth.py), so the heap's
layout and the insertion points are CPython's, for any item type `<` orders (numbers, tuples,
str values)."""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler import ir, ops
from fastext.compiler import types as T
from fastext.compiler.frontend import synth

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

# CPython's heapq: _siftdown moves the item at `pos` up towards `start`; _siftup moves the
# item at `pos` down to a leaf along the smaller children, then back up (fewer comparisons).
_SIFTDOWN = """
_new = _h[_pos]
while _pos > _start:
    _parentpos = (_pos - 1) >> 1
    _parent = _h[_parentpos]
    if _new < _parent:
        _h[_pos] = _parent
        _pos = _parentpos
        continue
    break
_h[_pos] = _new
"""
_SIFTUP = """
_end = len(_h)
_start = _pos
_new = _h[_pos]
_child = 2 * _pos + 1
while _child < _end:
    _right = _child + 1
    if _right < _end and not _h[_child] < _h[_right]:
        _child = _right
    _h[_pos] = _h[_child]
    _pos = _child
    _child = 2 * _pos + 1
_h[_pos] = _new
""" + _SIFTDOWN

_SOURCES = {
    "heappush": "_h.append(_x)\n_start = 0\n_pos = len(_h) - 1\n" + _SIFTDOWN,
    "heappop": """
_r = _h.pop()
if len(_h) > 0:
    _r, _h[0] = _h[0], _r
    _pos = 0
""" + _SIFTUP.replace("\n", "\n    "),
    "heapify": """
for _i in range(len(_h) // 2 - 1, -1, -1):
    _pos = _i
""" + _SIFTUP.replace("\n", "\n    "),
    "heapreplace": """
_r = _h[0]
_h[0] = _x
_pos = 0
""" + _SIFTUP,
    "heappushpop": """
_r = _x
if len(_h) > 0 and _h[0] < _r:
    _r, _h[0] = _h[0], _r
    _pos = 0
""" + _SIFTUP.replace("\n", "\n    "),
}

_BISECT = """
if _lo < 0:
    raise ValueError("lo must be non-negative")
if _hi == -1:
    _hi = len(_a)
while _lo < _hi:
    _mid = (_lo + _hi) // 2
    if {test}:
        _lo = _mid + 1
    else:
        _hi = _mid
_r = _lo
"""
_LEFT, _RIGHT = "_a[_mid] < _x", "not _x < _a[_mid]"


def check_call(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """A call of a `heapq` or `bisect` function on a native list."""
    kind = op.data["kind"]
    if fc.sig.target != "cpu":
        raise fc.error(node, f"{shown}() is not available in GPU code", "write the loop")
    if kind in ("nlargest", "nsmallest"):
        return _n_extremes(fc, node, kind, shown)
    takes_item = kind not in ("heappop", "heapify")
    bisecting = kind.startswith(("bisect", "insort"))
    params = ["a", "x", "lo", "hi"] if bisecting else ["heap", "item"] if takes_item else ["heap"]
    bound = _bind(fc, node, params, shown, 2 if takes_item else 1)
    seq = fc.expr(bound[params[0]])
    if isinstance(seq.type, T.ErrorType):
        return ir.Expr(T.ERROR, fc.span(node))
    if not isinstance(seq.type, T.List):
        raise fc.error(bound[params[0]], f"{shown}() takes a list here, not {T.article(seq.type)}",
                       "heapq and bisect work on native lists (`xs: list[f64]`, `h = []`)")
    values = {"_h" if not bisecting else "_a": seq}
    if takes_item:
        values["_x"] = fc.expr(bound[params[1]])
        # `xs = []` then `bisect.insort(xs, v)`: the item decides the list's type, as `append` does
        from fastext.compiler.frontend.lists import resolve
        values["_a" if bisecting else "_h"] = resolve(fc, seq, values["_x"].type, bound[params[1]])
    if not bisecting:
        source = _SOURCES[kind]
        if kind in ("heappush", "heapify"):
            return synth.effect(fc, source, node, values=values)
        return synth.value(fc, source, node, values=values)
    span = fc.span(node)
    values["_lo"] = fc.convert(_int(fc, bound["lo"], shown), T.I64) if "lo" in bound else ir.Const(T.I64, span, 0)
    hi = bound.get("hi")
    values["_hi"] = ir.Const(T.I64, span, -1) if hi is None or _is_none(hi) else fc.convert(_int(fc, hi, shown), T.I64)
    source = _BISECT.format(test=_LEFT if kind.endswith("_left") else _RIGHT)
    if kind.startswith("bisect"):
        return synth.value(fc, source, node, values=values)
    return synth.effect(fc, source + "_a.insert(_r, _x)\n", node, values=values)


def _bind(fc: "FunctionChecker", node: ast.Call, params: list[str], shown: str, required: int) -> dict:
    if len(node.args) > len(params):
        raise fc.error(node, f"{shown}() takes at most {len(params)} arguments ({len(node.args)} given)", shown + "(...)")
    bound = dict(zip(params, node.args))
    for kw in node.keywords:
        if kw.arg not in params or kw.arg in bound:
            raise fc.error(kw.value if kw.arg else node, f"{shown}() got an unexpected keyword argument '{kw.arg}'"
                           if kw.arg not in params else f"{shown}() got multiple values for argument '{kw.arg}'",
                           f"parameters: {', '.join(params)}" + ("; key= is not supported" if kw.arg == "key" else ""))
        bound[kw.arg] = kw.value
    missing = [p for p in params[:required] if p not in bound]
    if missing:
        raise fc.error(node, f"{shown}() missing required argument '{missing[0]}'", shown + "(...)")
    return bound


def _int(fc: "FunctionChecker", node: ast.expr, shown: str) -> ir.Expr:
    value = fc.expr(node)
    if isinstance(value.type, T.Scalar) and value.type.is_int or isinstance(value.type, T.ErrorType):
        return value
    raise fc.error(node, f"{shown}(): lo and hi must be integers, not {T.article(value.type)}", "lo=0, hi=len(a)")


def _is_none(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


def _n_extremes(fc: "FunctionChecker", node: ast.Call, kind: str, shown: str) -> ir.Expr:
    """`heapq.nlargest(n, it, key=f)`: CPython documents it as `sorted(it, key=f, reverse=True)[:n]`
    (and `nsmallest` without `reverse`), which gives the same items in the same order."""
    bound = _bind(fc, node, ["n", "iterable", "key"], shown, 2)
    keywords = [ast.keyword("key", bound["key"])] if "key" in bound and not _is_none(bound["key"]) else []
    if kind == "nlargest":
        keywords.append(ast.keyword("reverse", ast.Constant(True)))
    it = bound["iterable"]
    if isinstance(it, ast.GeneratorExp):
        it = ast.ListComp(it.elt, it.generators)
    made = ast.Subscript(
        ast.Call(ast.Name("sorted", ast.Load()), [it], keywords),
        ast.Slice(None, ast.Call(ast.Name("max", ast.Load()), [bound["n"], ast.Constant(0)], []), None), ast.Load())
    for n in ast.walk(made):
        if not hasattr(n, "lineno") and isinstance(n, (ast.expr, ast.keyword)):
            ast.copy_location(n, node)
    return fc.expr(ast.fix_missing_locations(made))
