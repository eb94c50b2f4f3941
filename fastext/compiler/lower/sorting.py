"""Sorting and searching (`ops/sorting.py`) in native code.

A sort along an axis runs the kernel of `lower/sortkernels.py` on every line of that axis: in
place when the line is contiguous, through a scratch buffer of one line otherwise.  `np.sort`
sorts a new C-contiguous copy (axis=None: the flattened items), `a.sort()` the array itself.
`array.partition` (np.median and the quantiles) selects the items at given positions
of each line of a copy (a quickselect, `fx$select`), `np.argsort` sorts indices by a stable merge sort,
`np.unique` sorts a flattened copy and keeps the first of each run of equal items (one NaN; with
`return_*`, (item, index) pairs sorted stably), `np.searchsorted` is NumPy's binary search (with its
reuse of the previous bounds when the keys ascend), `np.isin` a sorted copy of the test items searched
per item.
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.lower import arith
from fastext.compiler.lower.alloc import _contiguous_view, _copy, allocate
from fastext.compiler.lower.arraymap import Access, _counted_loop, load, loop_nest, store_item
from fastext.compiler.lower.context import I1, I32, I64, I8P, memory_type, scalar_type, value_type
from fastext.compiler.lower.ircontrol import Var, while_loop
from fastext.compiler.lower.reshape import c_contiguous, shape_of, size_of, strides_of, view
from fastext.compiler.lower.sortkernels import argsort_function, less, pair_type, select_function, sort_function


def _flat_copy(fl, array: ll.Value, atype: T.Array) -> ll.Value:
    """A new 1-D array with the items of `array` in C order."""
    b = fl.b
    dims = shape_of(fl, array, atype.ndim)
    flat_t = T.Array(atype.dtype, 1)
    out = allocate(fl, flat_t, [size_of(fl, dims)])
    _copy(fl, dims, [(_contiguous_view(fl, atype, b.extract_value(out, 0), dims), atype), (array, atype)])
    return out


def _each_line(fl, array: ll.Value, atype: T.Array, axis: int, visit) -> None:
    """visit(line: i8*) for every line of `array` along `axis` (C order of the other axes)."""
    b = fl.b
    shape, strides = shape_of(fl, array, atype.ndim), strides_of(fl, array, atype.ndim)
    if atype.ndim == 1:
        visit(b.extract_value(array, 0))
        return
    outer = shape[:axis] + shape[axis + 1:]
    access = Access(b.extract_value(array, 0), strides[:axis] + strides[axis + 1:], atype.dtype)
    loop_nest(fl, outer, [access], lambda ptrs: visit(b.bitcast(ptrs[0], I8P)), "lines")


def _item(fl, line: ll.Value, i: ll.Value, stride: ll.Value, t: T.Scalar) -> ll.Value:
    return fl.b.bitcast(fl.b.gep(line, [fl.b.mul(i, stride)]), memory_type(t).as_pointer())


def _scratch(fl, n: ll.Value, t: T.Scalar) -> ll.Value:
    """A buffer of n items of t in the call's arena (typed pointer)."""
    block = allocate(fl, T.Array(t, 1), [n])
    return fl.b.bitcast(fl.b.extract_value(block, 0), memory_type(t).as_pointer())


def _scratch_of(fl, n: ll.Value, ty: ll.Type) -> ll.Value:
    """A buffer of n values of an LLVM type in the call's arena (typed pointer)."""
    size = fl.b.ptrtoint(fl.b.gep(ll.Constant(ty.as_pointer(), None), [I64(1)]), I64)
    block = allocate(fl, T.Array(T.U8, 1), [fl.b.mul(n, size)])
    return fl.b.bitcast(fl.b.extract_value(block, 0), ty.as_pointer())


