"""Integer-array indexing in native code: `a[idx]`, `a[i, j]`, `a[:, idx]`, `np.take`
(`index.take`, a gather) and `a[idx] = v`, `a[idx] op= v` (`index.put`, a scatter).

The front end (`frontend/indexing.py`) hands over a *view* — the array with the subscript's
slices and scalar indices applied — and the index arrays of its remaining axes, each with
the view axis it indexes (`attrs["axes"]`, and `attrs["orig"]` the original axis for
messages).  A boolean mask among them becomes its coordinates (np.nonzero: one int64 vector
per axis it covers).  The index arrays broadcast to a shape B; the selection's shape is the
view's other axes with B inserted at `attrs["bpos"]`.  The indices are checked first, as
NumPy does: each index array in turn, whole (a vectorised min/max pass; the first bad
item is looked for only when there is one), so the error names the same index as NumPy's
`IndexError: index 10 is out of bounds for axis 0 with size 5` — always, even with bounds
checks off: an index array is data, never trusted.  Then one loop nest runs over the
selection's shape: the source pointer advances along the plain axes, and every item adds
each index (any integer type; negative ones wrap once) times its axis' stride.
`attrs["coords"]` marks masks that stand for `np.nonzero(x)` written as an index (their
shape need not match the array's; their coordinates are checked like any index).

`attrs["flat"]`: one index into the flattened array (np.take without axis, np.extract);
`attrs["mode"]`: np.take's 'raise' (default), 'wrap' or 'clip'.

A scatter writes in C order of the selection, so of duplicate indices the last store wins —
or, for `np.add.at` & co. (`attrs["at"]`), each store combines with what the previous one left;
index arrays and values whose memory overlaps the target are copied first, as NumPy reads
them all before it stores (`a[a] = 0`).
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.lower import arith
from fastext.compiler.lower.arraymap import (
    Access, Operand, _typed, broadcast_shape, dims, formatted_error, load, loop_nest, store_item, strides_in,
    value_of, _shape_format,
)
from fastext.compiler.lower.context import I1, I64, I8P
from fastext.compiler.lower.masks import Mask, detach, index_nest, nonzero_arrays

OUT_OF_BOUNDS = "index %lld is out of bounds for axis %lld with size %lld"


class Selection:
    """A view and the index arrays of its advanced axes, evaluated: the shape of the selected
    items and how to reach each of them."""

    def __init__(self, fl, e: ir.Intrinsic, view_e: ir.Expr, index_e: list[ir.Expr]):
        b = fl.b
        self.fl = fl
        self.vtype: T.Array = view_e.type
        self.view = value_of(fl, view_e)
        self.flat = bool(e.attrs.get("flat"))
        self.mode = e.attrs.get("mode", "raise")
        self.indices: list[tuple[Operand, int, int]] = []     # (int array, view axis, original axis)
        self.guard: ll.Value | None = None                    # i1 slot: a bad index was seen (loop)
        coords = e.attrs.get("coords") or (False,) * len(index_e)
        for arg, axis, orig, free in zip(index_e, e.attrs["axes"], e.attrs["orig"], coords):
            if arg.type.dtype == T.BOOL:
                mask = Mask(fl, arg)
                if not free:        # a mask must match; np.nonzero(x)'s coordinates are only bounds-checked
                    mask.check_against(self.view, axis, orig)
                for j, vec in enumerate(nonzero_arrays(fl, mask)):
                    self.indices.append((Operand(vec, T.Array(T.I64, 1)), axis + j, orig + j))
            else:
                self.indices.append((Operand(value_of(fl, arg), arg.type), axis, orig))
        ops = [op for op, _, _ in self.indices]
        self.bnd = max(op.type.ndim for op in ops)
        self.b_shape = broadcast_shape(fl, ops, self.bnd, "IndexError",
                                       "shape mismatch: indexing arrays could not be broadcast together with shapes")
        covered = {axis for _, axis, _ in self.indices}
        self.rest = [k for k in range(self.vtype.ndim) if k not in covered] if not self.flat else []
        bpos = e.attrs["bpos"] if not self.flat else 0
        self.bpos = bpos
        vdims = dims(fl, Operand(self.view, self.vtype))
        rest_dims = [vdims[k] for k in self.rest]
        self.shape = rest_dims[:bpos] + self.b_shape + rest_dims[bpos:]
        self.extent = vdims
        if self.flat:
            size = I64(1)
            for d in vdims:
                size = b.mul(size, d)
            self.flat_size = size

    def detach_indices(self) -> None:
        """Index arrays sharing memory with the view are copied (a scatter must not change them)."""
        self.indices = [(detach(self.fl, op, self.view, self.vtype), axis, orig) for op, axis, orig in self.indices]

    def source(self) -> Access:
        """The view walked along its plain axes (0 along B: the indices add the rest)."""
        b = self.fl.b
        strides = [b.extract_value(self.view, [2, k]) for k in self.rest]
        full = strides[:self.bpos] + [I64(0)] * self.bnd + strides[self.bpos:]
        return Access(b.extract_value(self.view, 0), full, self.vtype.dtype,
                      invariant_inner=self.bpos + self.bnd == len(self.shape))

    def index_accesses(self) -> list[Access]:
        b = self.fl.b
        lead, trail = self.bpos, len(self.shape) - self.bpos - self.bnd
        out = []
        for op, _, _ in self.indices:
            strides = [I64(0)] * lead + strides_in(self.fl, op, self.b_shape) + [I64(0)] * trail
            out.append(Access(b.extract_value(op.value, 0), strides, op.type.dtype, invariant_inner=trail > 0))
        return out

    def _extent_of(self, axis: int) -> ll.Value:
        return self.flat_size if self.flat else self.extent[axis]

    def _index(self, p: ll.Value, t: T.Scalar) -> ll.Value:
        """An index array's item as i64 (unsigned 64-bit ones reinterpreted, as NumPy casts them)."""
        b = self.fl.b
        raw = load(self.fl, p, t)
        return raw if t.bits == 64 else (b.sext(raw, I64) if t.signed else b.zext(raw, I64))

    def offset(self, pointers: list[ll.Value]) -> ll.Value:
        """The byte offset the index arrays' items at `pointers` select: validated already, or,
        with a `guard`, an index out of range is noted there and item 0 read instead."""
        b = self.fl.b
        off = I64(0)
        for (op, axis, orig), p in zip(self.indices, pointers):
            raw = self._index(p, op.type.dtype)
            n = self._extent_of(axis)
            i = self._position(raw, n)
            if self.guard is not None and self.mode == "raise":
                ok = b.icmp_unsigned("<", i, n)
                b.store(b.or_(b.load(self.guard), b.not_(ok)), self.guard)
                i = b.select(ok, i, I64(0))
            if self.flat:
                off = b.add(off, self._unravel(i))
            else:
                off = b.add(off, b.mul(i, b.extract_value(self.view, [2, axis])))
        return off

    def _position(self, raw: ll.Value, n: ll.Value) -> ll.Value:
        b = self.fl.b
        if self.mode == "wrap":
            r = b.srem(raw, n)
            return b.select(b.icmp_signed("<", r, I64(0)), b.add(r, n), r)
        if self.mode == "clip":
            top = b.sub(n, I64(1))
            low = b.select(b.icmp_signed("<", raw, I64(0)), I64(0), raw)
            return b.select(b.icmp_signed(">", low, top), top, low)
        return b.select(b.icmp_signed("<", raw, I64(0)), b.add(raw, n), raw)

    def _unravel(self, i: ll.Value) -> ll.Value:
        """The byte offset of flat (C order) position i of the view."""
        b = self.fl.b
        off = I64(0)
        for k in reversed(range(self.vtype.ndim)):
            d = self.extent[k]
            q = b.udiv(i, d) if k else None
            off = b.add(off, b.mul(b.urem(i, d) if k else i, b.extract_value(self.view, [2, k])))
            i = q
        return off

    def validate(self) -> None:
        """NumPy's checks before any item moves: when the selection is not empty along B, each
        index array in turn, all its items (a min/max pass, vectorised; the first bad item in
        its C order is found only when there is one)."""
        fl, b = self.fl, self.fl.b
        some = I1(1)
        for d in self.b_shape:
            some = b.and_(some, b.icmp_signed("!=", d, I64(0)))
        for _, axis, _ in self.indices:
            if self.mode != "raise":   # wrap and clip need an item to land on
                fl.fail_if(b.and_(some, b.icmp_signed("==", self._extent_of(axis), I64(0))), "IndexError",
                           "cannot do a non-empty take from an empty axes.")
        if self.mode != "raise":
            return
        with b.if_then(some):
            for op, axis, orig in self.indices:
                self._check(op, self._extent_of(axis), orig)

    def _check(self, op: Operand, n: ll.Value, orig: int) -> None:
        fl, b = self.fl, self.fl.b
        t: T.Scalar = op.type.dtype
        access = [Access(b.extract_value(op.value, 0), [b.extract_value(op.value, [2, k]) for k in range(op.type.ndim)], t)]
        lo, hi = fl.entry_alloca(I64), fl.entry_alloca(I64)
        b.store(I64(0), lo)
        b.store(I64(0), hi)

        def extremes(ptrs):
            v = self._index(ptrs[0], t)
            b.store(b.select(b.icmp_signed("<", v, b.load(lo)), v, b.load(lo)), lo)
            b.store(b.select(b.icmp_signed(">", v, b.load(hi)), v, b.load(hi)), hi)
        shape = dims(fl, op)
        loop_nest(fl, shape, access, extremes, "index.range")
        bad = b.or_(b.icmp_signed("<", b.load(lo), b.sub(I64(0), n)), b.icmp_signed(">=", b.load(hi), n))
        with b.if_then(bad, likely=False):
            def first_bad(indices, ptrs):
                v = self._index(ptrs[0], t)
                i = b.select(b.icmp_signed("<", v, I64(0)), b.add(v, n), v)
                fl.fail_if(b.icmp_unsigned(">=", i, n), "IndexError", OUT_OF_BOUNDS, (v, I64(orig), n))
            index_nest(fl, shape, access, first_bad)

    def loop(self, extra: list[Access], element, name: str, validate_first: bool) -> None:
        """element(item_pointer, extra_pointers) for every selected item, in C order.  With
        plain axes after the indexed ones (`a[idx]` of a 2-D array: rows), the indices are
        read once per sub-array, which is copied by an inner loop nest (vectorised).

        `validate_first` (a scatter: nothing may be stored before an error): the indices are
        checked before the loop.  Else (a gather) the loop notes bad indices as it goes (no
        extra pass over them) and the validation, which raises NumPy's error, runs after it
        when one was seen — or before it when the loop would not read every index (an empty
        selection; an indexed axis of size 0, where even item 0 does not exist)."""
        b = self.fl.b
        self.guard = None
        if validate_first or self.mode != "raise":
            self.validate()
        else:
            self.guard = self.fl.entry_alloca(I1)
            b.store(I1(0), self.guard)
            some, hollow = I1(1), I1(0)
            for d in self.b_shape:
                some = b.and_(some, b.icmp_signed("!=", d, I64(0)))
            for d in self.shape:
                hollow = b.or_(hollow, b.icmp_signed("==", d, I64(0)))
            for _, axis, _ in self.indices:
                hollow = b.or_(hollow, b.icmp_signed("==", self._extent_of(axis), I64(0)))
            with b.if_then(b.and_(some, hollow), likely=False):
                self.validate()
        self._loops(extra, element, name)
        if self.guard is not None:
            with b.if_then(b.load(self.guard), likely=False):
                self.validate()

    def _loops(self, extra: list[Access], element, name: str) -> None:
        b = self.fl.b
        k = len(extra)
        outer = self.bpos + self.bnd
        src = self.source()
        if outer == len(self.shape):
            def body(ptrs):
                item = b.gep(b.bitcast(ptrs[k], I8P), [self.offset(ptrs[k + 1:])])
                element(_typed(self.fl, item, self.vtype.dtype), ptrs[:k])
            loop_nest(self.fl, self.shape, list(extra) + [src] + self.index_accesses(), body, name)
            return
        trail = [b.extract_value(self.view, [2, j]) for j in self.rest[self.bpos:]]

        def rows(ptrs):
            start = b.gep(b.bitcast(ptrs[k], I8P), [self.offset(ptrs[k + 1:])])
            inner = [Access(b.bitcast(p, I8P), a.strides[outer:], a.dtype) for p, a in zip(ptrs[:k], extra)]
            loop_nest(self.fl, self.shape[outer:], inner + [Access(start, trail, self.vtype.dtype)],
                      lambda p: element(p[k], p[:k]), f"{name}.row")
        accesses = [Access(a.data, a.strides[:outer], a.dtype) for a in list(extra) + [src] + self.index_accesses()]
        loop_nest(self.fl, self.shape[:outer], accesses, rows, name)


