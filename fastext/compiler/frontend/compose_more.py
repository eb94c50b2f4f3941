"""More NumPy functions typed as compositions of existing operations (`ops/shape.py`,
`ops/linalg.py`, `ops/indexing.py`, `ops/sorting.py` declare them): np.squeeze, np.cross, np.kron,
np.triu_indices & co., np.partition, np.argpartition, np.lexsort.

None has a lowering of its own: squeeze is a view (`ir.ArraySlice` with index 0 on the squeezed
axes, each index checking its axis has size 1), cross and kron are views, element-wise products
and a concatenation or a reshape, the index functions a `np.nonzero` of a fused mask over index
grids, partition the quickselect `array.partition` of np.median, argpartition the stable
`array.argsort` (a sorted order is a partition for every kth: NumPy leaves the order inside the
parts undefined), lexsort stable argsorts of keys gathered in the order of the previous ones.
"""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler import ir, ops
from fastext.compiler.frontend.arrays import _bind, build, let, np_call, raise_if, typed, use
from fastext.compiler.frontend.shape import _joined, array_arg, axes_arg, axis_arg, int_arg, sequence, value_of
from fastext.compiler.types import BOOL, I64, Array, Scalar, Tuple, article

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker


def _i(fc, node, name: str, *args: ir.Expr) -> ir.Expr:
    """np.<name> on i64 scalars (comparisons and logical ones give bool)."""
    return typed(fc, node, name, list(args), BOOL if name.startswith("logical") else I64)


def _const(fc, node, v: int) -> ir.Expr:
    return ir.Const(I64, fc.span(node), v)


def _no(fc, bound: dict, names: tuple[str, ...], shown: str, hint: str) -> None:
    for name in names:
        if name in bound and not (isinstance(bound[name], ast.Constant) and bound[name].value is None):
            raise fc.error(bound[name], f"{shown}({name}=...) is not supported in .fx code", hint)


def _reuse(fc, node, array: ir.Expr, make) -> ir.Expr:
    """`make(a)` where `a()` gives `array` once more: a copy of the expression when evaluating it
    again is harmless (a name, a view of one, a pure operation: a view made by `make` stays one of
    the caller's array, which the analyses see), else — a call, an element-wise map — the value
    bound once by `let` (a new array: a view of it may hide in the `let`)."""
    from fastext.compiler.frontend.indexing import _pure
    if _pure(array) and not isinstance(array, ir.ArrayMap):
        return make(lambda: ir.copy_expr(array))
    return let(fc, node, [array], lambda A: make(lambda: use(A)))


# ----------------------------------------------------------------------------- squeeze

_SQUEEZE = "cannot select an axis to squeeze out which has size not equal to one"


