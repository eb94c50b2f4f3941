"""Boolean masks in native code: `a[m]` (`index.compress`), `a[m] = v` and `a[m] op= v`
(`index.put_mask`), `np.nonzero` / `np.flatnonzero` / `np.argwhere` (`ops/indexing.py`).

A mask is any array expression (`Mask`): an element-wise one (`a > 0`) is computed item by
item where it is used, never stored.  Selections count the true items first (one
vectorisable pass), allocate the result, then copy in a second pass; a whole-array
selection copies without a branch (every item is written at the cursor, the cursor moves
by the mask bit: the result has one spare item for it).

Stores follow NumPy, where the mask and the value are computed before anything is stored:
an operand of the mask or of the value whose memory overlaps the target other than item
for item is first copied (`detach`); `a[a > 0] = 0` and `a[m] = b[m] * 2` then run as one
loop over the target (a value whose array operands are all compressions by the store's
own mask: `frontend/indexing.py` gives them that mask object).
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.lower import arith, mapchunks
from fastext.compiler.lower.arraymap import (
    Access, DeferredChecks, ElementLowering, Operand, _accesses, _element_values, _typed,
    broadcast_shape, dims, evaluate, load, loop_nest, store_item, strides_in, value_of,
)
from fastext.compiler.lower.context import I1, I64, I8P, scalar_type, value_type
from fastext.compiler.lower.reshape import view

MASK_MISMATCH = ("boolean index did not match indexed array along axis %lld; size of axis is %lld "
                 "but size of corresponding boolean axis is %lld")


# ----------------------------------------------------------------------------- masks

class Mask:
    """A mask (or the argument of np.nonzero): any array expression whose items are tested for
    truth, its operands evaluated once (here, in order)."""

    def __init__(self, fl, e: ir.Expr):
        self.fl, self.e = fl, e
        self.dtype: T.Scalar = e.type.dtype
        self.ndim: int = e.type.ndim
        self.checks = DeferredChecks(fl)
        self.is_map = isinstance(e, ir.ArrayMap)
        if self.is_map and mapchunks.nodes(fl, e.body):
            # NumPy's loops compute chunks (lower/mapchunks.py): the mask is computed once into
            # an array of the call's arena, as NumPy's own mask is, instead of item by item
            from fastext.compiler.lower.arraymap import materialize
            self.is_map = False
            self.ops = [Operand(materialize(fl, e), e.type)]
            self.shape = dims(fl, self.ops[0])
        elif self.is_map:
            self.ops = evaluate(fl, e.operands)
            self.shape = broadcast_shape(fl, self.ops, self.ndim)
        else:
            self.ops = [Operand(fl.expr(e), e.type)]
            self.shape = dims(fl, self.ops[0])
        self.which: list[int] = []

    def accesses(self) -> list[Access]:
        """The arrays a loop over the mask's shape walks (after any `detach`)."""
        if self.is_map:
            acc, self.which = _accesses(self.fl, self.e, self.ops, self.shape)
            return acc
        op = self.ops[0]
        return [Access(self.fl.b.extract_value(op.value, 0), strides_in(self.fl, op, self.shape), self.dtype)]

    def truth(self, pointers: list[ll.Value]) -> ll.Value:
        """The mask's item (as i1) at the loop's `pointers` (those of `accesses()`)."""
        fl = self.fl
        if self.is_map:
            values = _element_values(fl, self.ops, self.which, pointers)
            v = ElementLowering(fl, values, self.checks).expr(self.e.body)
        else:
            v = load(fl, pointers[0], self.dtype)
        return arith.truth(fl, v, self.dtype)

    def count(self) -> ll.Value:
        """How many items are true (the mask computed once through)."""
        b = self.fl.b
        slot = self.fl.entry_alloca(I64)
        b.store(I64(0), slot)
        loop_nest(self.fl, self.shape, self.accesses(),
                  lambda p: b.store(b.add(b.load(slot), b.zext(self.truth(p), I64)), slot), "mask.count")
        self.checks.raise_any()
        return b.load(slot)

    def detach(self, target: ll.Value, ttype: T.Array) -> None:
        """Operands overlapping the store's target other than item for item become copies."""
        self.ops = [detach(self.fl, op, target, ttype, self.shape) if op.is_array else op for op in self.ops]

    def check_against(self, array: ll.Value, first: int, orig: int) -> None:
        """The mask's shape equals the array's axes `first`... (NumPy's IndexError, axis `orig`...)."""
        b = self.fl.b
        for j, d in enumerate(self.shape):
            n = b.extract_value(array, [1, first + j])
            self.fl.fail_if(b.icmp_signed("!=", d, n), "IndexError", MASK_MISMATCH, (I64(orig + j), n, d))