def sort_lines(fl, array: ll.Value, atype: T.Array, axis: int, run=None) -> None:
    """Sort every line of `array` along `axis` in place (`run(items, n)`: another in-place kernel
    on the n contiguous items of each line)."""
    b = fl.b
    t = atype.dtype
    if run is None:
        kernel = sort_function(fl.ctx.module, t)
        run = lambda items, n: b.call(kernel, [items, n])   # noqa: E731
    n = b.extract_value(array, [1, axis])
    stride = b.extract_value(array, [2, axis])
    unit = b.icmp_signed("==", stride, I64(t.nbytes))
    buffer = Var(b, memory_type(t).as_pointer(), ll.Constant(memory_type(t).as_pointer(), None))
    with b.if_then(b.not_(unit), likely=False):
        buffer.set(_scratch(fl, n, t))

    def visit(line):
        with b.if_else(unit, likely=True) as (direct, gathered):
            with direct:
                run(b.bitcast(line, memory_type(t).as_pointer()), n)
            with gathered:
                scratch = buffer.get()
                _counted_loop(fl, n, lambda i: b.store(b.load(_item(fl, line, i, stride, t)), b.gep(scratch, [i])),
                              "gather")
                run(scratch, n)
                _counted_loop(fl, n, lambda i: b.store(b.load(b.gep(scratch, [i])), _item(fl, line, i, stride, t)),
                              "scatter")
    _each_line(fl, array, atype, axis, visit)


