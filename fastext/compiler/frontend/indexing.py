"""NumPy's advanced indexing: boolean masks and integer arrays in subscripts (`ops/indexing.py`).

`fancy` is asked first by every array subscript; it returns None for basic indexing
(integers, slices, `None`), which `expressions.py` handles as views and items.  `store`
and `augassign` are asked the same by `a[...] = v` and `a[...] op= v`.

A subscript with an index array is typed as NumPy defines it.  Its slices and scalar
integers are applied first, as a view (`ir.ArraySlice`, no copy), whose remaining axes are
indexed by the arrays (`Plan`): integer arrays are broadcast together to a shape B, a
boolean mask of k dimensions stands for its k arrays of coordinates (`np.nonzero(m)`).  The
result has B in place of the indexed axes when the advanced indices (scalars included)
are adjacent in the subscript, else B first (`a[idx, :]` is (len(idx), n), `a[:, idx]`
(m, len(idx))).  Reads become `index.take` (a gather, any mix) or `index.compress` (one mask
over the leading axes: `a[m]`, `a[m, 1:]`, `a[i, m]`: no coordinates are made); stores
become `index.put` or `index.put_mask`.

`a[m] op= v` and `a[m] = b[m] * 2` store through the mask in one loop: the value's
`index.compress` operands use the very mask object of the store (`_unify`), which
`lower/masks.py` recognises.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from fastext.compiler import ir, ops
from fastext.compiler.source import Span
from fastext.compiler.types import BOOL, ERROR, I64, NONE, SCALARS, Array, ErrorType, Scalar, Tuple, article

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

INDEX_TYPE_ERROR = "arrays used as indices must be of integer (or boolean) type"


@dataclass
class Plan:
    """One subscript with advanced indices, typed: `view` is the array with the subscript's slices
    and scalar indices applied; `args` index its axes `axes[k]` (`orig[k]`: the axis of the
    original array, for messages); the broadcast index shape goes at result axis `bpos`."""

    view: ir.Expr
    args: list[ir.Expr]
    axes: tuple[int, ...]
    orig: tuple[int, ...]
    bpos: int
    ndim: int                       # of the result
    span: Span | None = None
    extra: dict = field(default_factory=dict)

    @property
    def dtype(self) -> Scalar:
        return self.view.type.dtype

    @property
    def compress(self) -> bool:
        """One boolean mask over the view's leading axes: selection without coordinates."""
        return len(self.args) == 1 and self.args[0].type.dtype == BOOL and self.axes == (0,) \
            and not self.extra.get("coords")

    @property
    def full_mask(self) -> bool:
        return self.compress and self.args[0].type.ndim == self.view.type.ndim

    def attrs(self) -> dict:
        return {"axes": self.axes, "orig": self.orig, "bpos": self.bpos, **self.extra}


# ----------------------------------------------------------------------------- the hooks

def fancy(fc: "FunctionChecker", node: ast.Subscript, base: ir.Expr, elts: list[ast.expr]) -> ir.Expr | None:
    """`a[mask]`, `a[idx]`, `a[i_arr, j_arr]`, `a[:, idx]`: None when every index is basic."""
    plan = _plan(fc, node, base, elts)
    if plan is None or isinstance(plan, ir.Expr):
        return plan
    return read(plan)


def store(fc: "FunctionChecker", target: ast.Subscript, array: ir.Expr, value: ir.Expr,
          node: ast.AST) -> list[ir.Stmt] | None:
    """`a[mask] = v`, `a[idx] = v`: None when the target is basic indexing."""
    plan = _plan(fc, target, array, _elts(target))
    if plan is None:
        return None
    if isinstance(plan, ir.Expr):       # poisoned
        return []
    span = fc.span(node)
    return [ir.ExprStmt(span, write(fc, plan, value, node))]


