"""NumPy functions that are compositions of other operations (`ops/ufuncs.py`, `ops/creation.py`,
`ops/shape.py` declare them): typed here as the typed IR of the operations NumPy's own Python
code applies — `np.logspace` is `np.power(base, np.linspace(...))`, `np.select` nested
`np.where`s — so they need no lowering of their own and fuse like any array expression.
"""
from __future__ import annotations

import ast
import math
from typing import TYPE_CHECKING

import numpy

from fastext.compiler import ir, ops
from fastext.compiler.frontend.arrays import _bind, _elem_type, apply, elementwise, np_call
from fastext.compiler.frontend.shape import array_arg, sequence, value_of
from fastext.compiler.types import BOOL, F64, I64, Array, Scalar, Tuple, article

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker


def divmod_call(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.divmod(x1, x2)`: the tuple (x1 // x2, x1 % x2), NumPy's floor division and remainder."""
    bound = _bind(fc, node, ["x1", "x2"], shown, 2)
    x1, x2 = value_of(fc, bound["x1"]), value_of(fc, bound["x2"])
    q, r = np_call(fc, node, "floor_divide", x1, x2), np_call(fc, node, "remainder", x1, x2)
    return ir.MakeTuple(Tuple((q.type, r.type)), fc.span(node), [q, r])


def nan_to_num(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.nan_to_num(x, copy=True, nan=0.0, posinf=None, neginf=None)` of real numbers: NaN and
    the infinities replaced (by default with the dtype's largest finite values)."""
    bound = _bind(fc, node, ["x", "copy", "nan", "posinf", "neginf"], shown, 1)
    if "copy" in bound and not (isinstance(bound["copy"], ast.Constant) and bound["copy"].value is True):
        raise fc.error(bound["copy"], f"{shown}(copy=False) is not supported: the result is a new array",
                       "assign it back: x[...] = np.nan_to_num(x)")
    x = value_of(fc, bound["x"])
    t = _elem_type(x)
    if not isinstance(t, Scalar) or t.is_complex:
        raise fc.error(node, f"{shown}() of {article(x.type)} is not supported", "real numbers")
    if not t.is_float:
        return x if not isinstance(x.type, Array) else elementwise(fc, ops.get("np.positive"), [x], node)
    span = fc.span(node)
    big = float(numpy.finfo(numpy.float32 if t.bits == 32 else numpy.float64).max)

    def given(name: str, default: float) -> ir.Expr:
        value = bound.get(name)
        if value is None or isinstance(value, ast.Constant) and value.value is None:
            return fc.convert(ir.Const(F64, span, default), t)
        return value_of(fc, value)

    out = np_call(fc, node, "where", np_call(fc, node, "equal", x, ir.Const(F64, span, -math.inf)), given("neginf", -big), x)
    out = np_call(fc, node, "where", np_call(fc, node, "equal", x, ir.Const(F64, span, math.inf)), given("posinf", big), out)
    out = np_call(fc, node, "where", np_call(fc, node, "isnan", x), given("nan", 0.0), out)
    return out


def select(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.select(condlist, choicelist, default=0)`: the first choice whose condition holds, as
    NumPy's `where`s from the last pair to the first (one fused loop)."""
    bound = _bind(fc, node, ["condlist", "choicelist", "default"], shown, 2)
    conds, choices = sequence(fc, bound["condlist"], shown), _values(fc, bound["choicelist"], shown)
    if len(conds) != len(choices):
        raise fc.error(node, "list of cases must be same length as list of conditions (ValueError in NumPy)",
                       "one choice per condition")
    for c in conds:
        if _elem_type(c) != BOOL:
            raise fc.error(node, "invalid entry in condlist: should be boolean ndarray (TypeError in NumPy)",
                           "conditions are comparisons: x > 0")
    out = value_of(fc, bound["default"]) if "default" in bound else ir.Const(I64, fc.span(node), 0)
    for cond, choice in reversed(list(zip(conds, choices))):
        out = np_call(fc, node, "where", cond, choice, out)
    return out


def _values(fc: "FunctionChecker", arg: ast.expr, shown: str) -> list[ir.Expr]:
    """The items of a list/tuple literal: arrays or numbers."""
    if not isinstance(arg, (ast.Tuple, ast.List)):
        return sequence(fc, arg, shown)
    return [value_of(fc, e) for e in arg.elts]


def logspace(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.logspace(start, stop, num=50, endpoint=True, base=10.0)`: base ** np.linspace(...)."""
    bound = _bind(fc, node, ["start", "stop", "num", "endpoint", "base", "dtype", "axis"], shown, 2)
    for name in ("dtype", "axis"):
        if name in bound:
            raise fc.error(bound[name], f"{shown}({name}=...) is not supported in .fx code", "drop it")
    keywords = [ast.keyword(k, bound[k]) for k in ("start", "stop", "num", "endpoint") if k in bound]
    grid = apply(fc, node, "array.linspace", None, keywords, "np.linspace")
    base = value_of(fc, bound["base"]) if "base" in bound else ir.Const(F64, fc.span(node), 10.0)
    return np_call(fc, node, "power", base, grid)


def atleast(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.atleast_1d/2d/3d(a)` of one array: the array, or a view with axes of size 1 added as
    NumPy adds them ((N,) → (1, N) → (1, N, 1); (M, N) → (M, N, 1))."""
    bound = _bind(fc, node, ["a"], shown, 1)
    array = array_arg(fc, bound["a"], node, shown)
    want, ndim = op.data["ndim"], array.type.ndim
    if ndim >= want:
        return array
    if want == 2 or ndim == 2:
        shape = ["new", ":"] if want == 2 else [":", ":", "new"]
    else:
        shape = ["new", ":", "new"]
    items = [ir.SliceItem(newaxis=True) if s == "new" else ir.SliceItem() for s in shape]
    return ir.ArraySlice(Array(array.type.dtype, want), fc.span(node), array, items)



_FINFO = ("eps", "max", "min", "tiny", "smallest_normal", "resolution", "epsneg", "bits", "precision",
          "maxexp", "minexp", "nmant", "nexp")
_IINFO = ("max", "min", "bits")


def type_info(fc: "FunctionChecker", node: ast.Attribute) -> ir.Expr | None:
    """`np.finfo(dtype).eps`, `np.iinfo(dtype).max`, ...: NumPy's values as compile-time constants
    (dtype: np.float32, float, "float64", `a.dtype`); None when the call is not finfo/iinfo."""
    call = node.value
    func = call.func
    if not (isinstance(func, ast.Attribute) and func.attr in ("finfo", "iinfo") and isinstance(func.value, ast.Name)):
        return None
    b = fc.scope.lookup(func.value.id)
    if b is None or not b.kind.startswith("module:numpy") or len(call.args) != 1 or call.keywords:
        return None
    from fastext.compiler.frontend.alloc import resolve_dtype
    from fastext.compiler.ops.dtypes import numpy_name
    dtype = resolve_dtype(fc, call.args[0])
    span = fc.span(node)
    if dtype is None or (func.attr == "finfo") != (dtype.is_float or dtype.is_complex) or \
            func.attr == "iinfo" and not dtype.is_int:
        raise fc.error(call, f"np.{func.attr}() of {dtype or 'None'} is not defined (ValueError in NumPy)",
                       "np.finfo(a float dtype), np.iinfo(an integer dtype)")
    names = _FINFO if func.attr == "finfo" else _IINFO
    if node.attr not in names:
        raise fc.error(node, f"np.{func.attr}(...).{node.attr} is not supported in .fx code",
                       f"supported: {', '.join(names)}")
    value = getattr(getattr(numpy, func.attr)(numpy_name(dtype)), node.attr)
    if isinstance(value, (int, numpy.integer)) and not isinstance(value, bool):
        return ir.Const(dtype if node.attr in ("max", "min") and dtype.is_int else I64, span, int(value))
    part = dtype if dtype.is_float else (F64 if dtype.bits == 128 else ops.dtypes.from_numpy("float32"))
    return ir.Const(part, span, float(value))


def unravel_index(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.unravel_index(indices, shape)` in C order: the tuple of coordinate arrays (or ints) with
    coordinate k = indices // (d[k+1] * ... ) % d[k]; NumPy's ValueError for an index out of range."""
    from fastext.compiler.frontend.arrays import let, raise_if, typed, use
    bound = _bind(fc, node, ["indices", "shape", "order"], shown, 2)
    if "order" in bound and not (isinstance(bound["order"], ast.Constant) and bound["order"].value == "C"):
        raise fc.error(bound["order"], f"{shown}(order=...) supports only 'C'", "drop order=")
    indices = value_of(fc, bound["indices"])
    shape = value_of(fc, bound["shape"])
    if not isinstance(_elem_type(indices), Scalar) or not _elem_type(indices).is_int:
        raise fc.error(bound["indices"], f"{shown}() needs integer indices, got {article(indices.type)}",
                       "an int, or an array of ints")
    if not isinstance(shape.type, Tuple) or not all(isinstance(t, Scalar) and t.is_int for t in shape.type.items):
        raise fc.error(bound["shape"], f"{shown}() needs the shape as a tuple of ints, got {article(shape.type)}",
                       "a.shape, or (rows, cols)")
    span = fc.span(node)
    dims = list(shape.items) if isinstance(shape, ir.MakeTuple) else \
        [ir.TupleGet(t, span, shape, k) for k, t in enumerate(shape.type.items)]

    def make(idx, *ds):
        size = ir.Const(I64, span, 1)
        for d in ds:
            size = typed(fc, node, "multiply", [size, use(d)], I64)
        bad = typed(fc, node, "logical_or", [typed(fc, node, "less", [use(idx), ir.Const(I64, span, 0)], I64),
                                             typed(fc, node, "greater_equal", [use(idx), size], I64)], BOOL)
        if isinstance(bad.type, Array):
            bad = apply(fc, node, "np.any", bad, shown=shown)
        check = raise_if(fc, node, bad, "ValueError", "index is out of bounds for the array of this shape")
        coords, stride = [], ir.Const(I64, span, 1)
        for d in reversed(ds):
            q = typed(fc, node, "floor_divide", [use(idx), stride], I64)
            coords.append(typed(fc, node, "remainder", [q, use(d)], I64))
            stride = typed(fc, node, "multiply", [stride, use(d)], I64)
        coords.reverse()
        return [check], ir.MakeTuple(Tuple(tuple(c.type for c in coords)), span, coords)

    return let(fc, node, [fc.convert(indices, I64) if isinstance(indices.type, Scalar) else indices, *dims], make)


def append(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.append(arr, values, axis=None)`: np.concatenate of the two (flattened without axis; a
    number is a one-item array), in NumPy's common dtype."""
    from fastext.compiler.frontend.shape import _joined, _same_ndim, axis_arg
    bound = _bind(fc, node, ["arr", "values", "axis"], shown, 2)
    items = []
    for key in ("arr", "values"):
        v = value_of(fc, bound[key])
        if isinstance(v.type, Scalar):      # np.append(a, 5.0): NumPy makes it an array first
            from fastext.compiler.frontend.creation import _literal
            v = _literal(fc, node, bound[key], (1,), [bound[key]], [v], None, shown)
        if not isinstance(v.type, Array):
            raise fc.error(bound[key], f"{shown}() joins arrays or numbers, got {article(v.type)}", f"{shown}(a, b)")
        items.append(v)
    if "axis" not in bound or isinstance(bound["axis"], ast.Constant) and bound["axis"].value is None:
        return _joined(fc, node, items, 1, None, None)
    ndim = _same_ndim(fc, node, items)
    return _joined(fc, node, items, ndim, axis_arg(fc, bound["axis"], ndim, allow_none=False), None)


def ascontiguousarray(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.ascontiguousarray(a)`: `a` itself when C-contiguous, else a C-contiguous copy — exactly
    `a.ravel().reshape(a.shape)` (each a view where one is possible)."""
    bound = _bind(fc, node, ["a", "dtype"], shown, 1)
    array = array_arg(fc, bound["a"], node, shown)
    if "dtype" in bound:
        from fastext.compiler.frontend.alloc import resolve_dtype
        from fastext.compiler.frontend.shape import astype_map
        dtype = resolve_dtype(fc, bound["dtype"])
        if dtype is not None and dtype != array.type.dtype:
            return astype_map(fc, array, dtype, node)      # a new array, C-contiguous
    if array.type.ndim == 1:
        return ir.Intrinsic(array.type, fc.span(node), "array.ravel", [array])
    span = fc.span(node)
    flat = ir.Intrinsic(Array(array.type.dtype, 1), span, "array.ravel", [array])
    dims = [ir.ArrayDim(I64, span, array, k) for k in range(array.type.ndim)]
    return ir.Intrinsic(array.type, span, "array.reshape", [flat, *dims])