def squeeze(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.squeeze(a, axis=k)`, `a.squeeze(axis=k)` (k a constant int or tuple): the view without
    those axes — `a[..., 0, ...]` where each index 0 first checks its axis has size 1 (NumPy's
    ValueError otherwise)."""
    bound = _bind(fc, node, ["a", "axis"], shown, 1, receiver)
    array = array_arg(fc, bound["a"], node, shown)
    ndim = array.type.ndim
    if "axis" not in bound or isinstance(bound["axis"], ast.Constant) and bound["axis"].value is None:
        raise fc.error(node, f"{shown}() without axis= is not supported: which axes have size 1 is known only at "
                             "run time, and the rank of the result must be known at compile time",
                       f"name the axes of size 1, e.g. {shown}({'' if receiver is not None else 'a, '}axis=0)")
    axes = axes_arg(fc, bound["axis"], ndim)
    if len(axes) == ndim:
        raise fc.error(node, f"{shown}() of every axis gives a 0-d array, which .fx code does not have",
                       "read the item: a[0] (a.item())")
    span = fc.span(node)

    def make(a):
        def zero(k: int) -> ir.Expr:          # 0, after checking axis k has size 1
            return let(fc, node, [ir.ArrayDim(I64, span, a(), k)], lambda d: (
                [raise_if(fc, node, _i(fc, node, "not_equal", use(d), _const(fc, node, 1)), "ValueError", _SQUEEZE)],
                _const(fc, node, 0)))
        items = [ir.SliceItem(index=zero(k)) if k in axes else ir.SliceItem() for k in range(ndim)]
        return ir.ArraySlice(Array(array.type.dtype, ndim - len(axes)), span, a(), items)
    return _reuse(fc, node, array, make)


# ----------------------------------------------------------------------------- cross, kron

def _numbers(fc, node, arg, shown: str) -> ir.Expr:
    value = array_arg(fc, arg, node, shown)
    t = value.type.dtype
    if not isinstance(t, Scalar):
        raise fc.error(arg, f"{shown}() needs arrays of numbers, got {article(value.type)}", "")
    return value


def cross(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.cross(a, b)` of 3-vectors along the last axis (other axes broadcast): the components
    a1*b2 - a2*b1, a2*b0 - a0*b2, a0*b1 - a1*b0 as views `a[..., i:i+1]`, joined along the last
    axis; NumPy's ValueError for another length (2-item vectors, deprecated by NumPy 2.0, give a
    ValueError too)."""
    bound = _bind(fc, node, ["a", "b", "axisa", "axisb", "axisc", "axis"], shown, 2)
    for name in ("axisa", "axisb", "axisc", "axis"):
        if name in bound and not (isinstance(bound[name], ast.Constant) and bound[name].value is None):
            value = bound[name]
            if not (isinstance(value, ast.UnaryOp) and isinstance(value.op, ast.USub)
                    and isinstance(value.operand, ast.Constant) and value.operand.value == 1):
                raise fc.error(value, f"{shown}({name}=...) is not supported in .fx code: the vectors lie along "
                                      "the last axis", "move the axis last first: np.moveaxis / a.T")
    a, b = _numbers(fc, node, bound["a"], shown), _numbers(fc, node, bound["b"], shown)
    span = fc.span(node)
    out_ndim = max(a.type.ndim, b.type.ndim)

    def make(A, B):
        def n(X):
            return ir.ArrayDim(I64, span, use(X), X.type.ndim - 1)
        checks = []
        for X in (A, B):
            checks.append(raise_if(fc, node, _i(fc, node, "equal", n(X), _const(fc, node, 2)), "ValueError",
                                   "np.cross of 2-item vectors (deprecated in NumPy 2.0) is not supported in .fx "
                                   "code: give the vectors a third item 0"))
            bad = _i(fc, node, "logical_and", _i(fc, node, "not_equal", n(X), _const(fc, node, 2)),
                     _i(fc, node, "not_equal", n(X), _const(fc, node, 3)))
            checks.append(raise_if(fc, node, bad, "ValueError",
                                   "incompatible dimensions for cross product\n(dimension must be 2 or 3)"))

        def c(X, i: int) -> ir.Expr:
            items = [ir.SliceItem() for _ in range(X.type.ndim - 1)] + \
                [ir.SliceItem(start=_const(fc, node, i), stop=_const(fc, node, i + 1))]
            return ir.ArraySlice(X.type, span, use(X), items)

        def part(i: int, j: int) -> ir.Expr:
            return np_call(fc, node, "subtract", np_call(fc, node, "multiply", c(A, i), c(B, j)),
                      np_call(fc, node, "multiply", c(A, j), c(B, i)))
        parts = [part(1, 2), part(2, 0), part(0, 1)]
        return checks, _joined(fc, node, parts, out_ndim, out_ndim - 1, None)
    return let(fc, node, [a, b], make)


def kron(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.kron(a, b)`: the product `a[:, None, :, None] * b[None, :, None, :]` (axes interleaved,
    the array of lower rank given leading axes of size 1, as NumPy does) reshaped to
    (a0*b0, a1*b1, ...) — one fused loop and a reshape."""
    bound = _bind(fc, node, ["a", "b"], shown, 2)
    a, b = _numbers(fc, node, bound["a"], shown), _numbers(fc, node, bound["b"], shown)
    span = fc.span(node)
    nd = max(a.type.ndim, b.type.ndim)

    def make(A, B):
        def spread(X, first: bool) -> ir.Expr:
            pad = nd - X.type.ndim
            items = [ir.SliceItem(newaxis=True) for _ in range(2 * pad)]
            for _ in range(X.type.ndim):
                items += [ir.SliceItem(), ir.SliceItem(newaxis=True)] if first else \
                    [ir.SliceItem(newaxis=True), ir.SliceItem()]
            return ir.ArraySlice(Array(X.type.dtype, 2 * nd), span, use(X), items)

        def dim(X, k: int) -> ir.Expr:
            pad = nd - X.type.ndim
            return _const(fc, node, 1) if k < pad else ir.ArrayDim(I64, span, use(X), k - pad)
        product = np_call(fc, node, "multiply", spread(A, True), spread(B, False))
        dims = [fc.binop("*", dim(A, k), dim(B, k), node) for k in range(nd)]
        return ir.Intrinsic(Array(product.type.dtype, nd), span, "array.reshape", [product, *dims])
    return let(fc, node, [a, b], make)