def detach(fl, op: Operand, target: ll.Value, ttype: T.Array, shape: list[ll.Value] | None = None) -> Operand:
    """`op`, or a C-contiguous copy of it (in the arena) when its memory overlaps `target`'s —
    unless, with `shape` (the loop's), it walks `target` item for item (read before written)."""
    b = fl.b
    from fastext.compiler.lower.alloc import _copy, _extent, allocate
    empty = I1(0)
    for d in dims(fl, op) + dims(fl, Operand(target, ttype)):
        empty = b.or_(empty, b.icmp_signed("==", d, I64(0)))
    lo, hi = _extent(fl, op.value, op.type)
    tlo, thi = _extent(fl, target, ttype)
    unsafe = b.and_(b.not_(empty), b.and_(b.icmp_unsigned("<", lo, thi), b.icmp_unsigned("<", tlo, hi)))
    if shape is not None and op.type.ndim == ttype.ndim:
        same = b.icmp_unsigned("==", b.extract_value(op.value, 0), b.extract_value(target, 0))
        for s, k in zip(strides_in(fl, op, shape), range(ttype.ndim)):
            same = b.and_(same, b.icmp_signed("==", s, b.extract_value(target, [2, k])))
        unsafe = b.and_(unsafe, b.not_(same))
    slot = fl.entry_alloca(value_type(op.type))
    b.store(op.value, slot)
    with b.if_then(unsafe, likely=False):
        shape_ = dims(fl, op)
        new = allocate(fl, op.type, shape_)
        _copy(fl, shape_, [(new, op.type), (op.value, op.type)])
        b.store(new, slot)
    return Operand(b.load(slot), op.type)


def _slack_vector(fl, dtype: T.Scalar, n: ll.Value) -> ll.Value:
    """A new 1-D array of n items with room for one more (the branchless cursor's spare store)."""
    from fastext.compiler.lower.alloc import allocate
    out = allocate(fl, T.Array(dtype, 1), [fl.b.add(n, I64(1))])
    return fl.b.insert_value(out, n, [1, 0])


def _counter(fl) -> ll.Value:
    slot = fl.entry_alloca(I64)
    fl.b.store(I64(0), slot)
    return slot


# ----------------------------------------------------------------------------- a[m]

def lower_compress(fl, e: ir.Intrinsic, args: list[ir.Expr]) -> ll.Value:
    """`a[m]`: the items (or, for a mask over the leading axes, the sub-arrays) where m is true."""
    b = fl.b
    src_e, mask_e = args
    stype: T.Array = src_e.type
    src = value_of(fl, src_e)
    mask = Mask(fl, mask_e)
    mask.check_against(src, 0, e.attrs.get("orig", 0))
    n = mask.count()
    k = mask.ndim
    dtype = stype.dtype
    sdata = b.extract_value(src, 0)
    sstrides = [b.extract_value(src, [2, j]) for j in range(stype.ndim)]
    cursor = _counter(fl)
    if k == stype.ndim:
        out = _slack_vector(fl, dtype, n)
        base = _typed(fl, b.extract_value(out, 0), dtype)

        def element(ptrs):
            t = mask.truth(ptrs[1:])
            c = b.load(cursor)
            store_item(fl, b.gep(base, [c]), load(fl, ptrs[0], dtype), dtype)
            b.store(b.add(c, b.zext(t, I64)), cursor)
        loop_nest(fl, mask.shape, [Access(sdata, sstrides, dtype)] + mask.accesses(), element, "compress")
        mask.checks.raise_any()
        return out
    from fastext.compiler.lower.alloc import allocate
    rest = [b.extract_value(src, [1, j]) for j in range(k, stype.ndim)]
    out = allocate(fl, e.type, [n] + rest)
    row_bytes = I64(dtype.nbytes)
    for d in rest:
        row_bytes = b.mul(row_bytes, d)
    odata = b.extract_value(out, 0)
    ostrides = [b.extract_value(out, [2, j]) for j in range(1, e.type.ndim)]

    def rows(ptrs):
        with b.if_then(mask.truth(ptrs[1:])):     # the selected sub-array, copied by a vectorised nest
            c = b.load(cursor)
            row = [Access(b.gep(odata, [b.mul(c, row_bytes)]), ostrides, dtype),
                   Access(b.bitcast(ptrs[0], I8P), sstrides[k:], dtype)]
            loop_nest(fl, rest, row, lambda p: store_item(fl, p[0], load(fl, p[1], dtype), dtype), "compress.row")
            b.store(b.add(c, I64(1)), cursor)
    loop_nest(fl, mask.shape, [Access(sdata, sstrides[:k], dtype)] + mask.accesses(), rows, "compress.rows")
    mask.checks.raise_any()
    return out


