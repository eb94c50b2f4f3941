"""Typing of reductions (`ops/reductions.py`): parameters, `axis=`/`keepdims=`, result dtypes;
the NaN-ignoring ones (`np.nansum` & co.) as plain reductions of an element-wise source.

Result dtypes are NumPy's: sums and products of bools and integers narrower than 64 bits in
int64 (unsigned: uint64), means and variances of integers in float64, a variance of
complex numbers real, arg-reductions and counts int64.  `axis` is a constant int (negative
counts from the end), None, or for the folds of `TUPLE_AXES` a tuple of them (`attrs["axis"]`
a sorted tuple of two or more axes); the result is a scalar for a whole-array reduction and
an array of as many ranks less (the same rank with `keepdims=True`) along axes.
"""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler import ir, ops
from fastext.compiler.frontend.arrays import _bind, apply, constant
from fastext.compiler.types import (
    BOOL, ERROR, F32, F64, I64, U64, Array, ErrorType, Scalar, Struct, Tuple, article, complex_part,
)

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

_FLOAT_RESULT = ("mean", "var", "std", "average", "norm")


def result_dtype(kind: str, t: Scalar) -> Scalar:
    """NumPy's result dtype of reduction `kind` over items of type `t` (no dtype= given)."""
    if kind in ("sum", "prod", "cumsum", "cumprod"):
        if t.is_bool or t.is_int and t.signed:
            return I64
        if t.is_int:
            return U64
        return t
    if kind in _FLOAT_RESULT:
        if t.is_bool or t.is_int:
            return F64
        if kind in ("var", "std", "norm") and t.is_complex:
            return complex_part(t)
        return t
    if kind in ("argmin", "argmax", "count_nonzero"):
        return I64
    if kind in ("all", "any"):
        return BOOL
    return t     # min, max


def reduction_call(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str,
                   receiver: ir.Expr | None = None) -> ir.Expr:
    kind = op.data["reduce"]
    first = "x" if kind == "norm" else "a"
    params = [first, *op.data["params"]]
    bound = _bind(fc, node, params, shown, 1, receiver)
    src = bound[first] if isinstance(bound[first], ir.Expr) else fc.expr(bound[first])
    span = fc.span(node)
    if isinstance(src.type, ErrorType):
        return ir.Expr(ERROR, span)
    if isinstance(src.type, Tuple) and kind in ("sum", "prod", "min", "max") and len(bound) == 1 and src.type.items:
        from fastext.compiler.frontend.calls import tuple_fold      # np.prod(a.shape)
        return tuple_fold(fc, node, kind, src)
    if not isinstance(src.type, Array):
        src = _as_array(fc, src, bound[first] if isinstance(bound[first], ast.AST) else node, shown)
    if isinstance(src.type.dtype, Struct):
        raise fc.error(node, f"{shown}() is not defined on arrays of structs", "reduce a field in a loop")
    ndim = src.type.ndim
    attrs: dict = {"axis": None}
    if "out" in bound:
        raise fc.error(bound["out"], f"{shown}(out=...) is not supported yet", "assign the result: a[...] = np.sum(...)")
    if "axis" in bound:
        axis_node = bound["axis"]
        if isinstance(axis_node, (ast.Tuple, ast.List)):
            attrs["axis"] = axes_attr(fc, axis_node, ndim, kind, shown)
        elif not (isinstance(axis_node, ast.Constant) and axis_node.value is None):
            axis = constant(fc, axis_node, int, "axis")
            if not -ndim <= axis < ndim:
                raise fc.error(axis_node, f"axis {axis} is out of bounds for array of dimension {ndim}",
                               "NumPy raises AxisError here")
            attrs["axis"] = axis % ndim
    if "keepdims" in bound:
        attrs["keepdims"] = constant(fc, bound["keepdims"], bool, "keepdims")
    dtype = result_dtype(kind, src.type.dtype)
    if bound.get("dtype") is not None:
        from fastext.compiler.frontend.alloc import resolve_dtype
        given = resolve_dtype(fc, bound["dtype"])
        if given is not None:
            dtype = given
            attrs["dtype"] = given.name
    args: list[ir.Expr] = [src]
    if kind in ("var", "std"):
        ddof = fc.expr(bound["ddof"]) if "ddof" in bound else ir.Const(I64, span, 0)
        if not isinstance(ddof.type, Scalar) or ddof.type.is_complex:
            raise fc.error(node, f"ddof must be a number, got {article(ddof.type)}", "ddof=1")
        args.append(fc.convert(ddof, F64))
    if kind == "average":
        return _average(fc, node, op, bound, src, dtype, attrs, shown)
    if kind == "norm" and ndim == 2 and attrs["axis"] is None and not attrs.get("keepdims"):
        from fastext.compiler.frontend.npsource import matrix_norm
        value = matrix_norm(fc, node, bound.get("ord"), src)      # ord ±1, ±2, ±inf, 'nuc' of a matrix
        if value is not None:
            return value
    if kind == "norm":
        _norm_ord(fc, bound, attrs, ndim, shown)
        if attrs["axis"] is None and attrs.get("ord") in (None, 2.0) and not attrs.get("keepdims") \
                and src.type.dtype in (F32, F64) and not isinstance(src, ir.ArrayMap):
            return _norm_by_dot(fc, node, src, span)
    if kind in ("min", "max", "argmin", "argmax", "cummax", "cummin") and src.type.dtype.is_complex:
        raise fc.error(node, f"{shown}() of complex numbers is not supported yet", "reduce .real or abs(z)")
    return ir.Intrinsic(_result_type(kind, dtype, ndim, attrs), span, op.name, args, attrs)