# ----------------------------------------------------------------------------- index functions

def _arange(fc, node, n: ir.Expr) -> ir.Expr:
    span = fc.span(node)
    return ir.Intrinsic(Array(I64, 1), span, "array.arange", [_const(fc, node, 0), n, _const(fc, node, 1)],
                        {"strong_step": False})


def _triangle(fc, node, upper: bool, n: ir.Expr, k: ir.Expr, m: ir.Expr, shown: str) -> ir.Expr:
    """The indices of the items on and above (below) the k-th diagonal of an (n, m) array:
    `np.nonzero(j - i >= k)` (`<=`) over the index grids — an `index.nonzero` of a fused mask,
    which a subscript reads as coordinates (`a[np.triu_indices(n, 1)]`)."""
    from fastext.compiler.frontend.indexing import nonzero
    span = fc.span(node)

    def make(N, K, M):      # (n or m negative: no items, as NumPy 2 gives)
        rows = ir.ArraySlice(Array(I64, 2), span, _arange(fc, node, use(N)), [ir.SliceItem(), ir.SliceItem(newaxis=True)])
        cols = ir.ArraySlice(Array(I64, 2), span, _arange(fc, node, use(M)), [ir.SliceItem(newaxis=True), ir.SliceItem()])
        offset = build(fc, ops.get("np.subtract"), [cols, rows], [I64, I64], I64, node)
        mask = build(fc, ops.get("np.greater_equal" if upper else "np.less_equal"), [offset, use(K)], [I64, I64],
                     BOOL, node)
        return mask
    return nonzero(fc, node, let(fc, node, [n, k, m], make), shown)