def lower_sort(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """`np.sort(a, axis)` (a sorted copy) and `a.sort(axis)` (in place, `array.sort_inplace`)."""
    a = args[0]
    atype: T.Array = e.args[0].type
    axis = e.attrs["axis"]
    if e.name == "array.sort_inplace":
        sort_lines(fl, a, atype, axis)
        return I1(0)
    run = _selections(fl, atype.dtype, args[1:]) if e.name == "array.partition" else None
    if axis is None:
        out = _flat_copy(fl, a, atype)
        sort_lines(fl, out, e.type, 0, run)
        return out
    dims = shape_of(fl, a, atype.ndim)
    out = allocate(fl, atype, dims)
    _copy(fl, dims, [(out, atype), (a, atype)])
    sort_lines(fl, out, atype, axis, run)
    return out


def _selections(fl, t: T.Scalar, kth: list[ll.Value]):
    """The kernel run on each line by `array.partition`: the item of each kth selected within the
    part before the previous one (they come largest first)."""
    b, kernel = fl.b, select_function(fl.ctx.module, t)

    def run(items, n):
        bound = n
        for k in kth:
            with b.if_then(b.icmp_signed("<", k, bound)):
                b.call(kernel, [items, bound, k])
            bound = b.select(b.icmp_signed("<", k, bound), k, bound)
    return run


def _sortable(b: ll.IRBuilder, t: T.Scalar, x: ll.Value) -> ll.Value:
    """A float as the i64 whose signed order is NumPy's order of floats: -0.0 made +0.0 (they
    compare equal), the bits of a negative number flipped but for the sign (so a larger magnitude
    is a smaller key), every NaN the largest key (after +inf, all equal: a stable sort keeps them
    in index order, as NumPy's).  One integer compare then replaces `less`'s NaN tests."""
    it = ll.IntType(t.bits)
    bits = b.bitcast(b.fadd(x, ll.Constant(x.type, 0.0)), it)
    flip = b.and_(b.ashr(bits, it(t.bits - 1)), it((1 << (t.bits - 1)) - 1))
    key = b.select(b.fcmp_unordered("uno", x, x), it((1 << (t.bits - 1)) - 1), b.xor(bits, flip))
    return key if t.bits == 64 else b.sext(key, I64)


def lower_argsort(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """np.argsort: per line, the keys gathered into a contiguous buffer, indices 0..n-1 sorted
    stably by them (`fx$argsort`), written into the int64 result.  Float keys are sorted as the
    integers `_sortable` makes of them: the same order, one compare per merge step."""
    b = fl.b
    (a,) = args
    atype: T.Array = e.args[0].type
    t = atype.dtype
    axis = e.attrs["axis"]
    if axis is None:
        slot = fl.entry_alloca(value_type(T.Array(t, 1)))
        n_all = size_of(fl, shape_of(fl, a, atype.ndim))
        with b.if_else(c_contiguous(fl, a, atype), likely=True) as (flat, copied):
            with flat:
                b.store(view(fl, T.Array(t, 1), b.extract_value(a, 0), [n_all], [I64(t.nbytes)]), slot)
            with copied:
                b.store(_flat_copy(fl, a, atype), slot)
        a, atype, axis = b.load(slot), T.Array(t, 1), 0
    otype: T.Array = e.type
    shape = shape_of(fl, a, atype.ndim)
    out = allocate(fl, otype, shape)
    n = shape[axis]
    stride = b.extract_value(a, [2, axis])
    ostride = b.extract_value(out, [2, axis])
    keyed = t.is_float and not t.is_complex and t.bits in (32, 64)
    kt = T.I64 if keyed else t
    pt = pair_type(kt)
    pairs = _scratch_of(fl, n, pt)
    work = _scratch_of(fl, b.add(b.ashr(n, I64(1)), I64(1)), pt)
    kernel = argsort_function(fl.ctx.module, kt)
    # the key lines and the result lines are walked together: one nest over the other axes
    outer = shape[:axis] + shape[axis + 1:]
    sstr = strides_of(fl, a, atype.ndim)
    ostr = strides_of(fl, out, otype.ndim)
    accesses = [Access(b.extract_value(out, 0), ostr[:axis] + ostr[axis + 1:], T.I64),
                Access(b.extract_value(a, 0), sstr[:axis] + sstr[axis + 1:], t)]

    def element(ptrs):
        out_line, src_line = b.bitcast(ptrs[0], I8P), b.bitcast(ptrs[1], I8P)

        def fill(i):
            item = b.load(_item(fl, src_line, i, stride, t))
            pair = b.insert_value(ll.Constant(pt, ll.Undefined), _sortable(b, t, item) if keyed else item, 0)
            b.store(b.insert_value(pair, i, 1), b.gep(pairs, [i]))
        _counted_loop(fl, n, fill, "keys")
        b.call(kernel, [pairs, I64(0), n, work])
        _counted_loop(fl, n, lambda i: b.store(b.load(b.gep(pairs, [i, I32(1)])), _item(fl, out_line, i, ostride, T.I64)),
                      "indices")
    if outer:
        loop_nest(fl, outer, accesses, element, "argsort")
    else:
        element([b.extract_value(out, 0), b.extract_value(a, 0)])
    return out


def _same(b, t: T.Scalar, x: ll.Value, y: ll.Value) -> ll.Value:
    """Equal items for np.unique (NaNs equal to each other: equal_nan=True)."""
    if t.is_float:
        return b.or_(b.fcmp_ordered("==", x, y), b.and_(b.fcmp_unordered("uno", x, x), b.fcmp_unordered("uno", y, y)))
    return b.icmp_unsigned("==", x, y)


def lower_unique(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """np.unique: a sorted flat copy, compacted to the first of each run of equal items; the
    result is a view of its first k items."""
    b = fl.b
    (a,) = args
    atype: T.Array = e.args[0].type
    t = atype.dtype
    if e.attrs:
        return _unique_with(fl, e, a, atype)
    out = _flat_copy(fl, a, atype)
    n = b.extract_value(out, [1, 0])
    base = b.bitcast(b.extract_value(out, 0), memory_type(t).as_pointer())
    b.call(sort_function(fl.ctx.module, t), [base, n])
    kept = Var(b, I64, b.select(b.icmp_signed(">", n, I64(0)), I64(1), I64(0)))

    def step(i):
        k = kept.get()
        x = b.load(b.gep(base, [i]))
        with b.if_then(b.not_(_same(b, t, x, b.load(b.gep(base, [b.sub(k, I64(1))]))))):
            b.store(x, b.gep(base, [k]))
            kept.set(b.add(k, I64(1)))
    _counted_loop(fl, b.sub(n, kept.get()), lambda i: step(b.add(i, I64(1))), "unique")
    return view(fl, e.type, b.extract_value(out, 0), [kept.get()], [I64(t.nbytes)])


def _unique_with(fl, e: ir.Intrinsic, a: ll.Value, atype: T.Array) -> ll.Value:
    """np.unique with return_index/inverse/counts: the (item, flat index) pairs sorted stably
    (`fx$argsort`, as NumPy's mergesort when it returns indices), then one pass over the runs of
    equal items: the first item and its index, the run's length, and every item's run number
    stored at its index (the inverse, of a's shape).  The arrays are views of their first k items."""
    b = fl.b
    t = atype.dtype
    mt = memory_type(t).as_pointer()
    flat = _flat_copy(fl, a, atype)
    n = b.extract_value(flat, [1, 0])
    items = b.bitcast(b.extract_value(flat, 0), mt)
    pt = pair_type(t)
    pairs = _scratch_of(fl, n, pt)

    def fill(i):
        pair = b.insert_value(ll.Constant(pt, ll.Undefined), b.load(b.gep(items, [i])), 0)
        b.store(b.insert_value(pair, i, 1), b.gep(pairs, [i]))
    _counted_loop(fl, n, fill, "keys")
    b.call(argsort_function(fl.ctx.module, t), [pairs, I64(0), n, _scratch_of(fl, b.add(b.ashr(n, I64(1)), I64(1)), pt)])
    values = items          # the flat copy is read only through the pairs now: the values go there
    index, counts = _scratch(fl, n, T.I64), _scratch(fl, n, T.I64)
    inverse_type = T.Array(T.I64, atype.ndim)
    inverse = allocate(fl, inverse_type, shape_of(fl, a, atype.ndim)) if e.attrs["inverse"] else None
    inv_data = b.bitcast(b.extract_value(inverse, 0), I64.as_pointer()) if inverse is not None else None
    kept = Var(b, I64, I64(0))

    def step(i):
        key, where = b.load(b.gep(pairs, [i, I32(0)])), b.load(b.gep(pairs, [i, I32(1)]))
        k = kept.get()
        new = b.or_(b.icmp_signed("==", k, I64(0)),
                    b.not_(_same(b, t, key, b.load(b.gep(values, [b.sub(k, I64(1))])))))
        with b.if_then(new):
            b.store(key, b.gep(values, [k]))
            b.store(where, b.gep(index, [k]))
            b.store(I64(0), b.gep(counts, [k]))
            kept.set(b.add(k, I64(1)))
        run = b.sub(kept.get(), I64(1))
        b.store(b.add(b.load(b.gep(counts, [run])), I64(1)), b.gep(counts, [run]))
        if inv_data is not None:
            b.store(run, b.gep(inv_data, [where]))
    _counted_loop(fl, n, step, "runs")
    k = kept.get()
    parts = [view(fl, T.Array(t, 1), b.bitcast(values, I8P), [k], [I64(t.nbytes)])]
    for name, data in (("index", index), ("inverse", None), ("counts", counts)):
        if e.attrs[name]:
            parts.append(inverse if name == "inverse" else view(fl, T.Array(T.I64, 1), b.bitcast(data, I8P), [k],
                                                               [I64(8)]))
    out = ll.Constant(value_type(e.type), ll.Undefined)
    for j, part in enumerate(parts):
        out = b.insert_value(out, part, j)
    return out


def _next_ranges(b, low, high, mid, levels: int):
    """The ranges a bisection step may continue with, `levels` steps ahead."""
    ranges = [(b.add(mid, I64(1)), high), (low, mid)]
    for _ in range(levels - 1):
        deeper = []
        for lo_, hi_ in ranges:
            m = b.add(lo_, b.ashr(b.sub(hi_, lo_), I64(1)))
            deeper += [(b.add(m, I64(1)), hi_), (lo_, m)]
        ranges = deeper
    return ranges


def bisect(fl, data: ll.Value, stride: ll.Value, at: T.Scalar, common: T.Scalar, key: ll.Value,
           lo: Var, hi: Var, left: bool, fetch: bool = True) -> ll.Value:
    """NumPy's binary search of `key` (in `common`) in the sorted items [lo, hi) of the line at
    `data`: the first index whose item is not less than key (left), or greater than it (right).
    `fetch`: prefetch the next middles (for lines larger than the caches)."""
    b = fl.b
    prefetch = fl.ctx.intrinsic("llvm.prefetch.p0", ll.VoidType(), [I8P, ll.IntType(32), ll.IntType(32),
                                                                   ll.IntType(32)])

    def halve():
        low, high = lo.get(), hi.get()
        mid = b.add(low, b.ashr(b.sub(high, low), I64(1)))
        # the compare feeds the next address (a select, not a branch): fetch both possible
        # next middles meanwhile, so that large arrays do not wait on memory at every step
        for nlo, nhi in _next_ranges(b, low, high, mid, 2) if fetch else ():
            nxt = b.add(nlo, b.ashr(b.sub(nhi, nlo), I64(1)))
            b.call(prefetch, [b.gep(data, [b.mul(nxt, stride)]), ll.IntType(32)(0), ll.IntType(32)(3),
                              ll.IntType(32)(1)])
        item = arith.cast(fl, load(fl, _item(fl, data, mid, stride, at), at), at, common)
        go_right = less(b, common, item, key) if left else b.not_(less(b, common, key, item))
        lo.set(b.select(go_right, b.add(mid, I64(1)), lo.get()))
        hi.set(b.select(go_right, hi.get(), mid))
    while_loop(b, lambda: b.icmp_signed("<", lo.get(), hi.get()), halve, "bisect")
    return lo.get()


def lower_searchsorted(fl, e: ir.Intrinsic, args: list[ir.Expr]) -> ll.Value:
    """np.searchsorted(a, v, side): NumPy's `binsearch` in the common dtype, keys in C order."""
    b = fl.b
    a_expr, v_expr = args
    array = fl.expr(a_expr)
    at: T.Scalar = a_expr.type.dtype
    common = T.SCALARS.get(e.attrs["common"], T.BOOL)
    left = e.attrs["side"] == "left"
    n = b.extract_value(array, [1, 0])
    stride = b.extract_value(array, [2, 0])
    data = b.extract_value(array, 0)
    lo, hi = Var(b, I64, I64(0)), Var(b, I64, n)

    def search(key: ll.Value) -> ll.Value:
        return bisect(fl, data, stride, at, common, key, lo, hi, left)

    if not isinstance(v_expr.type, T.Array):
        return search(arith.cast(fl, fl.expr(v_expr), v_expr.type, common))
    from fastext.compiler.lower.reduce import Source
    src = Source(fl, v_expr, chunked=True)
    out = allocate(fl, e.type, src.shape)
    target = Access(b.extract_value(out, 0), strides_of(fl, out, e.type.ndim), T.I64)
    vt: T.Scalar = v_expr.type.dtype
    last = Var(b, scalar_type(common))
    first = Var(b, I1, I1(1))

    def visit(value, ptrs):
        key = arith.cast(fl, value, vt, common)
        # NumPy: after a smaller key only the upper bound resets; otherwise both, the upper one
        # kept one past the previous result
        ascending = b.and_(b.not_(first.get()), less(b, common, last.get(), key))
        lo.set(b.select(ascending, lo.get(), I64(0)))
        widened = b.select(b.icmp_signed("<", hi.get(), n), b.add(hi.get(), I64(1)), n)
        hi.set(b.select(ascending, n, b.select(first.get(), n, widened)))
        first.set(I1(0))
        last.set(key)
        store_item(fl, ptrs[0], search(key), T.I64)
    src.each(visit, [target], "searchsorted")
    src.release()
    return out


def lower_isin(fl, e: ir.Intrinsic, args: list[ir.Expr]) -> ll.Value:
    """np.isin(element, test_elements): test_elements sorted (a flat copy, in its own dtype, whose
    order the conversion to the common dtype keeps), then per item of element a binary search in
    the common dtype and an equality test (NaN is in nothing, as with NumPy's `==`)."""
    from fastext.compiler.lower.reduce import Source
    b = fl.b
    element_e, test_e = args
    tt: T.Scalar = test_e.type.dtype
    common = T.SCALARS.get(e.attrs["common"], T.BOOL)
    sorted_ = _flat_copy(fl, fl.expr(test_e), test_e.type)
    n = b.extract_value(sorted_, [1, 0])
    data = b.extract_value(sorted_, 0)
    b.call(sort_function(fl.ctx.module, tt), [b.bitcast(data, memory_type(tt).as_pointer()), n])
    src = Source(fl, element_e, chunked=True)
    out = allocate(fl, e.type, src.shape)
    target = Access(b.extract_value(out, 0), strides_of(fl, out, e.type.ndim), T.BOOL)
    et: T.Scalar = element_e.type.dtype
    lo, hi = Var(b, I64, I64(0)), Var(b, I64, n)
    step = I64(tt.nbytes)

    def visit(value, ptrs):
        key = arith.cast(fl, value, et, common)
        lo.set(I64(0))
        hi.set(n)
        at = bisect(fl, data, step, tt, common, key, lo, hi, True)
        found = Var(b, I1, I1(0))
        with b.if_then(b.icmp_signed("<", at, n)):
            item = arith.cast(fl, load(fl, _item(fl, data, at, step, tt), tt), tt, common)
            found.set(b.fcmp_ordered("==", item, key) if common.is_float else b.icmp_unsigned("==", item, key))
        store_item(fl, ptrs[0], b.xor(found.get(), I1(1)) if e.attrs["invert"] else found.get(), T.BOOL)
    src.each(visit, [target], "isin")
    src.release()
    return out