# ----------------------------------------------------------------------------- a[m] = v

def _fused(value: ir.Expr, mask: ir.Expr) -> ir.ArrayMap | None:
    """The value as a map whose array operands are all compressions by `mask` (then the store is
    one loop over the target), else None."""
    if isinstance(value, ir.Intrinsic) and value.name == "index.compress" and value.args[1] is mask:
        value = ir.ArrayMap(value.type, value.span, [value], ir.Elem(value.type.dtype, value.span, 0))
    if not isinstance(value, ir.ArrayMap):
        return None
    for o in value.operands:
        if isinstance(o.type, T.Array) and not (isinstance(o, ir.Intrinsic) and o.name == "index.compress"
                                                and o.args[1] is mask and o.args[0].type.ndim == mask.type.ndim):
            return None
    return value


def lower_put_mask(fl, e: ir.Intrinsic, args: list[ir.Expr]) -> ll.Value:
    """`a[m] = v` for a mask of a's shape: a number, a map fused with the mask, or an array of the
    selected count (or of one item)."""
    target_e, mask_e, value_e = args
    fused = _fused(value_e, mask_e)
    if isinstance(value_e.type, T.Scalar):
        _put_scalar(fl, target_e, mask_e, fl.expr(value_e))
    elif fused is not None:
        _put_fused(fl, target_e, mask_e, fused)
    else:
        _put_values(fl, target_e, mask_e, Operand(value_of(fl, value_e), value_e.type))
    return I1(0)


def _target(fl, target_e: ir.Expr, mask_e: ir.Expr, first=None) -> tuple[ll.Value, T.Array, Mask, Access]:
    """The store's target and mask, checked against each other (after `first(mask)`: the checks
    of the value, which Python evaluates first), the mask detached from the target."""
    b = fl.b
    ttype: T.Array = target_e.type
    target = fl.expr(target_e)
    mask = Mask(fl, mask_e)
    if first is not None:
        first(mask)
    mask.check_against(target, 0, 0)
    mask.detach(target, ttype)
    acc = Access(b.extract_value(target, 0), [b.extract_value(target, [2, k]) for k in range(ttype.ndim)], ttype.dtype)
    return target, ttype, mask, acc


def _put_scalar(fl, target_e, mask_e, v: ll.Value) -> None:
    """a[m] = x: every item rewritten with a select (vectorisable; the unselected keep their value)."""
    b = fl.b
    target, ttype, mask, acc = _target(fl, target_e, mask_e)
    dtype = ttype.dtype

    def element(ptrs):
        t = mask.truth(ptrs[1:])
        store_item(fl, ptrs[0], b.select(t, v, load(fl, ptrs[0], dtype)), dtype)
    loop_nest(fl, mask.shape, [acc] + mask.accesses(), element, "putmask")
    mask.checks.raise_any()