def lower_take(fl, e: ir.Intrinsic, args: list[ir.Expr]) -> ll.Value:
    """`a[idx]` & co.: a new C-contiguous array of the selected items."""
    from fastext.compiler.lower.alloc import allocate
    b = fl.b
    sel = Selection(fl, e, args[0], args[1:])
    out = allocate(fl, e.type, sel.shape)
    dtype = e.type.dtype
    dest = Access(b.extract_value(out, 0), [b.extract_value(out, [2, k]) for k in range(e.type.ndim)], dtype)
    sel.loop([dest], lambda item, ptrs: store_item(fl, ptrs[0], load(fl, item, dtype), dtype), "take",
             validate_first=False)
    return out


def lower_put(fl, e: ir.Intrinsic, args: list[ir.Expr]) -> ll.Value:
    """`a[idx] = v`: v (a number, or an array broadcast to the selection) stored into the selected items."""
    b = fl.b
    value_e = args[-1]
    if isinstance(value_e.type, T.Array):
        value = Operand(value_of(fl, value_e), value_e.type)     # the right side first, as Python evaluates it
    else:
        value = Operand(fl.expr(value_e), value_e.type)
    sel = Selection(fl, e, args[0], args[1:-1])
    sel.detach_indices()
    dtype = sel.vtype.dtype
    vt: T.Scalar = value.type.dtype if value.is_array else value.type
    combine = _combine(fl, e, dtype, vt) if "at" in e.attrs else None
    if not value.is_array:
        v = value.value
        if combine is None:
            sel.loop([], lambda item, ptrs: store_item(fl, item, v, dtype), "put", validate_first=True)
        else:
            sel.loop([], lambda item, ptrs: store_item(fl, item, combine(load(fl, item, dtype), v), dtype), "put_at",
                     validate_first=True)
            combine.checks.raise_any()
        return I1(0)
    value = detach(fl, value, sel.view, sel.vtype)
    _check_value(fl, value, sel.shape, "array is not broadcastable to correct shape" if combine else None)
    acc = Access(b.extract_value(value.value, 0), strides_in(fl, value, sel.shape), vt)

    def element(item, ptrs):
        v = load(fl, ptrs[0], vt)
        store_item(fl, item, arith.cast(fl, v, vt, dtype) if combine is None else combine(load(fl, item, dtype), v),
                   dtype)
    sel.loop([acc], element, "put" if combine is None else "put_at", validate_first=True)
    if combine is not None:
        combine.checks.raise_any()
    return I1(0)