def tri_indices(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.triu_indices(n, k=0, m=None)`, `np.tril_indices(n, k=0, m=None)`: a tuple of two int64
    arrays, the row and column indices in C order."""
    bound = _bind(fc, node, ["n", "k", "m"], shown, 1)
    n = int_arg(fc, bound["n"], shown, "n")
    k = int_arg(fc, bound["k"], shown, "k") if "k" in bound else _const(fc, node, 0)
    if "m" in bound and not (isinstance(bound["m"], ast.Constant) and bound["m"].value is None):
        m = int_arg(fc, bound["m"], shown, "m")
        return _triangle(fc, node, op.data["upper"], n, k, m, shown)
    if _once(n):
        return _triangle(fc, node, op.data["upper"], n, k, ir.copy_expr(n), shown)
    return let(fc, node, [n], lambda N: _triangle(fc, node, op.data["upper"], use(N), k, use(N), shown))


def tri_indices_from(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.triu_indices_from(arr, k=0)`, `np.tril_indices_from(arr, k=0)` of a 2-D array."""
    bound = _bind(fc, node, ["arr", "k"], shown, 1)
    array = array_arg(fc, bound["arr"], node, shown)
    if array.type.ndim != 2:
        raise fc.error(bound["arr"], "input array must be 2-d", f"{shown}(m) of a matrix m")
    k = int_arg(fc, bound["k"], shown, "k") if "k" in bound else _const(fc, node, 0)
    span = fc.span(node)
    return _reuse(fc, node, array, lambda a: _triangle(fc, node, op.data["upper"], ir.ArrayDim(I64, span, a(), 0), k,
                                                       ir.ArrayDim(I64, span, a(), 1), shown))


def diag_indices(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.diag_indices(n, ndim=2)`: `ndim` (a constant) int64 arrays 0..n-1, one per axis."""
    from fastext.compiler.frontend.arrays import constant
    bound = _bind(fc, node, ["n", "ndim"], shown, 1)
    n = int_arg(fc, bound["n"], shown, "n")
    ndim = constant(fc, bound["ndim"], int, "ndim") if "ndim" in bound else 2
    if ndim < 1:
        raise fc.error(bound["ndim"], f"{shown}(): ndim must be at least 1", "ndim=2")
    span = fc.span(node)

    def make(N):        # np.arange(n) (empty for n <= 0, as NumPy's)
        items = [_arange(fc, node, ir.copy_expr(N)) for _ in range(ndim)]
        return ir.MakeTuple(Tuple(tuple(i.type for i in items)), span, items)
    return make(n) if _once(n) else let(fc, node, [n], make)


def _once(e: ir.Expr) -> bool:
    """Whether reading `e` again is free and harmless (a constant, a local, a dimension of one)."""
    return all(isinstance(s, (ir.Const, ir.Load, ir.ArrayDim, ir.Cast)) for s in ir.walk_exprs(e))


# ----------------------------------------------------------------------------- partition, argpartition, lexsort

def _sortable(fc, node, array: ir.Expr, shown: str) -> None:
    t = array.type.dtype
    if not isinstance(t, Scalar) or t.is_complex:
        raise fc.error(node, f"{shown}() of {article(array.type)} is not supported", "real numbers (sort .real)")


def partition(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.partition(a, kth, axis=-1)`: a copy whose lines hold at kth the item a sort puts there,
    the smaller (or equal) ones before it, the others after (the quickselect `array.partition`);
    `np.argpartition(a, kth, axis=-1)`, `a.argpartition(kth)`: indices that do the same (a stable
    argsort's, one of the orders NumPy allows).  kth is one integer (negative: from the end);
    NumPy's ValueError when it is out of bounds (of an array with items)."""
    bound = _bind(fc, node, ["a", "kth", "axis", "kind", "order"], shown, 2, receiver)
    if "kind" in bound and not (isinstance(bound["kind"], ast.Constant) and bound["kind"].value == "introselect"):
        raise fc.error(bound["kind"], f"{shown}(kind=...) supports only 'introselect'", "drop kind=")
    _no(fc, bound, ("order",), shown, "drop order= (it is for structured arrays)")
    array = array_arg(fc, bound["a"], node, shown)
    _sortable(fc, node, array, shown)
    kth_node = bound["kth"]
    kth = value_of(fc, kth_node)
    if isinstance(kth_node, (ast.Tuple, ast.List)) or not isinstance(kth.type, Scalar):
        raise fc.error(kth_node, f"{shown}(): kth must be one integer in .fx code, got {article(kth.type)}",
                       f"partition at one position: {shown}(a, k)")
    if not (kth.type.is_int or kth.type.is_bool):
        raise fc.error(kth_node, f"{shown}(): kth must be an integer, not {kth.type}", "convert with int(...)")
    kth = int_arg(fc, kth, shown, "kth")
    ndim = array.type.ndim
    axis = axis_arg(fc, bound["axis"], ndim) if "axis" in bound else ndim - 1
    span = fc.span(node)
    arg = op.name == "np.argpartition"
    out = Array(I64 if arg else array.type.dtype, 1 if axis is None else ndim)

    def make(A, K):
        n = ir.ArraySize(I64, span, use(A)) if axis is None else ir.ArrayDim(I64, span, use(A), axis)
        k = build(fc, ops.get("np.where"), [_i(fc, node, "less", use(K), _const(fc, node, 0)),
                                            fc.binop("+", use(K), n, node), use(K)], [BOOL, I64, I64], I64, node)

        def body(Kn):
            n = ir.ArraySize(I64, span, use(A)) if axis is None else ir.ArrayDim(I64, span, use(A), axis)
            bad = _i(fc, node, "logical_or", _i(fc, node, "less", use(Kn), _const(fc, node, 0)),
                     _i(fc, node, "greater_equal", use(Kn), n))
            # (NumPy checks kth only when there are items)
            bad = _i(fc, node, "logical_and", _i(fc, node, "not_equal", ir.ArraySize(I64, span, use(A)),
                                                 _const(fc, node, 0)), bad)
            check = raise_if(fc, node, bad, "ValueError", "kth is out of bounds")
            if arg:
                return [check], ir.Intrinsic(out, span, "array.argsort", [use(A)], {"axis": axis})
            return [check], ir.Intrinsic(out, span, "array.partition", [use(A), use(Kn)], {"axis": axis})
        return let(fc, node, [k], body)
    return let(fc, node, [array, kth], make)


def lexsort(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.lexsort((b, a))` of 1-D keys: the indices sorting by the last key, ties by the one
    before, ...: a stable argsort of the first key, then of each next key gathered in that order
    (`idx = idx[np.argsort(k[idx], kind='stable')]`); NumPy's ValueError for keys of two lengths."""
    bound = _bind(fc, node, ["keys", "axis"], shown, 1)
    if "axis" in bound:
        axis = bound["axis"]
        if not (isinstance(axis, ast.Constant) and axis.value in (0, -1) or isinstance(axis, ast.UnaryOp)
                and isinstance(axis.op, ast.USub) and isinstance(axis.operand, ast.Constant) and axis.operand.value == 1):
            raise fc.error(axis, f"{shown}(axis=...) supports only the one axis of 1-D keys", "drop axis=")
    keys = sequence(fc, bound["keys"], shown)
    for key in keys:
        _sortable(fc, node, key, shown)
        if key.type.ndim != 1:
            raise fc.error(bound["keys"], f"{shown}() supports 1-D keys in .fx code, got a {key.type.ndim}-D one",
                           "sort the rows of a matrix with np.lexsort((m[1], m[0])) of 1-D rows")
    span = fc.span(node)
    idx_t = Array(I64, 1)

    def take(X, I) -> ir.Expr:
        return ir.Intrinsic(Array(X.type.dtype, 1), span, "index.take", [X, I],
                            {"axes": (0,), "orig": (0,), "bpos": 0, "mode": "raise"})

    def make(*K):
        checks = [raise_if(fc, node, _i(fc, node, "not_equal", ir.ArrayDim(I64, span, use(X), 0),
                                        ir.ArrayDim(I64, span, use(K[0]), 0)),
                           "ValueError", "all keys need to be the same shape") for X in K[1:]]
        order = ir.Intrinsic(idx_t, span, "array.argsort", [use(K[0])], {"axis": 0})
        for X in K[1:]:
            order = let(fc, node, [order], lambda I, X=X: take(
                use(I), ir.Intrinsic(idx_t, span, "array.argsort", [take(use(X), use(I))], {"axis": 0})))
        return checks, order
    return let(fc, node, keys, make)
