"""Typing of statistics (`ops/statistics.py`): np.median, np.percentile, np.quantile, np.histogram,
np.cov, np.corrcoef (compositions of existing operations, built as NumPy computes them), and
np.convolve, np.interp (lowered in `lower/statistics.py`).

The compositions read intermediate results more than once (the partitioned copy, the bin edges,
the centred matrix): `arrays.let` evaluates each once.  Order statistics come from
`array.partition` (a quickselect of a copy, O(n) per line like NumPy's introselect), read
at NumPy's indices and interpolated with NumPy's `_lerp`; NaN in a line makes its result NaN,
found as NumPy finds it, at the end of the partitioned line.
"""
from __future__ import annotations

import ast
from functools import partial
from typing import TYPE_CHECKING

from fastext.compiler import ir, ops
from fastext.compiler.frontend.arrays import (
    _bind, apply, build, elementwise, is_strong, let, np_call, raise_if, typed, use,
)
from fastext.compiler.frontend.shape import array_arg, astype_map, axis_arg, common_dtype, int_arg, value_of
from fastext.compiler.ops import dtypes
from fastext.compiler.types import BOOL, F64, I64, Array, Scalar, Tuple, article

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker


def _const(node: ast.AST, value) -> bool:
    return isinstance(node, ast.Constant) and node.value is value


def _only_defaults(fc, bound: dict, shown: str, defaults: dict[str, object], hint: str) -> None:
    """Parameters NumPy has and .fx code does not (yet): a located error unless given their default."""
    for name, default in defaults.items():
        if name in bound and not (isinstance(bound[name], ast.Constant) and bound[name].value == default
                                  and type(bound[name].value) is type(default)):
            raise fc.error(bound[name], f"{shown}({name}=...) is not supported in .fx code", hint)


def _real_array(fc, arg, node, shown: str, what: str = "an array of real numbers", bools: bool = True) -> ir.Expr:
    a = array_arg(fc, arg, node, shown, what)
    t = a.type.dtype
    if t.is_complex or t.is_bool and not bools:
        raise fc.error(arg if isinstance(arg, ast.AST) else node, f"{shown}() needs {what}, got a {t} array",
                       "convert first, e.g. a.astype(np.float64)")
    return a


# ----------------------------------------------------------------------------- median, percentile, quantile

_QPARAMS = ["a", "q", "axis", "out", "overwrite_input", "method", "keepdims", "weights", "interpolation"]