def _put_fused(fl, target_e, mask_e, value: ir.ArrayMap) -> None:
    """a[m] = f(b[m], c[m], x): one loop over a, b, c and m."""
    b = fl.b
    ops: list[Operand] = []
    for o in value.operands:
        if isinstance(o.type, T.Array):
            ops.append(Operand(value_of(fl, o.args[0]), o.args[0].type))
        else:
            ops.append(Operand(fl.expr(o), o.type))
    def first(mask):
        for o, op in zip(value.operands, ops):
            if op.is_array:
                _check_shape(fl, op.value, mask, o.attrs.get("orig", 0))
    target, ttype, mask, acc = _target(fl, target_e, mask_e, first)
    ops = [detach(fl, op, target, ttype, mask.shape) if op.is_array else op for op in ops]
    arrays = [k for k, op in enumerate(ops) if op.is_array]
    accesses = [Access(b.extract_value(ops[k].value, 0), strides_in(fl, ops[k], mask.shape), ops[k].type.dtype)
                for k in arrays]
    dtype = ttype.dtype
    n = len(accesses)

    def loop(checks: "_SelectedChecks", store: bool) -> None:
        def element(ptrs):
            # f is computed for every item (map bodies never trap) and stored where m is true,
            # as a select: no branch on the mask, so the loop vectorises; f's checks count there
            t = mask.truth(ptrs[1 + n:])
            values = [None if op.is_array else op.value for op in ops]
            for k, p in zip(arrays, ptrs[1:1 + n]):
                values[k] = load(fl, p, ops[k].type.dtype)
            checks.selected = t
            v = arith.cast(fl, ElementLowering(fl, values, checks).expr(value.body), value.type.dtype, dtype)
            if store:
                store_item(fl, ptrs[0], b.select(t, v, load(fl, ptrs[0], dtype)), dtype)
        loop_nest(fl, mask.shape, [acc] + accesses + mask.accesses(), element, "putmask.map")
        mask.checks.raise_any()
        checks.raise_any()
    if _may_fail(fl, value.body, ops):
        loop(_SelectedChecks(fl), store=False)     # NumPy computes the value first: raise before any store
    loop(_SelectedChecks(fl), store=True)


def _may_fail(fl, body: ir.Expr, ops: list[Operand]) -> bool:
    """Whether computing a map body can raise (NumPy's integer power of a negative exponent):
    the body is lowered once into a scratch block, which is then dropped."""
    b = fl.b
    here, count = b.block, len(fl.llfn.blocks)
    b.position_at_end(fl.new_block("probe"))
    probe = DeferredChecks(fl)
    values = [ll.Constant(scalar_type(op.type.dtype if op.is_array else op.type), ll.Undefined) for op in ops]
    ElementLowering(fl, values, probe).expr(body)
    del fl.llfn.blocks[count:]
    b.position_at_end(here)
    return bool(probe.sites)


class _SelectedChecks(DeferredChecks):
    """Deferred checks of a body computed for every item but used where the mask is true:
    a failure counts only at those items (`selected`, the current item's mask bit)."""

    selected: ll.Value = I1(1)

    def note(self, b: ll.IRBuilder, cond: ll.Value, exc: str, fmt: str | None) -> None:
        super().note(b, b.and_(cond, self.selected), exc, fmt)


def _check_shape(fl, array: ll.Value, mask: Mask, orig: int) -> None:
    """A compressed operand's shape equals the mask's (the IndexError its read would raise)."""
    b = fl.b
    for j, d in enumerate(mask.shape):
        n = b.extract_value(array, [1, j])
        fl.fail_if(b.icmp_signed("!=", d, n), "IndexError", MASK_MISMATCH, (I64(orig + j), n, d))


def _put_values(fl, target_e, mask_e, values: Operand) -> None:
    """a[m] = v for an array v of the selected count (or of one item, repeated)."""
    b = fl.b
    vtype: T.Array = values.type
    target, ttype, mask, acc = _target(fl, target_e, mask_e)
    values = detach(fl, values, target, ttype)
    count = mask.count()
    size = I64(1)
    for d in dims(fl, values):
        size = b.mul(size, d)
    fl.fail_if(b.and_(b.icmp_signed("!=", size, count), b.icmp_signed("!=", size, I64(1))), "ValueError",
               "NumPy boolean array indexing assignment cannot assign %lld input values to the %lld output "
               "values where the mask is true", (size, count))
    vdata = b.extract_value(values.value, 0)
    step = b.select(b.icmp_signed("==", size, I64(1)), I64(0),
                    b.extract_value(values.value, [2, 0]) if vtype.ndim else I64(0))
    cursor = _counter(fl)
    dtype = ttype.dtype

    def element(ptrs):
        with b.if_then(mask.truth(ptrs[1:])):
            c = b.load(cursor)
            x = load(fl, _typed(fl, b.gep(vdata, [b.mul(c, step)]), vtype.dtype), vtype.dtype)
            store_item(fl, ptrs[0], arith.cast(fl, x, vtype.dtype, dtype), dtype)
            b.store(b.add(c, I64(1)), cursor)
    loop_nest(fl, mask.shape, [acc] + mask.accesses(), element, "putmask.values")
    mask.checks.raise_any()


