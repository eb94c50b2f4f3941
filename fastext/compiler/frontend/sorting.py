"""Typing of sorting and searching (`ops/sorting.py`): np.sort, a.sort(), np.argsort,
np.unique, np.searchsorted, np.isin."""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler import ir, ops
from fastext.compiler.frontend.arrays import _bind, constant, is_strong
from fastext.compiler.frontend.shape import array_arg, axis_arg, value_of
from fastext.compiler.ops import dtypes
from fastext.compiler.types import BOOL, I64, NONE, Array, Scalar, Tuple, article

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

_KINDS = ("quicksort", "mergesort", "heapsort", "stable")


def _sortable(fc, array: ir.Expr, node: ast.AST, shown: str) -> None:
    if array.type.dtype.is_complex:
        raise fc.error(node, f"{shown}() of complex numbers is not supported yet", "sort .real, or abs(z)")


def _kind(fc, bound: dict, shown: str) -> None:
    node = bound.pop("kind", None)
    if node is not None and not (isinstance(node, ast.Constant) and (node.value is None or node.value in _KINDS)):
        raise fc.error(node, f"{shown}(kind=...) takes 'quicksort', 'mergesort', 'heapsort' or 'stable'",
                       "drop kind= (the result is the same sorted array)")
    if "order" in bound:
        raise fc.error(bound["order"], f"{shown}(order=...) is for structured arrays", "drop order=")


def _axis(fc, bound: dict, ndim: int):
    """axis=-1 by default; None: the flattened array."""
    if "axis" not in bound:
        return ndim - 1
    return axis_arg(fc, bound["axis"], ndim)


def _sort_args(fc, node, shown: str, receiver) -> tuple[dict, ir.Expr]:
    """The bound arguments of np.sort/np.argsort (kind= checked, stable= accepted) and the array."""
    bound = _bind(fc, node, ["a", "axis", "kind", "order", "stable"], shown, 1, receiver)
    bound.pop("stable", None)
    _kind(fc, bound, shown)
    array = array_arg(fc, bound["a"], node, shown)
    _sortable(fc, array, node, shown)
    return bound, array