def augassign(fc: "FunctionChecker", node: ast.AugAssign, array: ir.Expr, op: str) -> list[ir.Stmt] | None:
    """`a[mask] += v`, `a[idx] *= v`: NumPy's `a[i] = a[i] op v` with the subscript evaluated once
    (duplicate indices do not accumulate: every store of one index writes the same value)."""
    from fastext.compiler.frontend.expressions import poisoned
    from fastext.compiler.ops import dtypes
    target = node.target
    pre: list[ir.Stmt] = []
    plan = _plan(fc, target, array, _elts(target))
    if plan is None:
        return None
    if isinstance(plan, ir.Expr):
        return []
    plan.view = _once(fc, plan.view, pre, target)
    plan.args = [_once_lazy(fc, a, pre, target) if a.type.dtype == BOOL else _once(fc, a, pre, target)
                 for a in plan.args]
    current = read(plan)
    value = fc.expr(node.value)
    if poisoned(value):
        return []
    result = fc.binop(op, current, value, node)
    if poisoned(result):
        return []
    src = result.type.dtype if isinstance(result.type, Array) else result.type
    if src != plan.dtype and not dtypes.can_cast(src, plan.dtype, "same_kind"):
        raise fc.error(node, f"`{op}=`: cannot cast the result from {dtypes.numpy_name(src)} to "
                             f"{dtypes.numpy_name(plan.dtype)} with casting rule 'same_kind'",
                       "NumPy raises UFuncTypeError here: convert explicitly, e.g. a[m] = (a[m] * 1.5).astype(a.dtype)")
    # a result of another dtype is converted item by item by the store, as NumPy's out= does
    return pre + [ir.ExprStmt(fc.span(node), write(fc, plan, result, node, checked=True))]


def nonzero(fc: "FunctionChecker", node: ast.Call, value: ir.Expr, shown: str) -> ir.Expr:
    """`np.where(condition)` with one argument: `np.nonzero(condition)`."""
    return _nonzero_of(fc, node, value, "index.nonzero", shown)


# ----------------------------------------------------------------------------- reads and writes

def read(plan: Plan) -> ir.Expr:
    """The selected items: a new array."""
    t = Array(plan.dtype, plan.ndim)
    if plan.compress:
        return ir.Intrinsic(t, plan.span, "index.compress", [plan.view, plan.args[0]], {"orig": plan.orig[0]})
    return ir.Intrinsic(t, plan.span, "index.take", [plan.view, *plan.args], plan.attrs())


def write(fc: "FunctionChecker", plan: Plan, value: ir.Expr, node: ast.AST, checked: bool = False) -> ir.Expr:
    """The store of `value` (a number, or an array broadcast to the selection) into the selected items."""
    span = fc.span(node)
    dtype = plan.dtype
    if isinstance(value.type, Scalar):
        value = fc.store_value(value, dtype, node)
    elif not isinstance(value.type, Array):
        raise fc.error(node, f"cannot assign {article(value.type)} to selected array items", "assign a number or an array")
    else:
        s = value.type.dtype
        if not checked and (s.is_float and not dtype.is_float and not dtype.is_complex or dtype.is_bool and not s.is_bool
                            or s.is_complex and not dtype.is_complex):
            raise fc.error(node, f"cannot assign {s} items into {article(dtype)} array without a conversion",
                           "convert item by item in a loop: out[i] = int(x[i])" if s.is_float
                           else "use arrays of matching kinds")
        if plan.full_mask and value.type.ndim > 1:
            raise fc.error(node, "NumPy boolean array indexing assignment requires a 0 or 1-dimensional input, "
                                 f"input has {value.type.ndim} dimensions", "assign a number, or a[m] = b[m]")
        if value.type.ndim > plan.ndim:
            raise fc.error(node, f"cannot store a {value.type.ndim}-D array into a {plan.ndim}-D selection",
                           "the value must broadcast to the shape of the selected items")
    if plan.full_mask:
        mask = plan.args[0]
        _unify(value, mask)
        return ir.Intrinsic(NONE, span, "index.put_mask", [plan.view, mask, value])
    return ir.Intrinsic(NONE, span, "index.put", [plan.view, *plan.args, value], plan.attrs())


def _unify(value: ir.Expr, mask: ir.Expr) -> None:
    """`a[m] = b[m] * 2`: a compress of the value by a mask equal to the store's (the same pure
    expression) takes the store's mask object, so the store runs as one loop."""
    if not _pure(mask):
        return
    parts = value.operands if isinstance(value, ir.ArrayMap) else [value]
    for p in parts:
        if isinstance(p, ir.Intrinsic) and p.name == "index.compress" and p.args[1] is not mask \
                and same(p.args[1], mask):
            p.args[1] = mask