# the reductions whose `axis=` may be a tuple of axes (folded together in one pass)
TUPLE_AXES = ("sum", "prod", "min", "max", "mean", "all", "any", "count_nonzero")


def axes_attr(fc: "FunctionChecker", node: ast.Tuple | ast.List, ndim: int, kind: str, shown: str):
    """`axis=(0, 2)`: the sorted axes; one axis is that int, every axis is None (the whole array)."""
    from fastext.compiler.frontend.shape import axes_arg
    if kind not in TUPLE_AXES:
        raise fc.error(node, f"{shown}(axis=(...)) with a tuple of axes is not supported",
                       f"a tuple of axes works for {', '.join(TUPLE_AXES)}; reduce one axis at a time")
    if not node.elts:
        raise fc.error(node, f"{shown}(axis=()) (no reduction) is not supported", "use the array itself")
    axes = tuple(sorted(axes_arg(fc, node, ndim)))
    return axes[0] if len(axes) == 1 else None if len(axes) == ndim else axes


def _result_type(kind: str, dtype: Scalar, ndim: int, attrs: dict):
    if kind in ("cumsum", "cumprod", "cummax", "cummin"):
        return Array(dtype, 1 if attrs["axis"] is None else ndim)
    if attrs.get("keepdims"):
        return Array(dtype, ndim)
    if attrs["axis"] is None or ndim == 1:    # a 1-D array reduced along its only axis: a scalar
        return dtype
    return Array(dtype, ndim - (len(attrs["axis"]) if isinstance(attrs["axis"], tuple) else 1))


def _as_array(fc, value: ir.Expr, node: ast.AST, shown: str) -> ir.Expr:
    from fastext.compiler.frontend.listarrays import from_list, is_list
    if is_list(value):          # np.mean(times): NumPy reduces np.asarray(times)
        return from_list(fc, value, node, None, shown)
    raise fc.error(node, f"{shown}() needs an array, got {article(value.type)}",
                   "reduce an array (scalars: use the value itself)")


def _norm_by_dot(fc, node, src: ir.Expr, span) -> ir.Expr:
    """NumPy's norm of a whole real array (ord None, 'fro', or 2 of a vector): sqrt(x.dot(x)) of
    the flattened items — the same BLAS dot NumPy calls, so the same bits for a C-contiguous
    array.  (An expression's norm stays a pairwise sum of squares, folded as it is computed:
    NumPy's bits would need its temporary array, which costs more than the dot saves.)"""
    from fastext.compiler.frontend.arrays import build, let, use
    t = src.type.dtype
    # NumPy ravels first (a strided vector is copied: its dot then runs with unit stride)
    flat = ir.Intrinsic(Array(t, 1), span, "array.ravel", [src])

    def make(x):
        return build(fc, ops.get("np.sqrt"), [ir.Intrinsic(t, span, "linalg.dot", [x, use(x)])], [t], t, node)
    return let(fc, node, [flat], make)


