"""`key=` functions and sorting of items other than numbers: `xs.sort(key=f, reverse=True)`,
`sorted(pairs)`, `min(xs, key=f)`, `max(...)`.

Python's sort is stable and compares with `<` only, key values computed once per item.  The
sort here is a bottom-up merge sort of item positions by their keys (frontend/synth.py types it
as the loops below; the comparison of keys is Python's, frontend/ordering.py for tuples and
lists).  A merge takes the right run's item only when its key is strictly smaller, so equal
keys keep their order; with `reverse=True` only when strictly greater, which is the order
CPython's reverse-sort-reverse gives (equal items keep their original order).  Lists of real
numbers without a key keep the numeric kernel (lower/sortkernels.py).

The key is a `.fx` function, an alias, a lambda (called directly: frontend/funcvals.py) or a
builtin taking one argument (`abs`, `len`).
"""
from __future__ import annotations

import ast
import builtins
from typing import TYPE_CHECKING

from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.frontend import synth

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

KEY_HINT = "key= takes a function: a `.fx` function's name, an alias of one, a lambda or a builtin like abs"


def _method_key(node: ast.Attribute) -> ast.expr:
    """`d.get` → `lambda k: d[k]` (the items sorted are the dict's keys, so each is found: the
    idiom `max(d, key=d.get)`), `obj.method` → `lambda k: obj.method(k)`, `str.lower` →
    `lambda k: k.lower()`."""
    k = ast.Name("key$k", ast.Load())
    if isinstance(node.value, ast.Name) and node.value.id in ("str", "int", "float", "list", "tuple", "bytes"):
        body = ast.Call(ast.Attribute(k, node.attr, ast.Load()), [], [])
    elif node.attr == "get":
        body = ast.Subscript(node.value, k, ast.Load())
    else:
        body = ast.Call(node, [k], [])
    made = ast.Lambda(ast.arguments(posonlyargs=[], args=[ast.arg("key$k")], vararg=None, kwonlyargs=[],
                                    kw_defaults=[], kwarg=None, defaults=[]), body)
    for n in ast.walk(made):
        ast.copy_location(n, node)
    return made


def key_function(fc: "FunctionChecker", node: ast.expr | None) -> tuple[str | None, dict]:
    """The spelling of a call of the key in a template and the function values it needs:
    (None, {}) for no key (`key=None` too)."""
    from fastext.compiler.frontend import funcvals
    if node is None or isinstance(node, ast.Constant) and node.value is None:
        return None, {}
    if isinstance(node, ast.Attribute):     # key=d.get, key=str.lower: the lambda they mean
        node = _method_key(node)
    fv = funcvals.value_of(fc, node)
    if fv is not None:
        return "_key", {"_key": fv}
    if isinstance(node, ast.Name) and node.id not in fc.vars and fc.scope.lookup(node.id) is None \
            and hasattr(builtins, node.id) and not node.id.startswith("_"):
        return node.id, {}
    raise fc.error(node, f"`{ast.unparse(node)}` is not a function known at compile time", KEY_HINT)


def reverse_flag(fc: "FunctionChecker", node: ast.expr | None) -> bool:
    """`reverse=` as a constant (the order of the merge is chosen at compile time)."""
    if node is None:
        return False
    if not (isinstance(node, ast.Constant) and isinstance(node.value, (bool, int))):
        raise fc.error(node, "reverse= must be True or False here", "xs.sort(reverse=True)")
    return bool(node.value)


def needs_merge(item: T.Type, key: str | None) -> bool:
    """Whether a sort of `item`s needs the comparison sort (a key, or items that are not real
    numbers); real numbers without a key keep the numeric kernel."""
    return key is not None or not (isinstance(item, T.Scalar) and item.is_real and not item.is_bool)


_MERGE = """
_n = len(_xs)
{keys}
_idx = list(range(_n))
_tmp = list(range(_n))
_w = 1
while _w < _n:
    _lo = 0
    while _lo < _n:
        _mid = min(_lo + _w, _n)
        _hi = min(_lo + 2 * _w, _n)
        _i = _lo
        _j = _mid
        _k = _lo
        while _k < _hi:
            if _j < _hi and (_i >= _mid or {before}):
                _tmp[_k] = _idx[_j]
                _j += 1
            else:
                _tmp[_k] = _idx[_i]
                _i += 1
            _k += 1
        _lo += 2 * _w
    _idx, _tmp = _tmp, _idx
    _w *= 2
_xs[:] = [_xs[_q] for _q in _idx]
"""


def sort(fc: "FunctionChecker", node: ast.AST, lst: ir.Expr, key: str | None, funcs: dict, reverse: bool) -> ir.Expr:
    """`lst.sort(key=..., reverse=...)` in place, stable, as one expression of no value."""
    if key is None:
        keys, at = "", "_xs[_idx[{}]]"
    else:
        keys, at = f"_keys = [{key}(_v) for _v in _xs]", "_keys[_idx[{}]]"
    right, left = at.format("_j"), at.format("_i")
    before = f"{left} < {right}" if reverse else f"{right} < {left}"
    return synth.effect(fc, _MERGE.format(keys=keys, before=before), node, values={"_xs": lst}, funcs=funcs)


_EXTREME = """
if len(_xs) == 0:
    raise ValueError("{name}() arg is an empty sequence")
_r = _xs[0]
_best = {key}(_r)
for _p in range(1, len(_xs)):
    _v = _xs[_p]
    _kv = {key}(_v)
    if _kv {op} _best:
        _r = _v
        _best = _kv
"""


def extreme(fc: "FunctionChecker", node: ast.Call, name: str, lst: ir.Expr, key: str | None, funcs: dict) -> ir.Expr:
    """`min(xs, key=f)` / `max(...)`, also of tuples or lists without a key: the first item whose
    key is smallest (largest), compared with `<` (`>`) as CPython does."""
    source = _EXTREME.format(name=name, op="<" if name == "min" else ">", key=key or "")
    return synth.value(fc, source, node, values={"_xs": lst}, funcs=funcs)