def sort(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.sort(a, axis=-1)` (a sorted copy; axis=None: flattened) and `a.sort(axis=-1)` (in place)."""
    bound, array = _sort_args(fc, node, shown, receiver)
    span = fc.span(node)
    if op.name == "array.sort_inplace":
        if "axis" in bound and isinstance(bound["axis"], ast.Constant) and bound["axis"].value is None:
            raise fc.error(bound["axis"], "a.sort(axis=None) is not allowed (NumPy raises)", "np.sort(a, axis=None)")
        if isinstance(array, ir.ArrayMap):
            raise fc.error(node, f"{shown}() sorts an array in place: this is an expression", "np.sort(expr)")
        return ir.Intrinsic(NONE, span, "array.sort_inplace", [array], {"axis": _axis(fc, bound, array.type.ndim)})
    axis = _axis(fc, bound, array.type.ndim)
    ndim = 1 if axis is None else array.type.ndim
    return ir.Intrinsic(Array(array.type.dtype, ndim), span, "array.sort", [array], {"axis": axis})


def argsort(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.argsort(a, axis=-1)`: int64 indices, by a stable sort (equal items keep their order)."""
    bound, array = _sort_args(fc, node, shown, receiver)
    axis = _axis(fc, bound, array.type.ndim)
    ndim = 1 if axis is None else array.type.ndim
    return ir.Intrinsic(Array(I64, ndim), fc.span(node), "array.argsort", [array], {"axis": axis})


def unique(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.unique(a, return_index=False, return_inverse=False, return_counts=False)`: the sorted
    distinct items (1-D); with any of the options a tuple, as NumPy returns it — the values, then
    the flat index of each one's first occurrence, the position of every item among the values
    (of a's shape, as NumPy 2 gives it) and the count of each, int64 arrays (`attrs`: which)."""
    bound = _bind(fc, node, ["ar", "return_index", "return_inverse", "return_counts", "axis", "equal_nan"],
                  shown, 1)
    attrs = {name[7:]: constant(fc, bound[name], bool, name) if name in bound else False
             for name in ("return_index", "return_inverse", "return_counts")}
    if "axis" in bound and not (isinstance(bound["axis"], ast.Constant) and bound["axis"].value is None):
        raise fc.error(bound["axis"], f"{shown}(axis=...) is not supported yet", "np.unique(a) of the flattened array")
    if "equal_nan" in bound and not (isinstance(bound["equal_nan"], ast.Constant) and bound["equal_nan"].value is True):
        raise fc.error(bound["equal_nan"], f"{shown}(equal_nan=False) is not supported", "drop equal_nan=")
    array = array_arg(fc, bound["ar"], node, shown)
    _sortable(fc, array, node, shown)
    values = Array(array.type.dtype, 1)
    if not any(attrs.values()):
        return ir.Intrinsic(values, fc.span(node), "array.unique", [array])
    items = [values] + [Array(I64, array.type.ndim if k == "inverse" else 1) for k, on in attrs.items() if on]
    return ir.Intrinsic(Tuple(tuple(items)), fc.span(node), "array.unique", [array], attrs)


def searchsorted(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.searchsorted(a, v, side='left')`: a 1-D sorted array; v a number (an int result) or
    an array expression (an int64 array of its shape).  Both sides compare in NumPy's common
    dtype, a Python number counting as its kind's default dtype (int64, float64)."""
    bound = _bind(fc, node, ["a", "v", "side", "sorter"], shown, 2, receiver)
    if "sorter" in bound:
        raise fc.error(bound["sorter"], f"{shown}(sorter=...) is not supported yet", "sort a first: np.sort(a)")
    side = "left"
    if "side" in bound:
        s = bound["side"]
        if not (isinstance(s, ast.Constant) and s.value in ("left", "right")):
            raise fc.error(s, "side must be 'left' or 'right'", "side='right'")
        side = s.value
    array = array_arg(fc, bound["a"], node, shown)
    if array.type.ndim != 1:
        raise fc.error(node, f"{shown}() needs a 1-D array a, got a {array.type.ndim}-D one", "search a row: a[i]")
    _sortable(fc, array, node, shown)
    v = value_of(fc, bound["v"])
    if isinstance(v.type, Array):
        vkey = v.type.dtype.name
    elif isinstance(v.type, Scalar):
        vkey = v.type.name if is_strong(v) or v.type.is_bool else \
            ("f64" if v.type.is_float else "c128" if v.type.is_complex else "i64")
    else:
        raise fc.error(bound["v"], f"{shown}(): v must be a number or an array, got {article(v.type)}", "")
    if v.type.dtype.is_complex if isinstance(v.type, Array) else v.type.is_complex:
        raise fc.error(bound["v"], f"{shown}() of complex numbers is not supported yet", "search real values")
    common = dtypes.result_type([array.type.dtype.name, vkey])
    result = Array(I64, v.type.ndim) if isinstance(v.type, Array) else I64
    return ir.Intrinsic(result, fc.span(node), "array.searchsorted", [array, v],
                        {"side": side, "common": common.name})


def isin(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.isin(element, test_elements, assume_unique=False, invert=False, kind=None)`: a bool
    array of element's shape, whether each item equals one of test_elements (any shape), compared
    in NumPy's common dtype of the two.  `assume_unique` and `kind` change only NumPy's method,
    not the result: accepted (constants) and ignored."""
    bound = _bind(fc, node, ["element", "test_elements", "assume_unique", "invert", "kind"], shown, 2)
    for name in ("assume_unique", "kind"):
        if name in bound and not isinstance(bound[name], ast.Constant):
            raise fc.error(bound[name], f"{name}= must be a constant (it is accepted and ignored)", f"drop {name}=")
    invert = constant(fc, bound["invert"], bool, "invert") if "invert" in bound else False
    element = array_arg(fc, bound["element"], node, shown, "an array `element`")
    test = array_arg(fc, bound["test_elements"], node, shown, "an array `test_elements`")
    for a in (element, test):
        _sortable(fc, a, node, shown)
    common = dtypes.result_type([element.type.dtype.name, test.type.dtype.name])
    return ir.Intrinsic(Array(BOOL, element.type.ndim), fc.span(node), "array.isin", [element, test],
                        {"common": common.name, "invert": invert})