def _norm_ord(fc, bound: dict, attrs: dict, ndim: int, shown: str) -> None:
    import math
    node = bound.get("ord")
    if node is None or isinstance(node, ast.Constant) and node.value is None:
        attrs["ord"] = None
    elif isinstance(node, ast.Constant) and node.value == "fro":
        if ndim != 2:
            raise fc.error(node, "the Frobenius norm is for matrices", "ord=None for vectors")
        attrs["ord"] = None
    else:
        value = fc.expr(node)
        if not isinstance(value, ir.Const) or value.value not in (1, 2, math.inf, -math.inf):
            raise fc.error(node, f"{shown}(ord=...) supports None, 2, 1, np.inf and -np.inf for vectors",
                           "ord=None (the 2-norm; the Frobenius norm of a matrix)")
        if ndim != 1 and attrs.get("axis") is None:
            raise fc.error(node, "ord= other than None is supported for vectors and matrices",
                           "an array of more dimensions: name the axes, axis=... (or ravel it)")
        attrs["ord"] = float(value.value)
    if ndim > 2 and attrs.get("axis") is None:
        raise fc.error(bound["x"] if isinstance(bound["x"], ast.AST) else node,
                       "np.linalg.norm of an array of more than 2 dimensions needs axis=", "ravel it first")


def _average(fc, node, op, bound, src, dtype, attrs, shown) -> ir.Expr:
    """np.average: the mean, or with weights= sum(a * w) / sum(w) (weights of a's shape, or 1-D
    along axis=)."""
    span = fc.span(node)
    if "returned" in bound and constant(fc, bound["returned"], bool, "returned"):
        raise fc.error(bound["returned"], "np.average(returned=True) is not supported", "compute sum(w) separately")
    mean = ops.get("np.mean")
    weights = bound.get("weights")
    if weights is None or isinstance(weights, ast.Constant) and weights.value is None:
        return ir.Intrinsic(_result_type("mean", dtype, src.type.ndim, attrs), span, mean.name, [src], attrs)
    w = given = fc.expr(weights)
    if not isinstance(w.type, Array):
        raise fc.error(weights, "weights must be an array", "np.average(a, weights=w)")
    from fastext.compiler.frontend import arrays
    if attrs["axis"] is not None and w.type.ndim == 1 and src.type.ndim > 1:
        # 1-D weights along `axis`: shaped to broadcast against `a`
        items = [ir.SliceItem(newaxis=True) if k != attrs["axis"] else ir.SliceItem() for k in range(src.type.ndim)]
        w = ir.ArraySlice(Array(w.type.dtype, src.type.ndim), w.span, w, items)
    product = arrays.operator(fc, "*", src, w, node)
    total = ops.get("np.sum")
    num_t = result_dtype("sum", product.type.dtype)
    den_t = result_dtype("sum", w.type.dtype)
    num = ir.Intrinsic(_result_type("sum", num_t, src.type.ndim, attrs), span, total.name, [product], dict(attrs))
    den_attrs = dict(attrs) if given.type.ndim == src.type.ndim else {"axis": None}    # 1-D weights: one sum
    den = ir.Intrinsic(_result_type("sum", den_t, given.type.ndim, den_attrs), span, total.name, [given], den_attrs)
    if isinstance(num.type, Array) or isinstance(den.type, Array):
        return arrays.operator(fc, "/", num, den, node)
    return arrays.elementwise(fc, ops.get("np.true_divide"), [num, den], node)