def quantile(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.median(a, axis=None)`, `np.percentile(a, q, axis=None)`, `np.quantile(a, q, axis=None)`
    with NumPy's default method='linear'; q a number, or a 1-D array with axis=None."""
    kind = op.data["kind"]
    median = kind == "median"
    bound = _bind(fc, node, ["a", "axis", "out", "overwrite_input", "keepdims"] if median else _QPARAMS, shown,
                  1 if median else 2)
    _only_defaults(fc, bound, shown, {"out": None, "keepdims": False, "weights": None, "interpolation": None},
                   f"{shown}(a{'' if median else ', q'}, axis=None) with method='linear'")
    if "method" in bound and not (isinstance(bound["method"], ast.Constant) and bound["method"].value == "linear"):
        raise fc.error(bound["method"], f"{shown}() supports method='linear' (NumPy's default) in .fx code",
                       "drop method=")
    if "overwrite_input" in bound:      # allowed, and never needed: the input is not changed
        from fastext.compiler.frontend.arrays import constant
        constant(fc, bound["overwrite_input"], bool, "overwrite_input")
    a = _real_array(fc, bound["a"], node, shown, bools=median)
    axis = axis_arg(fc, bound.get("axis"), a.type.ndim)
    if median:
        return let(fc, node, [a], lambda A: _median(fc, node, A, axis))
    if isinstance(bound["q"], ast.Constant) and isinstance(bound["q"].value, str):
        raise fc.error(bound["q"], f"{shown}(): q must be a real number or a 1-D array of them",
                       f"{shown}(a, {50 if kind == 'percentile' else 0.5})")
    if isinstance(bound["q"], ast.List):   # `np.percentile(x, [25, 75])`: NumPy's np.asanyarray(q)
        from fastext.compiler.frontend.creation import literal
        q = literal(fc, bound["q"], bound["q"], shown)
    else:
        q = value_of(fc, bound["q"])
    qdtype = q.type.dtype if isinstance(q.type, Array) else q.type
    if not isinstance(qdtype, Scalar) or qdtype.is_complex or qdtype.is_bool:
        raise fc.error(bound["q"], f"{shown}(): q must be a real number or a 1-D array of them, got {article(q.type)}",
                       f"{shown}(a, {50 if kind == 'percentile' else 0.5})")
    if isinstance(q.type, Array):
        if q.type.ndim != 1 or axis is not None or kind == "quantile" and not qdtype.is_float:
            raise fc.error(bound["q"], f"{shown}() with an array q is supported for a 1-D float q and axis=None",
                           f"one call per quantile: {shown}(a, q[i], axis=...)")
        return let(fc, node, [a, q], lambda A, Q: _quantiles(fc, node, A, Q, kind))
    # NumPy keeps a Python number q weak: the interpolation then runs in a's float type
    weak = not is_strong(q)
    qt = qdtype if qdtype.is_float and not weak else F64
    return let(fc, node, [a, q], lambda A, Q: _quantile(fc, node, A, Q, kind, axis, qt, weak))


def _count(A: ir.Expr, axis: int | None) -> ir.Expr:
    """The items each result summarises: all of them (axis=None), or the length of `axis`."""
    if axis is None:
        return ir.ArraySize(I64, A.span, use(A))
    return ir.ArrayDim(I64, A.span, use(A), axis)


def _item(P: ir.Expr, k: ir.Expr, axis: int | None) -> ir.Expr:
    """Item k of every line of P along `axis` (P flattened when None): a scalar or a view."""
    t = P.type
    if axis is None or t.ndim == 1:
        return ir.Index(t.dtype, P.span, use(P), [k])
    items = [ir.SliceItem() for _ in range(axis)] + [ir.SliceItem(index=k)]
    return ir.ArraySlice(Array(t.dtype, t.ndim - 1), P.span, use(P), items)


def _int(fc, node, op: str, left: ir.Expr, right: int) -> ir.Expr:
    return fc.binop(op, left, ir.Const(I64, fc.span(node), right), node)


def _partition(fc, node, A: ir.Expr, axis: int | None, kth: list[ir.Expr]) -> ir.Expr:
    t = A.type
    return ir.Intrinsic(Array(t.dtype, 1 if axis is None else t.ndim), fc.span(node), "array.partition",
                        [use(A), *kth], {"axis": axis})


def _nan_last(fc, node, P: ir.Expr, n, axis, value: ir.Expr) -> ir.Expr:
    """`value`, or NaN where the line of P holds one (NumPy: the partitioned line ends with it)."""
    if not P.type.dtype.is_float:
        return value
    last = _item(P, _int(fc, node, "-", n(), 1), axis)
    nan = elementwise(fc, ops.get("np.isnan"), [last], node)
    return elementwise(fc, ops.get("np.where"), [nan, _item(P, _int(fc, node, "-", n(), 1), axis), value], node)


def _median(fc, node, A: ir.Expr, axis: int | None) -> ir.Expr:
    """NumPy's _median: a partition at the middle one or two positions, their mean ((lo + hi) / 2
    in np.mean's type), NaN for a line holding one, NaN (np.mean of nothing) for empty lines."""
    span = fc.span(node)
    n = lambda: _count(A, axis)   # noqa: E731
    hi = lambda: _int(fc, node, "//", n(), 2)   # noqa: E731
    lo = lambda: _int(fc, node, "//", _int(fc, node, "-", n(), 1), 2)   # noqa: E731
    t = A.type.dtype
    rt = F64 if t.is_int or t.is_bool else t
    rank = 0 if axis is None or A.type.ndim == 1 else A.type.ndim - 1
    rtype = Array(rt, rank) if rank else rt

    def body(P):
        total = build(fc, ops.get("np.add"), [_item(P, lo(), axis), _item(P, hi(), axis)], [rt, rt], rt, node)
        mean = build(fc, ops.get("np.true_divide"), [total, ir.Const(rt, span, 2.0)], [rt, rt], rt, node)
        one = build(fc, ops.get("np.equal"), [lo(), hi()], [I64, I64], BOOL, node)
        value = build(fc, ops.get("np.where"), [one, _item(P, hi(), axis), mean], [BOOL, rt, rt], rt, node)
        value = _nan_last(fc, node, P, n, axis, value)
        nothing = ir.Intrinsic(rtype, span, "np.mean", [use(P)], {"axis": None if rank == 0 else axis})
        empty = build(fc, ops.get("np.equal"), [n(), ir.Const(I64, span, 0)], [I64, I64], BOOL, node)
        return ir.IfExp(rtype, span, empty, nothing, value)
    return let(fc, node, [_partition(fc, node, A, axis, [hi(), lo()])], body)


def _q_checks(fc, node, q, qt: Scalar, kind: str, n) -> list[ir.Expr]:
    """NumPy's ValueError for q out of range (NaN too) and IndexError for an empty array."""
    f = partial(np_call, fc, node)
    span = fc.span(node)
    inside = f("logical_and", typed(fc, node, "greater_equal", [q(), ir.Const(qt, span, 0.0)], qt),
               typed(fc, node, "less_equal", [q(), ir.Const(qt, span, 1.0)], qt))
    if isinstance(inside.type, Array):
        inside = apply(fc, node, "np.all", inside)
    message = "Percentiles must be in the range [0, 100]" if kind == "percentile" \
        else "Quantiles must be in the range [0, 1]"
    empty = typed(fc, node, "equal", [n(), ir.Const(I64, span, 0)], I64)
    return [raise_if(fc, node, f("logical_not", inside), "ValueError", message),
            raise_if(fc, node, empty, "IndexError", "index -1 is out of bounds for axis 0 with size 0")]


def _fraction(fc, node, Q: ir.Expr, kind: str, qt: Scalar):
    """q as a fraction in NumPy's type: percentile's np.true_divide(q, 100); quantile's q itself."""
    def q():
        if kind == "percentile":
            return build(fc, ops.get("np.true_divide"), [use(Q), ir.Const(qt, Q.span, 100.0)], [qt, qt], qt, node)
        if isinstance(Q.type, Array):
            return use(Q) if Q.type.dtype == qt else astype_map(fc, use(Q), qt, node)
        return fc.convert(use(Q), qt)
    return q


def _quantile(fc, node, A: ir.Expr, Q: ir.Expr, kind: str, axis: int | None, qt: Scalar, weak: bool) -> tuple:
    """NumPy's _quantile for one q, method 'linear': virtual index v = (n - 1) * q; the items at
    floor(v) and floor(v) + 1 (both the last when v >= n - 1, whose "previous index" is then -1),
    gamma = v - previous index in q's type, and `_lerp`: a + (b - a) * gamma, or
    b - (b - a) * (1 - gamma) where gamma >= 0.5 (a Python float gamma when q was one)."""
    span = fc.span(node)
    n = lambda: _count(A, axis)   # noqa: E731
    q = _fraction(fc, node, Q, kind, qt)
    last = lambda: _int(fc, node, "-", n(), 1)   # noqa: E731
    v = lambda: build(fc, ops.get("np.multiply"), [last(), q()], [qt, qt], qt, node)   # noqa: E731
    above = lambda: build(fc, ops.get("np.greater_equal"), [v(), last()], [qt, qt], BOOL, node)   # noqa: E731
    floor = lambda: ir.Cast(I64, span, build(fc, ops.get("np.floor"), [v()], [qt], qt, node))   # noqa: E731
    prev = lambda: ir.IfExp(I64, span, above(), last(), floor())   # noqa: E731
    nxt = lambda: ir.IfExp(I64, span, above(), last(), _int(fc, node, "+", floor(), 1))   # noqa: E731
    gamma = build(fc, ops.get("np.subtract"), [v(), ir.IfExp(I64, span, above(), ir.Const(I64, span, -1), floor())],
                  [F64, F64], F64, node)

    def body(P, t):
        f = partial(np_call, fc, node)
        a = lambda: _item(P, prev(), axis)   # noqa: E731
        b = lambda: _item(P, nxt(), axis)   # noqa: E731
        diff = lambda: f("subtract", b(), a())   # noqa: E731
        one = ir.Const(I64, span, 1)
        rest = fc.binop("-", one, use(t), node) if weak else f("subtract", one, use(t))
        low = f("add", a(), f("multiply", diff(), use(t)))
        high = f("subtract", b(), f("multiply", diff(), rest))
        value = f("where", typed(fc, node, "greater_equal", [use(t), ir.Const(qt, span, 0.5)], qt), high, low)
        return _nan_last(fc, node, P, n, axis, value)
    gamma = ir.Cast(qt, span, gamma, strong=not weak)     # in q's type; weak as NumPy's float(gamma)
    inner = let(fc, node, [_partition(fc, node, A, axis, [nxt(), prev()]), gamma], body)
    return _q_checks(fc, node, q, qt, kind, n), inner


def _quantiles(fc, node, A: ir.Expr, Q: ir.Expr, kind: str) -> tuple:
    """A 1-D array q with axis=None: the same interpolation for each q, on a sorted copy."""
    span = fc.span(node)
    qt = Q.type.dtype if Q.type.dtype.is_float else F64
    n = lambda: ir.ArraySize(I64, span, use(A))   # noqa: E731
    q = _fraction(fc, node, Q, kind, qt)
    f = partial(np_call, fc, node)
    last = lambda: fc.convert(_int(fc, node, "-", n(), 1), qt)   # noqa: E731
    v = lambda: build(fc, ops.get("np.multiply"), [last(), q()], [qt, qt], qt, node)   # noqa: E731
    above = lambda: f("greater_equal", v(), last())   # noqa: E731
    floor = lambda: astype_map(fc, f("floor", v()), I64, node)   # noqa: E731
    where = lambda c, x, y: build(fc, ops.get("np.where"), [c, x, y], [BOOL, I64, I64], I64, node)   # noqa: E731
    ilast = lambda: _int(fc, node, "-", n(), 1)   # noqa: E731
    prev = where(above(), ilast(), floor())
    nxt = where(above(), ilast(), f("add", floor(), ir.Const(I64, span, 1)))
    gamma = astype_map(fc, build(fc, ops.get("np.subtract"), [v(), where(above(), ir.Const(I64, span, -1), floor())],
                                 [F64, F64], F64, node), qt, node)
    sort = ir.Intrinsic(Array(A.type.dtype, 1), span, "array.sort", [use(A)], {"axis": None})

    def body(P, i, j, t):
        take = lambda k: ir.Intrinsic(Array(P.type.dtype, 1), span, "index.take", [use(P), use(k)],   # noqa: E731
                                      {"axes": (0,), "orig": (0,), "bpos": 0, "mode": "raise", "flat": False})

        def interpolate(a, b):
            diff = lambda: f("subtract", use(b), use(a))   # noqa: E731
            low = f("add", use(a), f("multiply", diff(), use(t)))
            high = f("subtract", use(b), f("multiply", diff(), f("subtract", ir.Const(I64, span, 1), use(t))))
            value = f("where", f("greater_equal", use(t), ir.Const(F64, span, 0.5)), high, low)
            return _nan_last(fc, node, P, n, None, value)
        return let(fc, node, [take(i), take(j)], interpolate)
    return _q_checks(fc, node, q, qt, kind, n), let(fc, node, [sort, prev, nxt, gamma], body)


# ----------------------------------------------------------------------------- histogram

def histogram(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.histogram(a, bins=10, range=None)` -> (counts int64, edges): NumPy's edges
    (linspace(first, last, bins + 1) in its bin type, the range from a.min()/a.max() widened by
    0.5 when equal, (0, 1) when a is empty) or the given edges; an item x counts in bin i when
    edges[i] <= x < edges[i + 1], the last bin closed, others (and NaN) ignored — NumPy's rule,
    found by its arithmetic for equal bins, by np.searchsorted on given edges; counted by
    np.bincount."""
    bound = _bind(fc, node, ["a", "bins", "range", "density", "weights"], shown, 1)
    if "density" in bound and _const(bound["density"], False):
        del bound["density"]
    _only_defaults(fc, bound, shown, {"density": None},
                   f"{shown}(a, bins=10, range=None): counts, then divide for a density")
    a = _real_array(fc, bound["a"], node, shown, "an array of numbers", bools=False)
    weights = bound.get("weights")
    if weights is None or _const(weights, None):
        return _histogram(fc, node, bound, shown, a, None)
    w = _real_array(fc, weights, node, shown, "an array of numbers", bools=False)
    if w.type.dtype != F64:
        raise fc.error(weights, f"{shown}(weights=...) takes float64 weights in .fx code, not {article(w.type)}",
                       "weights.astype(np.float64)")
    if w.type.ndim != a.type.ndim:
        raise fc.error(weights, "weights should have the same shape as a. (ValueError in NumPy)",
                       "weights of a's shape")

    def checked(A0, W0):
        span = fc.span(node)
        checks = [raise_if(fc, node, typed(fc, node, "not_equal", [ir.ArrayDim(I64, span, use(A0), k),
                                                                   ir.ArrayDim(I64, span, use(W0), k)], I64),
                           "ValueError", "weights should have the same shape as a.") for k in range(a.type.ndim)]
        return checks, _histogram(fc, node, bound, shown, A0, W0)
    return let(fc, node, [a, w], checked)


def _histogram(fc, node, bound: dict, shown: str, a: ir.Expr, w: ir.Expr | None) -> ir.Expr:
    """np.histogram of the array `a`, each item counted once or, with `w` (weights of a's shape,
    float64), adding its weight: NumPy's np.bincount(..., weights=) of the bin indices."""
    span = fc.span(node)
    flat = a if a.type.ndim == 1 else ir.Intrinsic(Array(a.type.dtype, 1), span, "array.ravel", [a])
    weighted = [] if w is None else \
        [use(w) if w.type.ndim == 1 else ir.Intrinsic(Array(F64, 1), span, "array.ravel", [use(w)])]
    if isinstance(bound.get("bins"), ast.Constant) and isinstance(bound["bins"].value, str):
        raise fc.error(bound["bins"], f"{shown}(): bins must be an int or a 1-D array of edges in .fx code "
                                      f"(no {bound['bins'].value!r} & co.)", "bins=10, or bins=np.array([...])")
    bins = value_of(fc, bound["bins"]) if "bins" in bound else ir.Const(I64, span, 10)
    if isinstance(bins.type, Array):
        if bins.type.ndim != 1 or not bins.type.dtype.is_real or bins.type.dtype.is_bool:
            raise fc.error(bound["bins"], f"{shown}(): bins must be an int or a 1-D array of edges", "bins=10")
        if "range" in bound and not _const(bound["range"], None):
            raise fc.error(bound["range"], f"{shown}(): range= is for an int bins", "drop range=")
        return let(fc, node, [flat, bins, *weighted], lambda A, E, *W: _edges_histogram(fc, node, A, E, *W))
    if not (isinstance(bins.type, Scalar) and bins.type.is_int):
        raise fc.error(bound.get("bins", node), f"{shown}(): bins must be an int or a 1-D array of edges in .fx "
                       f"code, got {article(bins.type)}", "bins=10, or bins=np.array([...]) (no 'auto' & co.)")
    rng = bound.get("range")
    given = rng is not None and not _const(rng, None)
    t = a.type.dtype
    edge_t = t if t.is_float else F64
    # NumPy's bin type: a's float type when the range comes from a itself, else float64
    compute = edge_t if not given else F64
    values = [flat, *weighted, int_arg(fc, bins, shown, "bins")]
    if given:
        ends = rng.elts if isinstance(rng, (ast.Tuple, ast.List)) else None
        if ends is None or len(ends) != 2:
            raise fc.error(rng, f"{shown}(): range must be a pair (low, high) written in the call", "range=(0.0, 1.0)")
        for e in ends:
            v = value_of(fc, e)
            if not (isinstance(v.type, Scalar) and v.type.is_real):
                raise fc.error(e, f"{shown}(): range holds numbers, not {article(v.type)}", "range=(0.0, 1.0)")
            values.append(v)
    if weighted:
        return let(fc, node, values, lambda A, W, B, *ends: _uniform_histogram(fc, node, A, B, ends, edge_t,
                                                                               compute, W))
    return let(fc, node, values, lambda A, B, *ends: _uniform_histogram(fc, node, A, B, ends, edge_t, compute))


def _uniform_histogram(fc, node, A, B, ends, edge_t: Scalar, compute: Scalar, W=None) -> tuple:
    span = fc.span(node)
    f = partial(np_call, fc, node)
    reduce = lambda kind: ir.Intrinsic(A.type.dtype, span, f"np.{kind}", [use(A)], {"axis": None})  # noqa: E731
    s = lambda name, *args: typed(fc, node, name, list(args), compute)   # noqa: E731
    checks = [raise_if(fc, node, typed(fc, node, "less", [use(B), ir.Const(I64, span, 1)], I64), "ValueError",
                       "`bins` must be positive, when an integer")]
    if ends:
        first, last = (fc.convert(use(e), compute) for e in ends)
        checks.append(raise_if(fc, node, s("greater", first, last), "ValueError",
                               "max must be larger than min in range parameter."))
        what = "supplied range"
    else:
        empty = lambda: typed(fc, node, "equal", [ir.ArraySize(I64, span, use(A)), ir.Const(I64, span, 0)], I64)  # noqa
        first = ir.IfExp(compute, span, empty(), ir.Const(compute, span, 0.0), fc.convert(reduce("min"), compute))
        last = ir.IfExp(compute, span, empty(), ir.Const(compute, span, 1.0), fc.convert(reduce("max"), compute))
        what = "autodetected range"

    def body(F, L):
        finite = f("logical_and", s("isfinite", use(F)), s("isfinite", use(L)))
        same = lambda: s("equal", use(F), use(L))   # noqa: E731
        half = ir.Const(compute, span, 0.5)
        lo = build(fc, ops.get("np.where"), [same(), s("subtract", use(F), half), use(F)],
                   [BOOL, compute, compute], compute, node)
        hi = build(fc, ops.get("np.where"), [same(), s("add", use(L), half), use(L)], [BOOL, compute, compute],
                   compute, node)
        check = raise_if(fc, node, f("logical_not", finite), "ValueError", f"{what} is not finite")
        return [check], let(fc, node, [ir.Cast(compute, span, lo), ir.Cast(compute, span, hi)], edges)

    def edges(lo, hi):
        count = _int(fc, node, "+", use(B), 1)
        E = ir.Intrinsic(Array(edge_t, 1), span, "array.linspace", [use(lo), use(hi), count, use(lo)],
                         {"endpoint": True, "compute": compute.name, "add": (compute.name, compute.name)})
        bins = lambda: _uniform_bins(fc, node, A, lo, hi, lambda: use(B), edge_t, compute)   # noqa: E731
        return let(fc, node, [E], lambda E: _counted(fc, node, A, E, lambda: use(B), use(lo), use(hi), bins,
                                                     "Too many bins for data range. Cannot create finite-sized "
                                                     "bins.", True, W))
    return checks, let(fc, node, [first, last], body)


def _uniform_bins(fc, node, A, lo, hi, nb, edge_t: Scalar, compute: Scalar) -> ir.Expr:
    """The bin of each item as NumPy finds it for equal bins: (x - lo) * (bins / (hi - lo))
    truncated, then one down where x < edges[i], one up where x >= edges[i + 1] (not past the
    last bin) — the edges recomputed in the loop by linspace's own formula (i * ((hi - lo) / bins)
    + lo, hi at the end), so equal to the returned ones without a gather."""
    span = fc.span(node)
    s = lambda name, *args: typed(fc, node, name, list(args), compute)   # noqa: E731
    i = lambda name, *args: typed(fc, node, name, list(args), I64)   # noqa: E731
    e = lambda name, *args: typed(fc, node, name, list(args), edge_t)   # noqa: E731
    one = lambda: ir.Const(I64, span, 1)   # noqa: E731
    x = lambda: use(A) if A.type.dtype == edge_t else astype_map(fc, use(A), edge_t, node)   # noqa: E731
    width = lambda: s("subtract", use(hi), use(lo))   # noqa: E731
    scaled = lambda: s("multiply", s("subtract", x(), use(lo)), s("true_divide", nb(), width()))   # noqa: E731
    guess = lambda: i("minimum", i("maximum", astype_map(fc, scaled(), I64, node), ir.Const(I64, span, 0)),   # noqa
                      i("subtract", nb(), one()))

    def edge(k) -> ir.Expr:
        y = s("add", s("multiply", k(), s("true_divide", width(), nb())), use(lo))
        y = build(fc, ops.get("np.where"), [i("equal", k(), nb()), use(hi), y], [BOOL, compute, compute], compute,
                  node)
        return y if compute == edge_t else astype_map(fc, y, edge_t, node)
    down = e("less", x(), edge(guess))
    up = elementwise(fc, ops.get("np.logical_and"), [e("greater_equal", x(), edge(lambda: i("add", guess(), one()))),
                                                     i("not_equal", guess(), i("subtract", nb(), one()))], node)
    return i("add", i("subtract", guess(), down), up)


def _edges_histogram(fc, node, A, E, W=None) -> tuple:
    span = fc.span(node)
    nb = lambda: _int(fc, node, "-", ir.ArrayDim(I64, span, use(E), 0), 1)   # noqa: E731
    empty = typed(fc, node, "less", [nb(), ir.Const(I64, span, 0)], I64)
    check = raise_if(fc, node, empty, "ValueError", "bins must hold at least one edge in .fx code")
    lo, hi = ir.Index(E.type.dtype, span, use(E), [ir.Const(I64, span, 0)]), ir.Index(E.type.dtype, span, use(E), [nb()])
    common = dtypes.result_type([E.type.dtype.name, A.type.dtype.name])
    right = lambda: ir.Intrinsic(Array(I64, 1), span, "array.searchsorted", [use(E), use(A)],   # noqa: E731
                                 {"side": "right", "common": common.name})
    bins = lambda: typed(fc, node, "subtract", [typed(fc, node, "minimum", [right(), nb()], I64),   # noqa: E731
                                                ir.Const(I64, span, 1)], I64)
    checks, counted = _counted(fc, node, A, E, nb, lo, hi, bins, "`bins` must increase monotonically, when an array",
                               False, W)
    return [check] + checks, counted


def _counted(fc, node, A, E, nb, lo: ir.Expr, hi: ir.Expr, bins, unordered: str, strict: bool,
             W: ir.Expr | None = None) -> tuple:
    """(counts, a copy of the edges E): each item x with lo <= x <= hi counted in its bin (`bins()`:
    their map) — or its weight in W added there — the others in an extra bin nb that is dropped.
    NumPy raises for edges that do not increase (`unordered`)."""
    span = fc.span(node)
    f = partial(np_call, fc, node)
    n = ir.ArrayDim(I64, span, use(E), 0)
    head = ir.ArraySlice(E.type, span, use(E), [ir.SliceItem(stop=_int(fc, node, "-", n, 1))])
    tail = ir.ArraySlice(E.type, span, use(E), [ir.SliceItem(start=ir.Const(I64, span, 1))])
    bad = f("greater_equal" if strict else "greater", head, tail)
    check = raise_if(fc, node, apply(fc, node, "np.any", bad), "ValueError", unordered)
    keep = f("logical_and", f("greater_equal", use(A), lo), f("less_equal", use(A), hi))
    index = build(fc, ops.get("np.where"), [keep, bins(), nb()], [BOOL, I64, I64], I64, node)
    weights = [] if W is None else [use(W)]
    counts = ir.Intrinsic(Array(I64 if W is None else F64, 1), span, "np.bincount",
                          [index, _int(fc, node, "+", nb(), 1), *weights])
    counts = ir.ArraySlice(counts.type, span, counts, [ir.SliceItem(stop=nb())])
    copy = ir.Intrinsic(E.type, span, "array.copy", [use(E)])
    return [check], ir.MakeTuple(Tuple((counts.type, E.type)), span, [counts, copy])


# ----------------------------------------------------------------------------- cov, corrcoef

def _centred(fc, node, X: ir.Expr) -> ir.Expr:
    """X minus the mean of each row (np.average's mean; keepdims keeps it a column)."""
    span = fc.span(node)
    axis = X.type.ndim - 1
    mean = ir.Intrinsic(Array(F64, X.type.ndim), span, "np.mean", [use(X)], {"axis": axis, "keepdims": True})
    return elementwise(fc, ops.get("np.subtract"), [use(X), mean], node)


def _covariance(fc, node, X: ir.Expr) -> ir.Expr:
    """NumPy's cov(m) of float64 rows (or one 1-D variable): dot(Xc, Xc.T) * (1 / fact), fact =
    n - 1 or 0.0 when that is not positive (then inf and NaN, as NumPy gives with a warning)."""
    span = fc.span(node)
    n = ir.ArrayDim(I64, span, use(X), X.type.ndim - 1)
    fact = _int(fc, node, "-", n, 1)
    positive = typed(fc, node, "greater", [fact, ir.Const(I64, span, 0)], I64)
    fact = ir.IfExp(I64, span, positive, _int(fc, node, "-", ir.ArrayDim(I64, span, use(X), X.type.ndim - 1), 1),
                    ir.Const(I64, span, 0))
    scale = build(fc, ops.get("np.true_divide"), [ir.Const(F64, span, 1.0), fact], [F64, F64], F64, node)

    def product(C):
        from fastext.compiler.frontend import linalg
        right = use(C) if C.type.ndim == 1 else \
            ir.Intrinsic(C.type, span, "array.transpose", [use(C)], {"axes": (1, 0)})
        return elementwise(fc, ops.get("np.multiply"), [linalg.matmul(fc, use(C), right, node), scale], node)
    return let(fc, node, [_centred(fc, node, X)], product)


def _float_rows(fc, arg, node, shown: str) -> ir.Expr:
    m = array_arg(fc, arg, node, shown)
    if m.type.ndim > 2 or m.type.dtype.is_complex:
        raise fc.error(arg, f"{shown}() needs a 1-D or 2-D array of real numbers in .fx code, got "
                            f"{article(m.type)}", "one variable per row: m of shape (variables, observations)")
    return m if m.type.dtype == F64 else astype_map(fc, m, F64, node)


def _rows_with_y(bound: dict, first: str, node: ast.Call) -> None:
    """`y=` given: NumPy's variables are then the rows of x and of y stacked (`np.vstack((x, y))`,
    a template call: frontend/synth.py's `np`), replacing bound[first]."""
    y = bound.pop("y", None)
    if y is None or isinstance(y, ast.Constant) and y.value is None:
        return
    from fastext.compiler.frontend.synth import NUMPY
    stack = ast.Call(ast.Attribute(ast.Name(NUMPY, ast.Load()), "vstack", ast.Load()),
                     [ast.Tuple([bound[first], y], ast.Load())], [])
    bound[first] = ast.fix_missing_locations(ast.copy_location(stack, node))


def _one_variable_refused(fc, node, shown: str, X: ir.Expr, rowvar: bool) -> ir.Expr:
    """The run-time check of a 2-D m: NumPy squeezes the result for one variable (a 0-d array),
    which a 2-D result cannot be — a ValueError instead of a silently different shape.  With
    rowvar=False NumPy transposes only when m has more than one row, so either side of 1 means
    one variable."""
    span = fc.span(node)
    one = typed(fc, node, "equal", [ir.ArrayDim(I64, span, use(X), 0), ir.Const(I64, span, 1)], I64)
    if not rowvar:
        cols = typed(fc, node, "equal", [ir.ArrayDim(I64, span, use(X), 1), ir.Const(I64, span, 1)], I64)
        one = typed(fc, node, "logical_or", [one, cols], BOOL)
    return raise_if(fc, node, one, "ValueError", f"{shown}() of one variable is a 0-d array in NumPy, and .fx code "
                                                 "gives a 2-D array for a 2-D m: pass that variable as a 1-D array")


def _variables(fc, node, shown: str, m: ir.Expr, rowvar: bool, make) -> ir.Expr:
    """`make(X)` over the variables of m as rows (m transposed for rowvar=False), a 2-D m with
    one variable refused at run time."""
    if m.type.ndim != 2:
        return let(fc, node, [m], make)

    def checked(X):
        if rowvar:
            return [_one_variable_refused(fc, node, shown, X, rowvar)], make(X)
        T_ = ir.Intrinsic(X.type, fc.span(node), "array.transpose", [use(X)], {"axes": (1, 0)})
        return [_one_variable_refused(fc, node, shown, X, rowvar)], let(fc, node, [T_], make)
    return let(fc, node, [m], checked)


def _rowvar(fc, bound: dict, shown: str) -> bool:
    arg = bound.pop("rowvar", None)
    if arg is None:
        return True
    if not (isinstance(arg, ast.Constant) and isinstance(arg.value, bool)):
        raise fc.error(arg, f"{shown}(rowvar=...) must be the constant True or False", "rowvar=False")
    if not arg.value and "y" in bound and not (isinstance(bound["y"], ast.Constant) and bound["y"].value is None):
        raise fc.error(arg, f"{shown}(y=..., rowvar=False) is not supported in .fx code",
                       "np.vstack((x.T, y.T)) as m")
    return arg.value


def cov(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.cov(m, y=None, rowvar=True)`: rows are variables (rowvar=False: columns; y's rows
    follow m's), ddof 1; float64.  A 1-D m (without y) is one variable: a scalar (NumPy's 0-d
    array); a 2-D m of one variable raises ValueError (NumPy's 0-d result has no 2-D type)."""
    bound = _bind(fc, node, ["m", "y", "rowvar", "bias", "ddof", "fweights", "aweights", "dtype"], shown, 1)
    rowvar = _rowvar(fc, bound, shown)
    _rows_with_y(bound, "m", node)
    _only_defaults(fc, bound, shown, {"y": None, "bias": False, "ddof": None, "fweights": None,
                                      "aweights": None, "dtype": None}, f"{shown}(m) of rows; transpose for columns")
    m = _float_rows(fc, bound["m"], node, shown)
    return _variables(fc, node, shown, m, rowvar, lambda X: _covariance(fc, node, X))


def corrcoef(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.corrcoef(x, y=None)`: NumPy's c = cov(x, y); c / d[:, None] / d[None, :] with
    d = sqrt(diag(c)), clipped to [-1, 1]; for a 1-D x (without y), c / c."""
    bound = _bind(fc, node, ["x", "y", "rowvar", "bias", "ddof", "dtype"], shown, 1)
    rowvar = _rowvar(fc, bound, shown)
    _rows_with_y(bound, "x", node)
    _only_defaults(fc, bound, shown, {"y": None, "dtype": None}, f"{shown}(x) of rows; transpose for columns")
    x = _float_rows(fc, bound["x"], node, shown)
    span = fc.span(node)
    f = partial(np_call, fc, node)

    def body(C):
        if isinstance(C.type, Scalar):
            return f("true_divide", use(C), use(C))
        rows = ir.ArrayDim(I64, span, use(C), 0)
        flat = ir.Intrinsic(Array(F64, 1), span, "array.ravel", [use(C)])
        diag = ir.ArraySlice(Array(F64, 1), span, flat, [ir.SliceItem(step=_int(fc, node, "+", rows, 1))])

        def scaled(D):
            column = ir.ArraySlice(Array(F64, 2), span, use(D), [ir.SliceItem(), ir.SliceItem(newaxis=True)])
            row = ir.ArraySlice(Array(F64, 2), span, use(D), [ir.SliceItem(newaxis=True)])
            c = f("true_divide", f("true_divide", use(C), column), row)
            return elementwise(fc, ops.get("np.clip"), [c, ir.Const(F64, span, -1.0), ir.Const(F64, span, 1.0)], node)
        return let(fc, node, [f("sqrt", diag)], scaled)
    return let(fc, node, [_variables(fc, node, shown, x, rowvar, lambda X: _covariance(fc, node, X))], body)


# ----------------------------------------------------------------------------- convolve, interp

_MODES = ("full", "same", "valid")


def convolve(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.convolve(a, v, mode='full')` of 1-D arrays in their common dtype (lower/statistics.py)."""
    bound = _bind(fc, node, ["a", "v", "mode"], shown, 2)
    items = [array_arg(fc, bound[k], node, shown, "a 1-D array") for k in ("a", "v")]
    for k, item in zip(("a", "v"), items):
        if item.type.ndim != 1:
            raise fc.error(bound[k], f"{shown}() needs 1-D arrays, got a {item.type.ndim}-D {k}", "ravel it first")
    mode = "full"
    if "mode" in bound:
        m = bound["mode"]
        if not (isinstance(m, ast.Constant) and m.value in _MODES):
            raise fc.error(m, f"{shown}(): mode must be a constant 'full', 'same' or 'valid'", "mode='same'")
        mode = m.value
    dtype = common_dtype(fc, items, node)
    items = [x if x.type.dtype == dtype else astype_map(fc, x, dtype, node) for x in items]
    return ir.Intrinsic(Array(dtype, 1), fc.span(node), op.name, items, {"mode": mode})


def interp(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.interp(x, xp, fp, left=None, right=None)`: float64, of x's shape (a number for a number x)."""
    bound = _bind(fc, node, ["x", "xp", "fp", "left", "right", "period"], shown, 3)
    _only_defaults(fc, bound, shown, {"period": None}, "map x into one period first")
    x = value_of(fc, bound["x"])
    xt = x.type.dtype if isinstance(x.type, Array) else x.type
    if not (isinstance(xt, Scalar) and xt.is_real):
        raise fc.error(bound["x"], f"{shown}(): x must be a real number or an array of them, got {article(x.type)}",
                       f"{shown}(x, xp, fp)")
    args = [x]
    for k in ("xp", "fp"):
        v = _real_array(fc, bound[k], node, shown, "a 1-D array of real numbers")
        if v.type.ndim != 1:
            raise fc.error(bound[k], f"{shown}(): {k} must be 1-D, got a {v.type.ndim}-D array", "")
        args.append(v if v.type.dtype == F64 else astype_map(fc, v, F64, node))
    sides = []
    for k in ("left", "right"):
        if k in bound and not _const(bound[k], None):
            v = value_of(fc, bound[k])
            if not (isinstance(v.type, Scalar) and v.type.is_real):
                raise fc.error(bound[k], f"{shown}(): {k} must be a real number", f"{k}=0.0")
            args.append(fc.convert(v, F64))
            sides.append(k)
    result = Array(F64, x.type.ndim) if isinstance(x.type, Array) else F64
    return ir.Intrinsic(result, fc.span(node), op.name, args, {"sides": tuple(sides)})
