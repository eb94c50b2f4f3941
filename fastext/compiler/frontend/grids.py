"""np.tri, np.geomspace and np.ravel_multi_index, typed as compositions of existing operations
(`ops/creation.py` and `ops/indexing.py` declare them), the way NumPy's own Python code builds
them: np.tri a cast comparison of two index grids, np.geomspace a `linspace` of logarithms raised
to powers of ten with the exact endpoints put back, np.ravel_multi_index sums of coordinates times
C-order strides after NumPy's range check.  None has a lowering of its own.
"""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler import ir, ops
from fastext.compiler.frontend.arrays import _bind, _elem_type, apply, build, let, np_call, raise_if, typed, use
from fastext.compiler.frontend.shape import astype_map, int_arg, sequence, value_of
from fastext.compiler.types import BOOL, F64, I64, Array, Scalar, Tuple, article

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker


def _none(arg) -> bool:
    return arg is None or isinstance(arg, ast.Constant) and arg.value is None


def _arange(fc, node, n: ir.Expr) -> ir.Expr:
    span = fc.span(node)
    return ir.Intrinsic(Array(I64, 1), span, "array.arange", [ir.Const(I64, span, 0), n, ir.Const(I64, span, 1)],
                        {"strong_step": False})


def tri(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.tri(N, M=None, k=0, dtype=float)`: ones at and below the k-th diagonal of an (N, M)
    array — NumPy's `greater_equal.outer(arange(N), arange(-k, M - k))` cast to dtype."""
    from fastext.compiler.frontend.alloc import resolve_dtype
    bound = _bind(fc, node, ["N", "M", "k", "dtype"], shown, 1)
    n = int_arg(fc, bound["N"], shown, "N")
    m = None if _none(bound.get("M")) else int_arg(fc, bound["M"], shown, "M")
    k = int_arg(fc, bound["k"], shown, "k") if "k" in bound else ir.Const(I64, fc.span(node), 0)
    dtype = resolve_dtype(fc, bound["dtype"]) if "dtype" in bound else F64
    if dtype is None or not isinstance(dtype, Scalar):
        raise fc.error(bound["dtype"], f"{shown}(): dtype must be a NumPy number type", "dtype=float")
    span = fc.span(node)

    def make(N, K, M=None):
        rows = ir.ArraySlice(Array(I64, 2), span, _arange(fc, node, use(N)), [ir.SliceItem(), ir.SliceItem(newaxis=True)])
        cols = ir.ArraySlice(Array(I64, 2), span, _arange(fc, node, use(M if M is not None else N)),
                             [ir.SliceItem(newaxis=True), ir.SliceItem()])
        offset = build(fc, ops.get("np.subtract"), [cols, rows], [I64, I64], I64, node)
        mask = build(fc, ops.get("np.less_equal"), [offset, use(K)], [I64, I64], BOOL, node)
        return astype_map(fc, mask, dtype, node) if dtype != BOOL else mask
    return let(fc, node, [n, k] + ([m] if m is not None else []), make)


def geomspace(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.geomspace(start, stop, num=50, endpoint=True)` of real numbers, as NumPy computes it:
    start rotated to positive by its sign, `10 ** linspace(log10(start), log10(stop), ...)`, the
    first item start and the last stop exactly, times the sign; ValueError for a zero end."""
    bound = _bind(fc, node, ["start", "stop", "num", "endpoint", "dtype", "axis"], shown, 2)
    for name in ("dtype", "axis"):
        if name in bound:
            raise fc.error(bound[name], f"{shown}({name}=...) is not supported in .fx code", "drop it (float64)")
    ends = []
    for name in ("start", "stop"):
        v = value_of(fc, bound[name])
        t = v.type
        if not (isinstance(t, Scalar) and not t.is_complex):
            raise fc.error(bound[name], f"{shown}(): {name} must be a real number, not {article(t)}",
                           "arrays and complex ends are not supported: a loop of scalar calls")
        ends.append(fc.convert(v, F64) if t != F64 else v)
    num = int_arg(fc, bound["num"], shown, "num") if "num" in bound else ir.Const(I64, fc.span(node), 50)
    from fastext.compiler.frontend.arrays import constant
    endpoint = constant(fc, bound["endpoint"], bool, "endpoint") if "endpoint" in bound else True
    span = fc.span(node)

    def make(S, T, N):
        zero = ir.Const(F64, span, 0.0)
        bad = typed(fc, node, "logical_or", [typed(fc, node, "equal", [use(S), zero], F64),
                                             typed(fc, node, "equal", [use(T), zero], F64)], BOOL)
        check = raise_if(fc, node, bad, "ValueError", "Geometric sequence cannot include zero")
        sign = lambda: typed(fc, node, "sign", [use(S)], F64)    # noqa: E731
        s = lambda: typed(fc, node, "true_divide", [use(S), sign()], F64)    # noqa: E731
        t = lambda: typed(fc, node, "true_divide", [use(T), sign()], F64)    # noqa: E731
        lo, hi = typed(fc, node, "log10", [s()], F64), typed(fc, node, "log10", [t()], F64)
        grid = ir.Intrinsic(Array(F64, 1), span, "array.linspace", [lo, hi, use(N), ir.copy_expr(lo)],
                            {"endpoint": endpoint, "compute": "f64", "add": ("f64", "f64")})
        out = np_call(fc, node, "power", ir.Const(F64, span, 10.0), grid)
        idx = lambda: _arange(fc, node, use(N))    # noqa: E731
        if endpoint:
            last = typed(fc, node, "logical_and", [
                typed(fc, node, "equal", [idx(), typed(fc, node, "subtract", [use(N), ir.Const(I64, span, 1)], I64)], I64),
                typed(fc, node, "greater", [use(N), ir.Const(I64, span, 1)], I64)], BOOL)
            out = np_call(fc, node, "where", last, t(), out)
        out = np_call(fc, node, "where", typed(fc, node, "equal", [idx(), ir.Const(I64, span, 0)], I64), s(), out)
        return [check], np_call(fc, node, "multiply", out, sign())
    return let(fc, node, [ends[0], ends[1], num], make)


_MODES = ("raise", "wrap", "clip")


def ravel_multi_index(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.ravel_multi_index(multi_index, dims, mode='raise', order='C')`: the flat C-order index
    sum(i_k * stride_k) of integer coordinates (ints or arrays, broadcast); mode 'raise' is
    NumPy's ValueError for a coordinate outside its dimension, 'wrap' wraps it (Python's modulo),
    'clip' clips it to the dimension."""
    bound = _bind(fc, node, ["multi_index", "dims", "mode", "order"], shown, 2)
    if "order" in bound and not (isinstance(bound["order"], ast.Constant) and bound["order"].value == "C"):
        raise fc.error(bound["order"], f"{shown}(order=...) supports only 'C'", "drop order=")
    mode = "raise"
    if "mode" in bound:
        m = bound["mode"]
        if not (isinstance(m, ast.Constant) and m.value in _MODES):
            raise fc.error(m, f"{shown}(mode=...) must be the constant 'raise', 'wrap' or 'clip'",
                           "one mode for every axis (a tuple of modes is not supported)")
        mode = m.value
    coords = [value_of(fc, e) for e in bound["multi_index"].elts] \
        if isinstance(bound["multi_index"], (ast.Tuple, ast.List)) else sequence(fc, bound["multi_index"], shown)
    for c, where in zip(coords, bound["multi_index"].elts if isinstance(bound["multi_index"], (ast.Tuple, ast.List))
                        else [bound["multi_index"]] * len(coords)):
        t = _elem_type(c)
        if not (isinstance(t, Scalar) and (t.is_int or t.is_bool)):
            raise fc.error(where, f"{shown}(): coordinates must be integers, not {article(c.type)} "
                                  "(TypeError in NumPy)", "ints or integer arrays: i.astype(np.int64)")
    dims_v = value_of(fc, bound["dims"])
    if isinstance(dims_v.type, Scalar) and dims_v.type.is_int:
        dims_v = ir.MakeTuple(Tuple((I64,)), dims_v.span, [fc.convert(dims_v, I64)])
    if not isinstance(dims_v.type, Tuple) or not all(isinstance(t, Scalar) and t.is_int for t in dims_v.type.items):
        raise fc.error(bound["dims"], f"{shown}() needs dims as a tuple of ints, got {article(dims_v.type)}",
                       "a.shape, or (rows, cols)")
    if len(dims_v.type.items) != len(coords):
        raise fc.error(node, f"parameter multi_index must be a sequence of length {len(dims_v.type.items)} "
                             "(ValueError in NumPy)", "one coordinate per dimension")
    span = fc.span(node)
    dims = [fc.convert(d, I64) for d in dims_v.items] if isinstance(dims_v, ir.MakeTuple) else \
        [ir.Cast(I64, span, ir.TupleGet(t, span, dims_v, k)) if t != I64 else ir.TupleGet(t, span, dims_v, k)
         for k, t in enumerate(dims_v.type.items)]
    coords = [fc.convert(c, I64) if isinstance(c.type, Scalar) and c.type != I64 else c for c in coords]
    nd = len(coords)

    def make(*names):
        cs, ds = names[:nd], names[nd:]
        effects, total, stride = [], None, None
        for c, d in reversed(list(zip(cs, ds))):
            i = use(c)
            zero = ir.Const(I64, span, 0)
            if mode == "raise":
                bad = typed(fc, node, "logical_or", [typed(fc, node, "less", [use(c), zero], I64),
                                                     typed(fc, node, "greater_equal", [use(c), use(d)], I64)], BOOL)
                if isinstance(bad.type, Array):
                    bad = apply(fc, node, "np.any", bad, shown=shown)
                effects.append(raise_if(fc, node, bad, "ValueError", "invalid entry in coordinates array"))
            elif mode == "wrap":
                i = typed(fc, node, "remainder", [i, use(d)], I64)
            else:
                top = typed(fc, node, "subtract", [use(d), ir.Const(I64, span, 1)], I64)
                i = typed(fc, node, "maximum", [typed(fc, node, "minimum", [i, top], I64), zero], I64)
            term = i if stride is None else typed(fc, node, "multiply", [i, stride], I64)
            total = term if total is None else typed(fc, node, "add", [term, total], I64)
            stride = use(d) if stride is None else typed(fc, node, "multiply", [ir.copy_expr(stride), use(d)], I64)
        effects.reverse()       # NumPy checks the axes in order
        return effects, total
    return let(fc, node, [*coords, *dims], make)