# ----------------------------------------------------------------------------- np.nonzero & co.

def index_nest(fl, shape: list[ll.Value], accesses: list[Access], element) -> None:
    """element(indices, pointers) for every index of `shape` in C order (a plain nest: the
    indices are the offsets of one pseudo-array per axis, of stride 1 along it)."""
    from fastext.compiler.lower.array_methods import strided_loop
    b, ndim = fl.b, len(shape)
    counters = [[I64(1 if k == j else 0) for k in range(ndim)] for j in range(ndim)]

    def body(offsets):
        pointers = [_typed(fl, b.gep(a.data, [off]), a.dtype) for a, off in zip(accesses, offsets[ndim:])]
        element(offsets[:ndim], pointers)
    strided_loop(fl, shape, counters + [a.strides for a in accesses], body, "nz")


def flat_indices(fl, mask: Mask, count: ll.Value) -> ll.Value:
    """The C-order positions of the true items: a new 1-D int64 array of `count` items."""
    b = fl.b
    out = _slack_vector(fl, T.I64, count)
    base = _typed(fl, b.extract_value(out, 0), T.I64)
    cursor, position = _counter(fl), _counter(fl)

    def element(ptrs):
        t = mask.truth(ptrs)
        c, i = b.load(cursor), b.load(position)
        b.store(i, b.gep(base, [c]))
        b.store(b.add(c, b.zext(t, I64)), cursor)
        b.store(b.add(i, I64(1)), position)
    loop_nest(fl, mask.shape, mask.accesses(), element, "flatnonzero")
    mask.checks.raise_any()
    return out


def coordinates(fl, mask: Mask, count: ll.Value, rows: bool) -> ll.Value:
    """The indices of the true items along each axis: a new int64 array, (ndim, count) —
    one row per axis, as np.nonzero — or (count, ndim) with `rows` (np.argwhere)."""
    from fastext.compiler.lower.alloc import allocate
    b = fl.b
    ndim = mask.ndim
    shape = [count, I64(ndim)] if rows else [I64(ndim), count]
    out = allocate(fl, T.Array(T.I64, 2), shape)
    base = _typed(fl, b.extract_value(out, 0), T.I64)
    cursor = _counter(fl)

    def element(indices, ptrs):
        with b.if_then(mask.truth(ptrs)):
            c = b.load(cursor)
            for j, i in enumerate(indices):
                at = b.add(b.mul(c, I64(ndim)), I64(j)) if rows else b.add(b.mul(I64(j), count), c)
                b.store(i, b.gep(base, [at]))
            b.store(b.add(c, I64(1)), cursor)
    index_nest(fl, mask.shape, mask.accesses(), element)
    mask.checks.raise_any()
    return out


def nonzero_arrays(fl, mask: Mask) -> list[ll.Value]:
    """np.nonzero: one new int64 vector per axis of the mask."""
    b = fl.b
    count = mask.count()
    if mask.ndim == 1:
        return [flat_indices(fl, mask, count)]
    block = coordinates(fl, mask, count, rows=False)
    data = b.extract_value(block, 0)
    vec = T.Array(T.I64, 1)
    return [view(fl, vec, b.gep(data, [b.mul(b.mul(I64(j), count), I64(8))]), [count], [I64(8)])
            for j in range(mask.ndim)]


def lower_nonzero(fl, e: ir.Intrinsic, args: list[ir.Expr]) -> ll.Value:
    """np.nonzero(a) (a tuple of int64 vectors), np.flatnonzero(a), np.argwhere(a)."""
    b = fl.b
    mask = Mask(fl, args[0])
    if e.name == "index.flatnonzero":
        return flat_indices(fl, mask, mask.count())
    if e.name == "index.argwhere":
        return coordinates(fl, mask, mask.count(), rows=True)
    out = ll.Constant(value_type(e.type), ll.Undefined)
    for j, vec in enumerate(nonzero_arrays(fl, mask)):
        out = b.insert_value(out, vec, j)
    return out