def bincount_call(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str) -> ir.Expr:
    """`np.bincount(x, weights=None, minlength=0)`: x 1-D of integers NumPy casts safely to int64
    (bools and integers up to int64; uint64 and floats are TypeErrors in NumPy: compile errors)."""
    bound = _bind(fc, node, ["x", "weights", "minlength"], shown, 1)
    x = fc.expr(bound["x"])
    span = fc.span(node)
    if isinstance(x.type, ErrorType):
        return ir.Expr(ERROR, span)
    if not (isinstance(x.type, Array) and x.type.ndim == 1):
        raise fc.error(bound["x"], f"{shown}() needs a 1-D array of non-negative integers, got {article(x.type)}",
                       "np.bincount(labels)")
    t = x.type.dtype
    if isinstance(t, Struct) or not (t.is_bool or t.is_int) or t == U64:
        raise fc.error(bound["x"], f"{shown}(): cannot cast array data from {t} to int64 according to the rule 'safe'",
                       "convert first: x.astype(np.int64)")
    args = [x]
    dtype = I64
    weights = bound.get("weights")
    if weights is not None and not (isinstance(weights, ast.Constant) and weights.value is None):
        w = fc.expr(weights)
        if not (isinstance(w.type, Array) and w.type.ndim == 1 and isinstance(w.type.dtype, Scalar)
                and w.type.dtype.is_real):
            raise fc.error(weights, "weights must be a 1-D array of real numbers", "np.bincount(x, weights=w)")
        args.append(w)
        dtype = F64
    minlength = fc.expr(bound["minlength"]) if "minlength" in bound else ir.Const(I64, span, 0)
    if not (isinstance(minlength.type, Scalar) and minlength.type.is_int):
        raise fc.error(node, f"minlength must be an integer, got {article(minlength.type)}", "minlength=bins")
    args.insert(1, fc.convert(minlength, I64))
    return ir.Intrinsic(Array(dtype, 1), span, op.name, args)


def nan_reduction(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.nansum / nanprod / nanmean / nanmin / nanmax (a, axis=None, keepdims=False)`: as NumPy
    computes them — the NaNs replaced (0 for sums, 1 for products, -inf/+inf for max/min) and the
    plain reduction taken, one fused loop with no copy; nanmean divides by the count of the
    others; an all-NaN slice gives NaN for min/max and mean.  On integers: the plain reduction."""
    kind = op.data["nan"]
    bound = _bind(fc, node, ["a", "axis", "keepdims"], shown, 1, receiver)
    src = bound["a"] if isinstance(bound["a"], ir.Expr) else fc.expr(bound["a"])
    span = fc.span(node)
    if isinstance(src.type, ErrorType):
        return ir.Expr(ERROR, span)
    if not isinstance(src.type, Array) or not isinstance(src.type.dtype, Scalar):
        raise fc.error(node, f"{shown}() needs an array of numbers, got {article(src.type)}", f"{shown}(a)")
    keywords = [ast.keyword(k, bound[k]) for k in ("axis", "keepdims") if k in bound]

    def reduce(name: str, value: ir.Expr) -> ir.Expr:
        return apply(fc, node, f"np.{name}", value, keywords, shown)

    dtype = src.type.dtype
    if not (dtype.is_float or dtype.is_complex):
        return reduce(kind, src)
    from fastext.compiler.frontend.arrays import build, np_call
    nan = np_call(fc, node, "isnan", src)
    fill = {"sum": 0.0, "mean": 0.0, "prod": 1.0, "min": float("inf"), "max": float("-inf")}[kind]
    clean = build(fc, ops.get("np.where"), [nan, fc.convert(ir.Const(F64, span, fill), dtype), src],
                  [BOOL, dtype, dtype], dtype, node)
    if kind in ("sum", "prod"):
        return reduce(kind, clean)
    if kind == "mean":
        total = reduce("sum", clean)
        count = reduce("count_nonzero", np_call(fc, node, "logical_not", nan))
        t = total.type.dtype if isinstance(total.type, Array) else total.type
        return build(fc, ops.get("np.true_divide"), [total, count], [t, t], t, node)
    extreme = reduce(kind, clean)
    t = extreme.type.dtype if isinstance(extreme.type, Array) else extreme.type
    empty = reduce("all", nan)
    return build(fc, ops.get("np.where"), [empty, fc.convert(ir.Const(F64, span, float("nan")), t), extreme],
                 [BOOL, t, t], t, node)
