"""Arrays from native lists: `np.array(xs)`, `np.asarray(xs)`, and a list wherever a NumPy
function takes an array (`np.mean(times)`, `np.sort(xs)`), as NumPy converts it.

Written as `.fx` source over list indexing and array stores (frontend/synth.py), so the copy
loops inline and vectorise like the user's own.  The shapes follow NumPy's discovery:

- `list[T]` of numbers → 1-D, dtype NumPy's default for the kind (`int64`, `float64`,
  `complex128`, `bool`; a list of NumPy scalars keeps their dtype);
- `list[list[T]]` → 2-D, rows of one length (NumPy's inhomogeneous-shape `ValueError` otherwise);
- `list[tuple[...]]` of numbers → 2-D with one column per tuple item;
- `list[f64[:, ...]]` → the arrays stacked along a new first axis, of one shape.

The rank comes from the list's type, not from its contents: an empty `list[list[f64]]` gives a
`(0, 0)` array where NumPy gives `(0,)`, and an empty list of numbers keeps the item dtype where
NumPy gives `float64` (docs/language.md, "Lists as arrays").
"""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.frontend import synth
from fastext.compiler.ops import dtypes
from fastext.compiler.types import Array, List, Scalar, Struct, Tuple, article

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

_RAGGED = ("setting an array element with a sequence. The requested array has an inhomogeneous shape "
           "after 1 dimensions. The detected shape was ({_n},) + inhomogeneous part.")


def is_list(value: ir.Expr) -> bool:
    """Whether `value` is a native list (not a deque) NumPy would read as an array."""
    return isinstance(value.type, List) and not value.type.deque


def _number(t) -> bool:
    return isinstance(t, Scalar) and not isinstance(t, Struct)


def from_list(fc: "FunctionChecker", value: ir.Expr, node: ast.AST, dtype: Scalar | None, shown: str,
              mismatch: str = _RAGGED) -> ir.Expr:
    """A new array holding the items of the native list `value` (see the module docstring);
    `dtype` (None: NumPy's discovery) converts as `.astype` would; `mismatch` is the `ValueError`
    for items of different lengths or shapes (np.array's; np.stack has its own).  A list's numbers keep their
    type: Python ints, floats and complexes are NumPy's defaults for their kind already, and
    narrower items come from NumPy scalars (`a[i]` of an f32 array), which keep their dtype."""
    item = value.type.item
    ragged = f"raise ValueError(f{mismatch!r})"
    if _number(item):
        natural, shape, pre = item, "_n", []
        body = ["_r[_i] = _xs[_i]"]
    elif isinstance(item, List) and not item.deque and _number(item.item):
        natural, shape, pre = item.item, "(_n, _m)", ["_m = len(_xs[0]) if _n > 0 else 0"]
        body = ["_row = _xs[_i]", "if len(_row) != _m:", f"    {ragged}",
                "for _j in range(_m):", "    _r[_i, _j] = _row[_j]"]
    elif isinstance(item, Tuple) and item.items and all(_number(t) for t in item.items):
        natural = dtypes.result_type([t.name for t in item.items])
        shape, pre = f"(_n, {len(item.items)})", []
        body = ["_t = _xs[_i]"] + [f"_r[_i, {k}] = _t[{k}]" for k in range(len(item.items))]
    elif isinstance(item, Array) and _number(item.dtype):
        natural = item.dtype
        dims = "".join(f"_s{k}, " for k in range(item.ndim))
        shape = f"(_n, {dims})"
        pre = [f"{dims}= _xs[0].shape if _n > 0 else ({'0, ' * item.ndim})"]
        body = ["_a = _xs[_i]", f"if _a.shape != ({dims}):", f"    {ragged}", "_r[_i] = _a"]
    else:
        raise fc.error(node, f"{shown}() of {article(value.type)} is not supported in .fx code",
                       "a list of numbers, of equal-length lists or tuples of numbers, or of arrays of one shape")
    lines = ["_n = len(_xs)", *pre, f"_r = np.empty({shape}, dtype={dtypes.numpy_name(natural)!r})",
             "for _i in range(_n):", *("    " + line for line in body)]
    return _value(fc, lines, node, value, natural, dtype)


