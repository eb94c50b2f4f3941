"""`np.delete`, `np.insert` and np.pad's periodic modes written as `.fx` source over slices, masks and joins
(frontend/synth.py), the way NumPy's own implementations build their results: a copy without
the items (or rows) at some positions, or with values put in before one position.

Positions are a run-time int (checked as NumPy checks it: IndexError outside the axis) or, for
np.delete, an integer array or list (a boolean mask of the kept items: repeated positions count
once, as NumPy's) or a boolean mask of the axis' length.  `axis=None` works on the flattened
array, as NumPy's default.

`np.pad(a, w, mode='reflect' | 'symmetric' | 'wrap')` pads each axis in turn, each padded slice
a copy of the source slice its position reads: the mirror without the edge item (period
2(n-1)), the mirror with it (period 2n), or the position modulo n — what NumPy's repeated
reflections come to for any width (reflect_type='even')."""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler import ir, ops
from fastext.compiler.frontend import synth
from fastext.compiler.frontend.arrays import _bind
from fastext.compiler.frontend.npsource import _given, along
from fastext.compiler.frontend.shape import array_arg, axis_arg, value_of
from fastext.compiler.ops.dtypes import numpy_name
from fastext.compiler.types import Array, Scalar, article

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker


def _array_and_axis(fc, node, bound, shown: str) -> tuple[ir.Expr, str, int]:
    """The array (flattened for axis=None) as the source name `_a` reads it, and the axis."""
    a = array_arg(fc, bound["arr"], node, shown)
    if not _given(bound, "axis"):
        return a, "np.ravel(_a0)" if a.type.ndim > 1 else "_a0", 0
    return a, "_a0", axis_arg(fc, bound["axis"], a.type.ndim, allow_none=False)


def _index_check(axis: int) -> str:
    return f"""\
_n = _a.shape[{axis}]
_k = _i + _n if _i < 0 else _i
"""