def _combine(fl, e: ir.Intrinsic, dtype: T.Scalar, vt: T.Scalar):
    """`np.add.at` & co. (`attrs["at"]`, the ufunc, and `attrs["loop"]`, NumPy's loop types):
    combine(current item, value) is the ufunc's scalar operation on both converted to the loop's
    inputs, its result cast to the array's dtype unsafely (NumPy's `ufunc.at`).  Its failed checks
    (`combine.checks`) are raised after the loop."""
    from fastext.compiler.lower.arraymap import DeferredChecks, ElementLowering
    from fastext.compiler.lower.casts import numpy_cast
    in0, in1, out = (T.SCALARS.get(n, T.BOOL) for n in e.attrs["loop"])
    span = e.span

    def elem(k: int, t: T.Scalar, want: T.Scalar) -> ir.Expr:
        x = ir.Elem(t, span, k)
        return x if t == want else ir.Cast(want, span, x)
    body = ir.Intrinsic(out, span, e.attrs["at"], [elem(0, dtype, in0), elem(1, vt, in1)])
    checks = DeferredChecks(fl)

    def combine(current: ll.Value, v: ll.Value) -> ll.Value:
        return numpy_cast(fl, ElementLowering(fl, [current, v], checks).expr(body), out, dtype)
    combine.checks = checks
    return combine


def _check_value(fl, value: Operand, shape: list[ll.Value], message: str | None = None) -> None:
    """The value broadcasts to the selection's shape (NumPy's ValueError otherwise: `message`, or
    the shapes' one of a subscript store)."""
    b = fl.b
    vd = dims(fl, value)
    lead = len(shape) - len(vd)
    bad = I1(0)
    for j, d in enumerate(vd):
        bad = b.or_(bad, b.and_(b.icmp_signed("!=", d, I64(1)), b.icmp_signed("!=", d, shape[lead + j])))
    if message is not None:
        fl.fail_if(bad, "ValueError", message)
        return
    with b.if_then(bad, likely=False):
        fmt = (f"shape mismatch: value array of shape {_shape_format(len(vd))} could not be broadcast "
               f"to indexing result of shape {_shape_format(len(shape))}")
        formatted_error(fl, "ValueError", fmt, vd + shape, "shape mismatch: value array could not be broadcast "
                                                           "to indexing result")