def _value(fc: "FunctionChecker", lines: list[str], node: ast.AST, value: ir.Expr, natural: Scalar,
           dtype: Scalar | None) -> ir.Expr:
    """The array the source `lines` build in `_r` from the list `_xs`, converted to `dtype`
    (as `.astype`) when one is asked for that differs from the items' own."""
    converted = dtype is not None and dtype != natural
    if converted:
        lines = lines + [f"_r2 = _r.astype({dtypes.numpy_name(dtype)!r})"]
    return synth.value(fc, "\n".join(lines) + "\n", node, values={"_xs": value}, result="_r2" if converted else "_r")


def join(fc: "FunctionChecker", value: ir.Expr, node: ast.Call, kind: str, axis_node: ast.expr | None,
         dtype: Scalar | None, shown: str) -> ir.Expr:
    """`np.concatenate/stack/vstack/hstack/column_stack` of a native list of arrays (`parts`
    built in a loop): NumPy's joins, with its errors for an empty list or mismatched shapes."""
    from fastext.compiler.frontend.npsource import along
    from fastext.compiler.frontend.shape import axis_arg
    item = value.type.item
    if not (isinstance(item, Array) and _number(item.dtype)):
        raise fc.error(node, f"{shown}() joins arrays of numbers, got {article(value.type)}",
                       "a list of arrays (scalars: np.array(xs) makes one array of them)")
    nd = item.ndim
    if kind == "vstack":
        kind, axis = ("stack", 0) if nd == 1 else ("concatenate", 0)
    elif kind == "hstack":
        kind, axis = "concatenate", 0 if nd == 1 else 1
    elif kind == "column_stack":
        kind, axis = ("stack", 1) if nd == 1 else ("concatenate", 1)
    elif isinstance(axis_node, ast.Constant) and axis_node.value is None and kind == "concatenate":
        axis = None
    else:
        axis = axis_arg(fc, axis_node, nd + (kind == "stack"), allow_none=False)
    if kind == "stack":
        stacked = from_list(fc, value, node, dtype, shown, "all input arrays must have the same shape")
        if axis == 0 or isinstance(stacked.type, T.ErrorType):
            return stacked
        return synth.value(fc, f"_r = np.moveaxis(_s, 0, {axis}).copy()\n", node, values={"_s": stacked})
    ravel = axis is None
    if ravel:
        nd, axis = 1, 0
    mismatch = ("all the input array dimensions except for the concatenation axis must match exactly, but "
                "along dimension {d}, the array at index 0 has size {{_f.shape[{d}]}} and the array at index "
                "{{_i}} has size {{_a.shape[{d}]}}")
    checks = [line for d in range(nd) if d != axis
              for line in (f"    if _a.shape[{d}] != _f.shape[{d}]:",
                           f"        raise ValueError(f{mismatch.format(d=d)!r})")]
    take = "_xs[_i].ravel()" if ravel else "_xs[_i]"
    dims = ", ".join("_t" if d == axis else f"_f.shape[{d}]" for d in range(nd))
    lines = ["_n = len(_xs)", "if _n == 0:", "    raise ValueError('need at least one array to concatenate')",
             f"_f = {take.replace('_i', '0')}", "_t = 0", "for _i in range(_n):", f"    _a = {take}", *checks,
             f"    _t += _a.shape[{axis}]",
             f"_r = np.empty(({dims},), dtype={dtypes.numpy_name(item.dtype)!r})", "_o = 0",
             "for _i in range(_n):", f"    _a = {take}", f"    _m = _a.shape[{axis}]",
             f"    _r[{along(nd, axis, '_o:_o + _m')}] = _a", "    _o += _m"]
    return _value(fc, lines, node, value, item.dtype, dtype)


def tolist(fc: "FunctionChecker", node: ast.Call, op, shown: str, receiver=None) -> ir.Expr:
    """`a.tolist()`: nested native lists of Python numbers (one level per axis); items are
    converted as NumPy's `tolist` does (f32 → float, narrow ints → int)."""
    from fastext.compiler.frontend.arrays import _bind
    from fastext.compiler.frontend.shape import array_arg
    a = array_arg(fc, _bind(fc, node, ["a"], shown, 1, receiver)["a"], node, shown)
    t = a.type.dtype
    convert = "bool" if t.is_bool else "complex" if t.is_complex else "float" if t.is_float else "int"
    nd = a.type.ndim
    index = ", ".join(f"_i{k}" for k in range(nd))
    text = f"{convert}(_a[{index}])"
    for k in reversed(range(nd)):
        text = f"[{text} for _i{k} in range(_a.shape[{k}])]"
    return synth.value(fc, f"_r = {text}\n", node, values={"_a": a})