def delete(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.delete(arr, obj, axis=None)`: a copy without the items (rows, columns) at `obj`."""
    bound = _bind(fc, node, ["arr", "obj", "axis"], shown, 2)
    a, flat, axis = _array_and_axis(fc, node, bound, shown)
    nd = 1 if not _given(bound, "axis") else a.type.ndim
    values = {"_a0": a}
    obj = value_of(fc, bound["obj"]) if not isinstance(bound["obj"], ast.List) else None
    if obj is not None and isinstance(obj.type, Scalar) and obj.type.is_int and not obj.type.is_bool:
        values["_i"] = obj
        source = f"_a = {flat}\n" + _index_check(axis) + f"""\
if _k < 0 or _k >= _n:
    raise IndexError("index " + str(_i) + " is out of bounds for axis {axis} with size " + str(_n))
_r = np.concatenate((_a[{along(nd, axis, ':_k')}], _a[{along(nd, axis, '_k + 1:')}]), axis={axis})
"""
        return synth.value(fc, source, node, values=values)
    if isinstance(bound["obj"], ast.List):      # `np.delete(a, [0, 2])`: np.asarray of the list
        from fastext.compiler.frontend.creation import literal
        idx = literal(fc, bound["obj"], bound["obj"], shown)
    else:
        idx = array_arg(fc, bound["obj"], node, shown, "an int, an integer array or a boolean mask")
    it = idx.type.dtype
    if idx.type.ndim != 1 or not isinstance(it, Scalar) or not (it.is_int or it.is_bool):
        raise fc.error(bound["obj"], f"{shown}(): obj must be an int, a 1-D integer array or a boolean mask, not "
                                     f"{article(idx.type)}", f"{shown}(a, [0, 2])")
    values["_o"] = idx
    if it.is_bool:
        keep = """\
if _o.shape[0] != _n:
    raise ValueError("boolean array argument obj to delete must be one dimensional and match the axis length of "
                     + str(_n))
_m = ~_o
"""
    else:
        keep = f"""\
_m = np.ones(_n, dtype=bool)
for _j in range(_o.shape[0]):
    _p = _o[_j]
    if _p < -_n or _p >= _n:
        raise IndexError("index " + str(_p) + " is out of bounds for axis {axis} with size " + str(_n))
    _m[_p] = False
"""
    source = f"_a = {flat}\n_n = _a.shape[{axis}]\n" + keep + f"_r = _a[{along(nd, axis, '_m')}]\n"
    return synth.value(fc, source, node, values=values)


def insert(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.insert(arr, obj, values, axis=None)` with one int position: `values` (a number, or an
    array that fills the new place(s) as NumPy broadcasts it) before item `obj`, cast to arr's dtype."""
    bound = _bind(fc, node, ["arr", "obj", "values", "axis"], shown, 3)
    a, flat, axis = _array_and_axis(fc, node, bound, shown)
    nd = 1 if not _given(bound, "axis") else a.type.ndim
    obj = value_of(fc, bound["obj"])
    if not (isinstance(obj.type, Scalar) and obj.type.is_int and not obj.type.is_bool):
        raise fc.error(bound["obj"], f"{shown}() in .fx code takes one int position, not {article(obj.type)}",
                       f"one {shown}() per position, from the last one down")
    if isinstance(bound["values"], ast.List):
        from fastext.compiler.frontend.creation import literal
        v = literal(fc, bound["values"], bound["values"], shown)
    else:
        v = value_of(fc, bound["values"])
    dt = numpy_name(a.type.dtype)
    values = {"_a0": a, "_i": obj, "_v": v}
    if isinstance(v.type, Array):
        if nd == 1 and v.type.ndim == 1:
            piece = f"_v.astype({dt!r})"
        elif v.type.ndim == nd - 1:       # one row (column) of the other axes' shape
            spread = along(nd, axis, "None")
            piece = f"_v[{spread}].astype({dt!r})"
        else:
            raise fc.error(bound["values"], f"{shown}(): values of {article(v.type)} do not fit a "
                                            f"{nd}-D array's new place here", "a number, or one row")
    else:
        shape = ", ".join("1" if k == axis else f"_a.shape[{k}]" for k in range(nd))
        piece = f"np.full(({shape},), _v, dtype={dt!r})"
    source = f"_a = {flat}\n" + _index_check(axis) + f"""\
if _k < 0 or _k > _n:
    raise IndexError("index " + str(_i) + " is out of bounds for axis {axis} with size " + str(_n))
_r = np.concatenate((_a[{along(nd, axis, ':_k')}], {piece}, _a[{along(nd, axis, '_k:')}]), axis={axis})
"""
    return synth.value(fc, source, node, values=values)


def pad_periodic(fc: "FunctionChecker", node: ast.Call, array: ir.Expr, widths: list, mode: str) -> ir.Expr:
    """np.pad's 'reflect', 'symmetric' and 'wrap' modes (see the module docstring); `widths` holds
    one (before, after) pair of typed ints per axis.  Each axis in turn: a new array, the
    source stored in its middle in one slice assignment, then each padded position's slice
    copied from the source position it mirrors (a few slices, each a block copy)."""
    nd = array.type.ndim
    dt = numpy_name(array.type.dtype)
    values = {"_a0": array}
    lines = ["_o = _a0"]
    if mode == "wrap":
        source = "_j % _n"
    elif mode == "symmetric":
        source = "(2 * _n - 1 - _j % (2 * _n)) if _j % (2 * _n) >= _n else _j % (2 * _n)"
    else:
        source = ("0 if _n == 1 else ((2 * _n - 2 - _j % (2 * _n - 2)) if _j % (2 * _n - 2) >= _n "
                  "else _j % (2 * _n - 2))")
    for k, (before, after) in enumerate(widths):
        values[f"_b{k}"], values[f"_e{k}"] = before, after
        shape = ", ".join(f"_o.shape[{j}] + _b{k} + _e{k}" if j == k else f"_o.shape[{j}]" for j in range(nd))
        lines += [f"if _b{k} < 0 or _e{k} < 0:",
                  "    raise ValueError(\"index can't contain negative values\")",
                  f"_n = _o.shape[{k}]",
                  f"if _n == 0 and (_b{k} > 0 or _e{k} > 0):",
                  f"    raise ValueError(\"can't extend empty axis {k} using modes other than 'constant' or 'empty'\")",
                  f"_t = np.empty(({shape},), dtype={dt!r})",
                  f"_t[{along(nd, k, f'_b{k}:_b{k} + _n')}] = _o",
                  f"for _p in range(_b{k}):",
                  f"    _j = _p - _b{k}",
                  f"    _t[{along(nd, k, '_p')}] = _o[{along(nd, k, source.join('()'))}]",
                  f"for _p in range(_b{k} + _n, _b{k} + _n + _e{k}):",
                  f"    _j = _p - _b{k}",
                  f"    _t[{along(nd, k, '_p')}] = _o[{along(nd, k, source.join('()'))}]",
                  "_o = _t"]
    lines.append("_r = _o")
    return synth.value(fc, "\n".join(lines) + "\n", node, values=values)