def _pure(e: ir.Expr) -> bool:
    """Whether evaluating `e` twice gives the same value and does nothing else."""
    for sub in ir.walk_exprs(e):
        if isinstance(sub, (ir.Call, ir.ObjCall, ir.ObjAttr, ir.ObjItem, ir.ObjNext, ir.ObjIter, ir.ObjConvert)):
            return False
        if isinstance(sub, ir.Intrinsic):
            op = ops.find(sub.name)
            if op is None or not op.pure or op.needs_gil:
                return False
    return True


def same(a, b) -> bool:
    """Structural equality of two IR expressions (spans aside; variables by identity)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, ir.Var):
        return a is b
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, (ir.Expr, ir.SliceItem)):
        from dataclasses import fields
        return all(same(getattr(a, f.name), getattr(b, f.name)) for f in fields(a) if f.name != "span")
    return a == b


# ----------------------------------------------------------------------------- typing a subscript

def _elts(target: ast.Subscript) -> list[ast.expr]:
    return target.slice.elts if isinstance(target.slice, ast.Tuple) else [target.slice]


def _plan(fc: "FunctionChecker", node: ast.Subscript, base: ir.Expr, elts: list[ast.expr]) -> Plan | ir.Expr | None:
    """The plan of an advanced subscript; None for basic indexing; an error-typed expression when
    an index already carries a reported error."""
    items = _classify(fc, elts)
    if items is None:
        return None
    span = fc.span(node)
    if any(kind == "error" for kind, _, _ in items):
        return ir.Expr(ERROR, span)
    atype: Array = base.type
    from fastext.compiler.types import Struct
    if isinstance(atype.dtype, Struct):
        raise fc.error(node, "indexing an array of structs with an index array is not supported",
                       "loop over the items: for i in range(len(idx)): out[i] = a[idx[i]]")
    ellipses = [k for k, (kind, _, _) in enumerate(items) if kind == "ellipsis"]
    if len(ellipses) > 1:
        raise fc.error(node.slice, "an index can only have a single ellipsis ('...')", "keep one `...`")
    for kind, e, _ in items:
        if kind == "newaxis":
            raise fc.error(e, "np.newaxis together with an index array is not supported in .fx code",
                           "index first, then add the axis: b = a[idx]; b[:, None]")
    consumed = sum(_width(kind, v) for kind, _, v in items if kind != "ellipsis")
    if consumed > atype.ndim:
        raise fc.error(node.slice, f"too many indices for array: array is {atype.ndim}-dimensional, "
                                   f"but {consumed} were indexed", "one index per dimension (a mask counts its dimensions)")
    k = ellipses[0] if ellipses else len(items)      # the missing axes are whole: where `...` stands, else last
    items = items[:k] + [("slice", None, None)] * (atype.ndim - consumed) + items[k + 1:]

    view_items: list[ir.SliceItem] = []
    args, axes, orig, coords = [], [], [], []
    view_axis = axis = 0
    advanced_at: list[int] = []
    slices_before = None
    for pos, (kind, e, v) in enumerate(items):
        if kind == "slice":
            view_items.append(_slice_item(fc, e))
            view_axis += 1
            axis += 1
            continue
        if slices_before is None:
            slices_before = sum(1 for k2, _, _ in items[:pos] if k2 == "slice")
        advanced_at.append(pos)
        if kind == "int":
            view_items.append(ir.SliceItem(index=_int_index(fc, e, v)))
            axis += 1
            continue
        args.append(v)
        coords.append(kind == "coords")
        axes.append(view_axis)
        orig.append(axis)
        width = _width(kind, v)
        view_items += [ir.SliceItem() for _ in range(width)]
        view_axis += width
        axis += width
    adjacent = advanced_at == list(range(advanced_at[0], advanced_at[-1] + 1))
    bpos = slices_before if adjacent else 0
    kept = sum(1 for it in view_items if it.index is None)
    if all(it.index is None and it.start is None and it.stop is None and it.step is None for it in view_items):
        view = base
    else:
        view = ir.ArraySlice(Array(atype.dtype, kept), span, base, view_items)
    b_ndim = max(1 if a.type.dtype == BOOL else a.type.ndim for a in args)
    n_slices = sum(1 for kind, _, _ in items if kind == "slice")
    extra = {"coords": tuple(coords)} if any(coords) else {}
    return Plan(view, args, tuple(axes), tuple(orig), bpos, n_slices + b_ndim, span, extra)


def _width(kind: str, value: ir.Expr | None) -> int:
    """How many axes of the array an index consumes (a mask: its dimensions)."""
    return value.type.ndim if kind in ("mask", "coords") else 1


def _classify(fc: "FunctionChecker", elts: list[ast.expr]) -> list[tuple[str, ast.expr, ir.Expr | None]] | None:
    """Each index as (kind, node, typed value): slice, newaxis, ellipsis, int, array, mask (or
    error); None when no index is an array."""
    items = []
    for e in elts:
        if isinstance(e, ast.Slice):
            items.append(("slice", e, None))
        elif fc.is_newaxis(e):
            items.append(("newaxis", e, None))
        elif isinstance(e, ast.Constant) and e.value is Ellipsis:
            items.append(("ellipsis", e, None))
        elif isinstance(e, ast.Constant):
            items.append(("int", e, None))
        elif isinstance(e, ast.List):       # a[[0, 2]]: the list is NumPy's index array (or mask)
            from fastext.compiler.frontend.creation import _from_object
            items.append(_kind(fc, e, _from_object(fc, e, e, None, "an index list", True)))
        else:
            v = fc.expr(e)
            if isinstance(v.type, Tuple) and v.type.items and all(isinstance(t, Array) for t in v.type.items):
                items += _tuple_items(fc, e, v)
            else:
                items.append(_kind(fc, e, v))
    if not any(kind in ("array", "mask", "coords") for kind, _, _ in items):
        return None
    return items


def _kind(fc: "FunctionChecker", e: ast.expr, v: ir.Expr) -> tuple[str, ast.expr, ir.Expr]:
    if isinstance(v.type, ErrorType):
        return ("error", e, v)
    if isinstance(v.type, Array):
        t = v.type.dtype
        if t == BOOL:
            return ("mask", e, v)
        if isinstance(t, Scalar) and t.is_int:
            return ("array", e, v)
        raise fc.error(e, f"{INDEX_TYPE_ERROR} (IndexError in NumPy), not {t}",
                       "convert the indices: idx.astype(np.int64)")
    return ("int", e, v)


def _tuple_items(fc: "FunctionChecker", e: ast.expr, v: ir.Expr) -> list[tuple[str, ast.expr, ir.Expr]]:
    """A tuple of index arrays in a subscript, `a[np.nonzero(m)]`, `a[ix]`: its arrays.  The
    coordinates np.nonzero(x) (np.where(x)) are made from the mask `x != 0` where they are used
    ("coords": a mask whose shape need not match the array's, its coordinates bounds-checked)."""
    if isinstance(v, ir.Intrinsic) and v.name == "index.nonzero":
        x = v.args[0]
        if x.type.dtype != BOOL:
            from fastext.compiler.frontend.arrays import elementwise
            x = elementwise(fc, ops.get("np.not_equal"), [x, ir.Const(x.type.dtype, x.span, 0)], e)
        return [("coords", e, x)]
    if isinstance(v, ir.MakeTuple):
        return [_kind(fc, e, item) for item in v.items]
    if _stable(v):
        return [_kind(fc, e, ir.TupleGet(t, v.span, v, k)) for k, t in enumerate(v.type.items)]
    raise fc.error(e, "a tuple of index arrays in a subscript must be a variable or np.nonzero(...)",
                   "assign it first: ix = f(...); a[ix]")


def _int_index(fc: "FunctionChecker", e: ast.expr, value: ir.Expr | None) -> ir.Expr:
    """A scalar index next to index arrays, as i64 (already typed: not typed again)."""
    if value is None:
        return fc.index_value(e)
    if not (isinstance(value.type, Scalar) and value.type.is_int):
        raise fc.error(e, f"array indices must be integers, not {value.type}", "convert with int(...)")
    if value.type == SCALARS["u64"]:
        return ir.Cast(I64, value.span, value)
    return fc.coerce(value, I64, e, "index")


def _slice_item(fc: "FunctionChecker", e: ast.Slice | None) -> ir.SliceItem:
    if e is None:
        return ir.SliceItem()
    bounds = [None if b is None else fc.index_value(b) for b in (e.lower, e.upper, e.step)]
    if isinstance(bounds[2], ir.Const) and bounds[2].value == 0:
        raise fc.error(e.step, "slice step cannot be zero", "use a positive or negative step")
    return ir.SliceItem(None, *bounds)


# ----------------------------------------------------------------------------- evaluate once

def _stable(e: ir.Expr) -> bool:
    """Whether `e` may be evaluated twice at no cost and to the same value."""
    if isinstance(e, (ir.Load, ir.Const)):
        return True
    if isinstance(e, (ir.ArraySlice, ir.ArrayDim, ir.ArraySize, ir.Cast, ir.TupleGet)):
        return all(_stable(c) for c in ir.children(e))
    return False


def _once(fc: "FunctionChecker", e: ir.Expr, pre: list[ir.Stmt], node: ast.AST) -> ir.Expr:
    """`e`, or a temporary holding it (assigned in `pre`) when evaluating it twice would cost or differ."""
    if _stable(e):
        return e
    temp = fc.new_temp(e.type, node)
    pre.append(ir.Assign(e.span, temp, e))
    return ir.Load(temp.type, e.span, temp)


def _once_lazy(fc: "FunctionChecker", e: ir.Expr, pre: list[ir.Stmt], node: ast.AST) -> ir.Expr:
    """A mask evaluated twice (read and store): an element-wise one keeps being computed item by
    item, its operands evaluated once."""
    if isinstance(e, ir.ArrayMap):
        e.operands = [_once(fc, o, pre, node) for o in e.operands]
        return e
    return _once(fc, e, pre, node)


# ----------------------------------------------------------------------------- the functions

def _array_arg(fc: "FunctionChecker", value, shown: str, what: str) -> ir.Expr:
    from fastext.compiler.frontend.arrays import _expr
    e = _expr(fc, value)
    if isinstance(e.type, ErrorType):
        return e
    if not isinstance(e.type, Array):
        node = value if isinstance(value, ast.AST) else None
        raise fc.error(node, f"{shown}() needs an array for `{what}`, got {article(e.type)}", "pass an array")
    return e


def _nonzero_of(fc: "FunctionChecker", node: ast.AST, value: ir.Expr, name: str, shown: str) -> ir.Expr:
    span = fc.span(node)
    if isinstance(value.type, ErrorType):
        return value
    if not isinstance(value.type, Array):
        raise fc.error(node, f"{shown}() needs an array, got {article(value.type)} (NumPy 2 rejects 0-d input)",
                       "test the number with `if x:`")
    from fastext.compiler.types import Struct
    if isinstance(value.type.dtype, Struct):
        raise fc.error(node, f"{shown}() is not defined on arrays of structs", "test a field: np.nonzero(vs.x)")
    ndim = value.type.ndim
    if name == "index.nonzero":
        t = Tuple((Array(I64, 1),) * ndim)
    elif name == "index.flatnonzero":
        t = Array(I64, 1)
    else:
        t = Array(I64, 2)
    return ir.Intrinsic(t, span, name, [value])


def nonzero_call(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver: ir.Expr | None = None):
    """`np.nonzero(a)`, `a.nonzero()`, `np.flatnonzero(a)`, `np.argwhere(a)`."""
    from fastext.compiler.frontend.arrays import _bind, _expr
    bound = _bind(fc, node, ["a"], shown, 1, receiver)
    return _nonzero_of(fc, node, _expr(fc, bound["a"]), op.name, shown)


def extract_call(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver: ir.Expr | None = None):
    """`np.extract(condition, arr)`: `np.take(arr, np.flatnonzero(condition))` (the flattened arrays)."""
    from fastext.compiler.frontend.arrays import _bind
    bound = _bind(fc, node, ["condition", "arr"], shown, 2, receiver)
    cond = _array_arg(fc, bound["condition"], shown, "condition")
    arr = _array_arg(fc, bound["arr"], shown, "arr")
    if isinstance(cond.type, ErrorType) or isinstance(arr.type, ErrorType):
        return ir.Expr(ERROR, fc.span(node))
    where = _nonzero_of(fc, node, cond, "index.flatnonzero", shown)
    return _flat_take(fc, node, arr, where, "raise")


def _flat_take(fc, node, arr: ir.Expr, idx: ir.Expr, mode: str) -> ir.Expr:
    _no_structs(fc, node, arr)
    t = Array(arr.type.dtype, idx.type.ndim)
    return ir.Intrinsic(t, fc.span(node), "index.take", [arr, idx],
                        {"axes": (0,), "orig": (0,), "bpos": 0, "mode": mode, "flat": arr.type.ndim > 1})


def _no_structs(fc, node, arr: ir.Expr) -> None:
    from fastext.compiler.types import Struct
    if isinstance(arr.type.dtype, Struct):
        raise fc.error(node, "taking items of an array of structs is not supported", "loop over the indices")


_MODES = ("raise", "wrap", "clip")


def take_call(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver: ir.Expr | None = None):
    """`np.take(a, indices, axis=None, mode='raise')`, `a.take(indices, axis=None, mode='raise')`."""
    from fastext.compiler.frontend.arrays import _bind, _expr, constant
    bound = _bind(fc, node, ["a", "indices", "axis", "out", "mode"], shown, 2, receiver)
    a = _array_arg(fc, bound["a"], shown, "a")
    idx = _expr(fc, bound["indices"])
    span = fc.span(node)
    if isinstance(a.type, ErrorType) or isinstance(idx.type, ErrorType):
        return ir.Expr(ERROR, span)
    if "out" in bound:
        raise fc.error(bound["out"], f"{shown}(out=...) is not supported", "assign the result: r[...] = np.take(a, idx)")
    mode = "raise"
    if "mode" in bound:
        m = bound["mode"]
        if not (isinstance(m, ast.Constant) and m.value in _MODES):
            raise fc.error(m, "mode must be a constant 'raise', 'wrap' or 'clip'", "np.take(a, idx, mode='wrap')")
        mode = m.value
    axis = None
    if "axis" in bound and not (isinstance(bound["axis"], ast.Constant) and bound["axis"].value is None):
        axis = constant(fc, bound["axis"], int, "axis")
        if not -a.type.ndim <= axis < a.type.ndim:
            raise fc.error(bound["axis"], f"axis {axis} is out of bounds for array of dimension {a.type.ndim}",
                           "NumPy raises AxisError here")
        axis %= a.type.ndim
    _no_structs(fc, node, a)
    if isinstance(idx.type, Scalar):
        if not idx.type.is_int:
            raise fc.error(node, f"{shown}() indices must be integers, not {idx.type}", "convert with int(...)")
        if mode != "raise" or axis is None and a.type.ndim > 1:
            raise fc.error(node, f"{shown}() with a scalar index is supported on 1-D arrays or with axis= (mode='raise')",
                           "write a[i], or pass the index as an array")
        i = fc.convert(idx, I64) if idx.type != SCALARS["u64"] else ir.Cast(I64, idx.span, idx)
        k = axis or 0
        if a.type.ndim == 1:
            return ir.Index(a.type.dtype, span, a, [i])
        items = [ir.SliceItem() for _ in range(k)] + [ir.SliceItem(index=i)]
        return ir.ArraySlice(Array(a.type.dtype, a.type.ndim - 1), span, a, items)
    if not (isinstance(idx.type, Array) and isinstance(idx.type.dtype, Scalar) and idx.type.dtype.is_int):
        what = f"{idx.type.dtype} array" if isinstance(idx.type, Array) else article(idx.type)
        raise fc.error(node, f"{shown}() indices must be an integer array, got {what}",
                       "a boolean mask selects with a[mask]; convert other indices with idx.astype(np.int64)")
    if axis is None:
        return _flat_take(fc, node, a, idx, mode)
    t = Array(a.type.dtype, a.type.ndim - 1 + idx.type.ndim)
    return ir.Intrinsic(t, span, "index.take", [a, idx], {"axes": (axis,), "orig": (axis,), "bpos": axis, "mode": mode})
