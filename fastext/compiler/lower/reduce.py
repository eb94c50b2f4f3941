"""Reductions (`ops/reductions.py`) in native code.

The source is any array expression; an element-wise one (`ir.ArrayMap`) is computed as it
is folded — `np.sum((a - b) ** 2)` allocates nothing.  Orders of evaluation follow NumPy,
so results are NumPy's:

* float and complex **sums** use NumPy's pairwise summation (`fx$pairwise.<dtype>`: blocks
  of 8 independent accumulators up to 128 items, halves above — it also vectorises).  A sum
  over a plain array is NumPy's to the bit: whole for a 1-D array or a C-contiguous one,
  row by row otherwise; an element-wise source (NumPy sums its temporary) or a converting
  sum (integers into a float mean) goes through a stack buffer, pairwise per chunk: a line of
  up to `CHUNK` items in one piece (NumPy's bits), a longer one in pieces of `STREAM_CHUNK`
  (within rounding of NumPy's).  Integer sums wrap.
* along an axis other than the last, a reduction accumulates into the result slice by slice
  (NumPy's order: `out[j] += a[i, j]` for i in order); along the last axis, each result item
  is the pairwise sum of its line — or its left-to-right sum when the last axis is not the one
  of smallest stride (a transposed array: NumPy then accumulates slice by slice too).
* min/max propagate NaN (NumPy's rules); argmin/argmax return the first extreme (a NaN
  wins); mean is the sum divided by the count; var/std make a second pass over
  `(a - mean)**2` (complex: |a - mean|²) divided by `n - ddof`.
"""
from __future__ import annotations

import math

from llvmlite import ir as ll

from fastext.compiler import ir, ops
from fastext.compiler import types as T
from fastext.compiler.lower import arith, mapchunks
from fastext.compiler.lower.arraymap import (
    Access, DeferredChecks, ElementLowering, Operand, _accesses, _counted_loop, _element_values, broadcast_shape,
    dims, evaluate, load, loop_nest, store_item,
)
from fastext.compiler.lower.context import I1, I32, I64, I8P, memory_type, scalar_type

CHUNK = 4096        # items of the buffer an element-wise sum is computed into before being summed
# A long line goes through the buffer in smaller pieces: writing and re-reading a 32 KiB buffer
# while the operands stream through L1 evicts them (2.7x slower on a 2M-item sum of squares).
STREAM_CHUNK = 1024
PW_BLOCK = 128      # NumPy's PW_BLOCKSIZE


# ----------------------------------------------------------------------------- sources

class Source:
    """An array expression being reduced: its iteration shape and its items, computed from
    the pointers of `accesses` (a map's array operands, or the array itself)."""

    def __init__(self, fl, e: ir.Expr, chunked: bool = False):
        """`chunked`: a map applying NumPy's transcendental loops is computed into a scratch
        array first (lower/mapchunks.py); the caller then calls `release` after its last use."""
        self.fl, self.expr = fl, e
        self.dtype: T.Scalar = e.type.dtype
        self.ndim = e.type.ndim
        self.checks = DeferredChecks(fl)
        self.block = None
        if chunked and isinstance(e, ir.ArrayMap) and mapchunks.nodes(fl, e.body):
            # NumPy's loops compute chunks, not single items: the map goes into a scratch
            # array first (`release` frees it), as NumPy's own `np.sum(np.exp(x))` does
            from fastext.compiler.lower.alloc import temporary
            from fastext.compiler.lower.arraymap import run_into
            ops = evaluate(fl, e.operands)
            shape = broadcast_shape(fl, ops, self.ndim)
            self.array, self.block = temporary(fl, e.type, shape)
            run_into(fl, e, ops, shape, self.array, e.type)
            self.shape = shape
            self.accesses = [Access(fl.b.extract_value(self.array, 0),
                                    [fl.b.extract_value(self.array, [2, k]) for k in range(self.ndim)], self.dtype)]
        elif isinstance(e, ir.ArrayMap):
            self.ops = evaluate(fl, e.operands)
            self.shape = broadcast_shape(fl, self.ops, self.ndim)
            self.accesses, self.which = _accesses(fl, e, self.ops, self.shape)
            self.array = None
        else:
            self.array = fl.expr(e)
            self.shape = dims(fl, Operand(self.array, e.type))
            self.accesses = [Access(fl.b.extract_value(self.array, 0),
                                    [fl.b.extract_value(self.array, [2, k]) for k in range(self.ndim)], self.dtype)]

    def release(self) -> None:
        """Free the scratch array of a chunked map (after the last use of the items)."""
        if self.block is not None:
            self.fl.b.call(self.fl.ctx.intrinsic("free", ll.VoidType(), [I8P]), [self.block])

    @property
    def plain(self) -> bool:
        return self.array is not None

    def item(self, pointers: list[ll.Value]) -> ll.Value:
        fl = self.fl
        if self.plain:
            return load(fl, pointers[0], self.dtype)
        values = _element_values(fl, self.ops, self.which, pointers)
        return ElementLowering(fl, values, self.checks).expr(self.expr.body)

    def size(self) -> ll.Value:
        n = I64(1)
        for d in self.shape:
            n = self.fl.b.mul(n, d)
        return n

    def lines(self, visit) -> None:
        """visit(row pointers (i8*), length, inner byte strides) for every innermost line of the
        source in C order; a source whose arrays are all C-contiguous with the full shape is one
        line of all its items."""
        fl, b = self.fl, self.fl.b
        datas = [a.data for a in self.accesses]
        if self.ndim == 1:
            visit(datas, self.shape[0], [a.strides[0] for a in self.accesses])
            return
        from fastext.compiler.lower.arraymap import all_contiguous
        with b.if_else(all_contiguous(fl, self.shape, self.accesses)) as (flat, nested):
            with flat:
                visit(datas, self.size(), [I64(a.dtype.nbytes) for a in self.accesses])
            with nested:
                outer = [Access(a.data, a.strides[:-1], a.dtype) for a in self.accesses]
                loop_nest(fl, self.shape[:-1], outer,
                          lambda ptrs: visit([b.bitcast(p, I8P) for p in ptrs], self.shape[-1],
                                             [a.strides[-1] for a in self.accesses]), "lines")

    def each(self, visit, extra: list[Access] = (), name: str = "reduce") -> None:
        """visit(item, extra_pointers) for every item in C order."""
        k = len(extra)
        loop_nest(self.fl, self.shape, list(extra) + self.accesses,
                  lambda ptrs: visit(self.item(ptrs[k:]), ptrs[:k]), name)
        self.checks.raise_any()


def lower_reduction(fl, e: ir.Intrinsic, args: list[ir.Expr]) -> ll.Value:
    src = Source(fl, args[0], chunked=True)
    value = _reduction(fl, e, args, src)
    src.release()
    return value


def _reduction(fl, e: ir.Intrinsic, args: list[ir.Expr], src: Source) -> ll.Value:
    kind = ops.get(e.name).data["reduce"]
    axis = e.attrs.get("axis")
    acc_t: T.Scalar = e.type.dtype if isinstance(e.type, T.Array) else e.type
    extra = [fl.expr(a) for a in args[1:]]
    if kind in ("cumsum", "cumprod", "cummax", "cummin"):
        return _cumulative(fl, src, kind, axis, e.type)
    if axis is None or src.ndim == 1:
        value = _whole(fl, src, kind, acc_t, extra, e)
        if isinstance(e.type, T.Array):      # keepdims: an array of shape (1, 1, ...)
            from fastext.compiler.lower.alloc import allocate
            out = allocate(fl, e.type, [I64(1)] * e.type.ndim)
            store_item(fl, fl.b.bitcast(fl.b.extract_value(out, 0), memory_type(acc_t).as_pointer()), value, acc_t)
            return out
        return value
    return _along(fl, src, kind, axis, e, acc_t, extra)


# ----------------------------------------------------------------------------- whole-array reductions

def _whole(fl, src: Source, kind: str, acc_t: T.Scalar, extra: list[ll.Value], e: ir.Intrinsic) -> ll.Value:
    b = fl.b
    if kind == "sum":
        return _sum(fl, src, acc_t)
    if kind == "mean":
        return _div_count(fl, _sum(fl, src, acc_t), src.size(), acc_t)
    if kind in ("var", "std"):
        mean_t = acc_t if not src.dtype.is_complex else src.dtype
        mean = _div_count(fl, _sum(fl, src, mean_t), src.size(), mean_t)
        sq = _sum(fl, src, acc_t, lambda v: _deviation2(fl, v, src.dtype, mean, mean_t, acc_t))
        var = _div_count(fl, sq, b.select(b.icmp_signed(">", src.size(), I64(0)), src.size(), I64(0)), acc_t,
                         ddof=extra[0])
        return _sqrt(fl, var) if kind == "std" else var
    if kind == "norm":
        return _norm(fl, src, acc_t, e.attrs.get("ord"))
    if kind in ("min", "max"):
        _empty_check(fl, src.size(), f"zero-size array to reduction operation {'minimum' if kind == 'min' else 'maximum'} "
                                     "which has no identity")
        return _fold(fl, src, _extreme_step(fl, kind, acc_t), _extreme_init(kind, acc_t))
    if kind in ("argmin", "argmax"):
        _empty_check(fl, src.size(), f"attempt to get {kind} of an empty sequence")
        return _arg(fl, src, kind)
    if kind == "prod":
        return _fold(fl, src, lambda acc, v: _mul(fl, acc, _cast(fl, v, src.dtype, acc_t), acc_t), _one(acc_t))
    if kind in ("all", "any"):
        op = b.and_ if kind == "all" else b.or_
        return _fold(fl, src, lambda acc, v: op(acc, _truth(fl, v, src.dtype)), I1(1 if kind == "all" else 0))
    if kind == "pysum":
        return _fold(fl, src, lambda acc, v: _add(fl, acc, _cast(fl, v, src.dtype, acc_t), acc_t), _zero(acc_t))
    if kind in ("pymin", "pymax"):
        import sys
        _empty_check(fl, src.size(), f"{kind[2:]}() {'arg is an empty sequence' if sys.version_info < (3, 12) else 'iterable argument is empty'}")
        return _python_extreme(fl, src, kind[2:], acc_t)
    if kind == "count_nonzero":
        return _fold(fl, src, lambda acc, v: b.add(acc, b.zext(_truth(fl, v, src.dtype), I64)), I64(0))
    raise NotImplementedError(kind)


def _python_extreme(fl, src: Source, kind: str, t: T.Scalar) -> ll.Value:
    """Python's min/max of the items: the first item, then each item that compares smaller
    (larger), so a NaN wins only as the first item."""
    b = fl.b
    first = fl.entry_alloca(I1)
    b.store(I1(1), first)
    slot = fl.entry_alloca(scalar_type(t))
    b.store(_zero(t), slot)

    def visit(v, _):
        current = b.load(slot)
        if t.is_float:
            better = b.fcmp_ordered("<" if kind == "min" else ">", v, current)
        elif t.is_bool or not t.signed:
            better = b.icmp_unsigned("<" if kind == "min" else ">", v, current)
        else:
            better = b.icmp_signed("<" if kind == "min" else ">", v, current)
        b.store(b.select(b.or_(better, b.load(first)), v, current), slot)
        b.store(I1(0), first)
    src.each(visit)
    return b.load(slot)


def _fold(fl, src: Source, step, init: ll.Value) -> ll.Value:
    slot = fl.entry_alloca(init.type)
    fl.b.store(init, slot)
    src.each(lambda v, _: fl.b.store(step(fl.b.load(slot), v), slot))
    return fl.b.load(slot)


def _sum(fl, src: Source, acc_t: T.Scalar, transform=None) -> ll.Value:
    """The sum of the items (after `transform`) in `acc_t`, in NumPy's order (module docstring)."""
    b = fl.b
    if not (acc_t.is_float or acc_t.is_complex):
        step = lambda acc, v: b.add(acc, _cast(fl, v, src.dtype, acc_t))   # noqa: E731 (integers: order-free)
        if acc_t.is_bool:
            step = lambda acc, v: b.or_(acc, v)   # noqa: E731
        return _fold(fl, src, step, _zero(acc_t))
    total = fl.entry_alloca(scalar_type(acc_t))
    b.store(_zero(acc_t), total)
    add = lambda x: b.store(_add(fl, b.load(total), x, acc_t), total)   # noqa: E731
    pw = pairwise(fl.ctx, acc_t)
    if src.plain and src.dtype == acc_t and transform is None:
        data = b.extract_value(src.array, 0)
        stride = src.accesses[0].strides
        if src.ndim == 1:
            add(b.call(pw, [data, src.shape[0], stride[0]]))
        else:
            contiguous = _c_contiguous(fl, src.shape, stride, acc_t.nbytes)
            with b.if_else(contiguous) as (whole, rows):
                with whole:
                    add(b.call(pw, [data, src.size(), I64(acc_t.nbytes)]))
                with rows:
                    _rows(fl, src, lambda row, n, st: add(b.call(pw, [row, n, st])))
        return b.load(total)
    # an element-wise or converting source: each line in chunks computed into a
    # buffer (a tight loop LLVM vectorises), each chunk summed pairwise
    src.lines(lambda rows, n, inner: add(_pairwise_line(fl, src, rows, n, inner, acc_t, transform)))
    src.checks.raise_any()
    return b.load(total)


def _pairwise_line(fl, src: Source, rows: list[ll.Value], n: ll.Value, inner: list[ll.Value], acc_t: T.Scalar,
                   transform=None) -> ll.Value:
    """The sum of one line of the source's items (after `transform`, else converted to `acc_t`):
    computed into a stack buffer and summed pairwise — NumPy's pairwise sum of the line itself
    when it has at most CHUNK items, else pieces of STREAM_CHUNK items added in order."""
    b = fl.b
    pw = pairwise(fl.ctx, acc_t)
    buf = b.bitcast(fl.entry_alloca(ll.ArrayType(memory_type(acc_t), CHUNK)), memory_type(acc_t).as_pointer())
    total = fl.entry_alloca(scalar_type(acc_t))
    b.store(_zero(acc_t), total)      # NumPy's reductions start from the identity, +0.0
    whole = b.icmp_signed("<=", n, I64(CHUNK))
    piece = b.select(whole, n, I64(STREAM_CHUNK))
    chunks = b.select(whole, I64(1), b.udiv(b.add(n, I64(STREAM_CHUNK - 1)), I64(STREAM_CHUNK)))

    def item(pointers):
        v = src.item(pointers)
        return transform(v) if transform is not None else _cast(fl, v, src.dtype, acc_t)

    def chunk(c):
        start = b.mul(c, piece)
        m = b.sub(n, start)
        m = b.select(b.icmp_signed("<", m, piece), m, piece)
        firsts = [b.gep(r, [b.mul(start, st)]) for r, st in zip(rows, inner)]
        _line_loop(fl, m, firsts, inner, src.accesses, lambda i, v: b.store(v, b.gep(buf, [i])), item)
        b.store(_add(fl, b.load(total), b.call(pw, [b.bitcast(buf, I8P), m, I64(acc_t.nbytes)]), acc_t), total)
    with b.if_else(b.icmp_signed("<", n, I64(8)), likely=False) as (short, long):
        with short:     # NumPy adds fewer than 8 items in order (to its +0.0): so do we, in registers
            _line_loop(fl, n, rows, inner, src.accesses,
                       lambda i, v: b.store(_add(fl, b.load(total), v, acc_t), total), item)
        with long:
            _counted_loop(fl, chunks, chunk, "chunk")
    return b.load(total)


def _fold_line(fl, src: Source, rows: list[ll.Value], n: ll.Value, inner: list[ll.Value], step,
               init: ll.Value) -> ll.Value:
    """A fold of one line of the source's items in a register (LLVM vectorises the associative ones)."""
    b = fl.b
    acc = fl.entry_alloca(init.type)
    b.store(init, acc)
    _line_loop(fl, n, rows, inner, src.accesses, lambda i, v: b.store(step(b.load(acc), v), acc), src.item)
    return b.load(acc)


def _line_loop(fl, n: ll.Value, rows: list[ll.Value], inner: list[ll.Value], accesses: list[Access], store, item) -> None:
    """store(i, item(pointers at i)) for i in range(n) along one line: a unit-stride version
    (typed pointers, vectorisable) when every access moves by its item size (or is loaded once
    per line), else byte strides.  The unit test is exact, not "0 or 1 item": a step known only
    at run time makes LLVM vectorise with gathers, several times slower than plain loads."""
    b = fl.b
    unit = I1(1)
    for st, a in zip(inner, accesses):
        if not a.invariant_inner:
            unit = b.and_(unit, b.icmp_signed("==", st, I64(a.dtype.nbytes)))
    with b.if_else(unit, likely=True) as (fast, general):
        with fast:
            typed = [b.bitcast(r, memory_type(a.dtype).as_pointer()) for r, a in zip(rows, accesses)]
            _counted_loop(fl, n, lambda i: store(i, item([p if a.invariant_inner else b.gep(p, [i])
                                                          for p, a in zip(typed, accesses)])), "line.unit")
        with general:
            _counted_loop(fl, n, lambda i: store(i, item([b.bitcast(b.gep(r, [b.mul(i, st)]), memory_type(a.dtype)
                                                                  .as_pointer()) for r, st, a in
                                                          zip(rows, inner, accesses)])), "line.strided")


def _rows(fl, src: Source, visit) -> None:
    """visit(row_pointer, length, stride) for every innermost line of a plain array."""
    b = fl.b
    outer = src.shape[:-1]
    access = Access(b.extract_value(src.array, 0), src.accesses[0].strides[:-1], src.dtype)
    n, st = src.shape[-1], src.accesses[0].strides[-1]
    loop_nest(fl, outer, [access], lambda ptrs: visit(b.bitcast(ptrs[0], I8P), n, st), "rows")


def _c_contiguous(fl, shape, strides, itemsize: int) -> ll.Value:
    b = fl.b
    ok, expected = I1(1), I64(itemsize)
    for k in reversed(range(len(shape))):
        ok = b.and_(ok, b.or_(b.icmp_signed("<=", shape[k], I64(1)), b.icmp_signed("==", strides[k], expected)))
        expected = b.mul(expected, shape[k])
    return ok


# ----------------------------------------------------------------------------- NumPy's pairwise summation

def pairwise(ctx, t: T.Scalar) -> ll.Function:
    """`T fx$pairwise.<t>(i8* data, i64 n, i64 stride)`: NumPy's pairwise_sum for n items
    `stride` bytes apart (complex: the real and imaginary parts as NumPy interleaves them)."""
    name = f"fx$pairwise.{t.name}"
    fn = ctx.module.globals.get(name)
    if fn is not None:
        return fn
    lt = scalar_type(t)
    part = scalar_type(T.complex_part(t)) if t.is_complex else lt
    fn = ll.Function(ctx.module, ll.FunctionType(lt, [I8P, I64, I64]), name)
    fn.linkage = "internal"
    data, n, stride = fn.args
    b = ll.IRBuilder(fn.append_basic_block("entry"))
    pptr = part.as_pointer()
    parts = 2 if t.is_complex else 1
    # NumPy counts floats for complex sums (n' = 2n) with half the stride per float index:
    # float index i lives at data + (i // 2) * stride + (i % 2) * sizeof(part)
    nf = b.mul(n, I64(parts))

    def at(i: ll.Value, bld: ll.IRBuilder) -> ll.Value:
        if parts == 1:
            off = bld.mul(i, stride)
        else:
            off = bld.add(bld.mul(bld.lshr(i, I64(1)), stride), bld.mul(bld.and_(i, I64(1)), I64(_part_bytes(t))))
        return bld.load(bld.bitcast(bld.gep(data, [off]), pptr))

    def result(bld, values):
        if parts == 1:
            return values[0]
        z = ll.Constant(lt, ll.Undefined)
        return bld.insert_value(bld.insert_value(z, values[0], 0), values[1], 1)

    small, block, split = (fn.append_basic_block(x) for x in ("small", "block", "split"))
    b.cbranch(b.icmp_signed("<", nf, I64(8)), small, block)

    # n < 8: one accumulator per part, in order
    b.position_at_end(small)
    accs = _sequential(fn, b, at, I64(0), nf, parts, [part(-0.0)] * parts)
    b.ret(result(b, accs))

    # n <= 128: 8 accumulators, then the tail in order
    b.position_at_end(block)
    big = b.icmp_signed(">", nf, I64(PW_BLOCK))
    leaf = fn.append_basic_block("leaf")
    b.cbranch(big, split, leaf)
    b.position_at_end(leaf)
    main_end = b.sub(nf, b.srem(nf, I64(8)))
    # adjacent floats (a contiguous array, or the stack buffer of an element-wise source): the 8
    # accumulators are the lanes of one vector, added with vector loads: the same additions in
    # the same order as the scalar loop, so the same bits, at a fraction of the instructions
    vec, scalar, done = (fn.append_basic_block(x) for x in ("block.vector", "block.scalar", "block.done"))
    b.cbranch(b.icmp_signed("==", stride, I64(t.nbytes)), vec, scalar)
    b.position_at_end(vec)
    vty = ll.VectorType(part, 8)
    first = b.bitcast(data, part.as_pointer())

    def vload(bld: ll.IRBuilder, i: ll.Value) -> ll.Value:
        v = bld.load(bld.bitcast(bld.gep(first, [i]), vty.as_pointer()))
        v.align = _part_bytes(t) if parts > 1 else t.nbytes   # items are aligned only to their size
        return v

    lanes = _vector_block(fn, b, vload, main_end)
    vec_end = b.block
    b.branch(done)
    b.position_at_end(scalar)
    r = [at(I64(k), b) for k in range(8)]
    head, body = (fn.append_basic_block(x) for x in ("block.head", "block.body"))
    pre = b.block
    b.branch(head)
    b.position_at_end(head)
    i = b.phi(I64)
    i.add_incoming(I64(8), pre)
    scalar_phis = []
    for k in range(8):
        p = b.phi(part)
        p.add_incoming(r[k], pre)
        scalar_phis.append(p)
    b.cbranch(b.icmp_signed("<", i, main_end), body, done)
    b.position_at_end(body)
    nxt = [b.fadd(scalar_phis[k], at(b.add(i, I64(k)), b)) for k in range(8)]
    for p, v in zip(scalar_phis, nxt):
        p.add_incoming(v, body)
    i.add_incoming(b.add(i, I64(8)), body)
    b.branch(head)
    b.position_at_end(done)
    end = b.phi(I64)
    end.add_incoming(main_end, vec_end)
    end.add_incoming(i, head)
    phis = []
    for k in range(8):
        p = b.phi(part)
        p.add_incoming(lanes[k], vec_end)
        p.add_incoming(scalar_phis[k], head)
        phis.append(p)
    i = end
    if parts == 1:
        sums = [b.fadd(b.fadd(b.fadd(phis[0], phis[1]), b.fadd(phis[2], phis[3])),
                       b.fadd(b.fadd(phis[4], phis[5]), b.fadd(phis[6], phis[7])))]
    else:   # r[0], r[2], r[4], r[6] are real parts; the odd ones imaginary
        sums = [b.fadd(b.fadd(phis[0], phis[2]), b.fadd(phis[4], phis[6])),
                b.fadd(b.fadd(phis[1], phis[3]), b.fadd(phis[5], phis[7]))]
    tail = _sequential(fn, b, at, i, nf, parts, sums)
    b.ret(result(b, tail))

    # n > 128: halves, the first a multiple of 8
    b.position_at_end(split)
    half = b.sdiv(nf, I64(2))
    half = b.sub(half, b.srem(half, I64(8)))
    first = b.call(fn, [data, b.sdiv(half, I64(parts)), stride])
    rest_data = b.gep(data, [b.mul(b.sdiv(half, I64(parts)), stride)])
    second = b.call(fn, [rest_data, b.sub(n, b.sdiv(half, I64(parts))), stride])
    if parts == 1:
        b.ret(b.fadd(first, second))
    else:
        re = b.fadd(b.extract_value(first, 0), b.extract_value(second, 0))
        im = b.fadd(b.extract_value(first, 1), b.extract_value(second, 1))
        b.ret(result(b, [re, im]))
    return fn


def _vector_block(fn, b: ll.IRBuilder, vload, end: ll.Value) -> list[ll.Value]:
    """NumPy's 8 accumulators over items [0, end) (end a multiple of 8, at least 8) as the lanes of
    one vector: r = items[0:8]; r += items[i:i+8] for i = 8, 16, ...  Returns the 8 lanes."""
    first = vload(b, I64(0))
    pre = b.block
    head, body, done = (fn.append_basic_block(x) for x in ("vec.head", "vec.body", "vec.done"))
    b.branch(head)
    b.position_at_end(head)
    i = b.phi(I64)
    i.add_incoming(I64(8), pre)
    acc = b.phi(first.type)
    acc.add_incoming(first, pre)
    b.cbranch(b.icmp_signed("<", i, end), body, done)
    b.position_at_end(body)
    acc.add_incoming(b.fadd(acc, vload(b, i)), body)
    i.add_incoming(b.add(i, I64(8)), body)
    b.branch(head)
    b.position_at_end(done)
    return [b.extract_element(acc, I32(k)) for k in range(8)]


def _part_bytes(t: T.Scalar) -> int:
    return T.complex_part(t).nbytes


def _sequential(fn, b: ll.IRBuilder, at, start: ll.Value, stop: ll.Value, parts: int, init: list[ll.Value]):
    """acc[i % parts] += item(i) for i in [start, stop), in order; returns the accumulators."""
    pre = b.block
    head, body, done = (fn.append_basic_block(x) for x in ("seq.head", "seq.body", "seq.done"))
    b.branch(head)
    b.position_at_end(head)
    i = b.phi(I64)
    i.add_incoming(start, pre)
    phis = []
    for v in init:
        p = b.phi(v.type)
        p.add_incoming(v, pre)
        phis.append(p)
    b.cbranch(b.icmp_signed("<", i, stop), body, done)
    b.position_at_end(body)
    new = [b.fadd(phis[k], at(b.add(i, I64(k)), b)) for k in range(parts)]
    for p, v in zip(phis, new):
        p.add_incoming(v, body)
    i.add_incoming(b.add(i, I64(parts)), body)
    b.branch(head)
    b.position_at_end(done)
    return phis


# ----------------------------------------------------------------------------- reductions along an axis

def _along(fl, src: Source, kind: str, axis: int | tuple, e: ir.Intrinsic, acc_t: T.Scalar, extra) -> ll.Value:
    """Along one axis or a tuple of axes (the folds only: each item added into the result
    item it belongs to, in C order of the source)."""
    from fastext.compiler.lower.alloc import allocate
    b = fl.b
    keep = bool(e.attrs.get("keepdims"))
    axes = axis if isinstance(axis, tuple) else (axis,)
    out_shape = [I64(1) if k in axes else d for k, d in enumerate(src.shape) if keep or k not in axes]
    out_type: T.Array = e.type
    out = allocate(fl, out_type, out_shape)
    target = _walk(fl, out, out_type, axes, keep)      # the result, walked with the source's shape
    n_axis = src.shape[axes[0]]
    for k in axes[1:]:
        n_axis = b.mul(n_axis, src.shape[k])

    def fill(array, value: ll.Value, atype: T.Array = out_type) -> None:
        _map_out(fl, array, atype, out_shape, lambda _: value)

    def fold(step, dest: Access = target) -> None:
        def visit(v, ptrs):
            store_item(fl, ptrs[0], step(load(fl, ptrs[0], acc_t), v), acc_t)
        src.each(visit, [dest])

    if kind in ("var", "std"):
        # the means first (complex numbers: a complex scratch array), then the squared
        # deviations summed over the same items — a second pass of the source — divided by n - ddof
        mean_t = src.dtype if src.dtype.is_complex else acc_t
        mean_type = T.Array(mean_t, out_type.ndim)
        means = out if mean_t == acc_t else allocate(fl, mean_type, out_shape)
        fill(means, _zero(mean_t), mean_type)
        mean_walk = _walk(fl, means, mean_type, axis, keep)
        src.each(lambda v, ptrs: store_item(fl, ptrs[0], _add(fl, load(fl, ptrs[0], mean_t),
                                                              _cast(fl, v, src.dtype, mean_t), mean_t), mean_t),
                 [mean_walk])
        _map_out(fl, means, mean_type, out_shape, lambda v: _div_count(fl, v, n_axis, mean_t))
        sums = allocate(fl, out_type, out_shape) if means is out else out
        fill(sums, _zero(acc_t))
        again = src if src.plain else Source(fl, src.expr)      # a map's operands are evaluated again

        def deviation(v, ptrs):
            dev = _deviation2(fl, v, src.dtype, load(fl, ptrs[0], mean_t), mean_t, acc_t)
            store_item(fl, ptrs[1], _add(fl, load(fl, ptrs[1], acc_t), dev, acc_t), acc_t)
        again.each(deviation, [mean_walk, _walk(fl, sums, out_type, axis, keep)])
        ddof = extra[0]
        _zip_out(fl, [out, sums], out_type, out_shape, lambda ptrs: store_item(
            fl, ptrs[0], _finish_var(fl, load(fl, ptrs[1], acc_t), n_axis, acc_t, ddof, kind), acc_t))
        return out
    if kind == "norm":
        fill(out, _zero(acc_t) if e.attrs.get("ord") in (None, 1.0, 2.0) else
             _extreme_init("min" if e.attrs["ord"] < 0 else "max", acc_t))
        order = e.attrs.get("ord")
        fold(_norm_step(fl, src.dtype, acc_t, order))
        if order in (None, 2.0):
            _map_out(fl, out, out_type, out_shape, lambda v: _sqrt(fl, v))
        return out
    if axes == (src.ndim - 1,) and kind in _LINE_STEPS:
        _reduce_lines(fl, src, kind, target, acc_t)
        if kind == "mean":
            _map_out(fl, out, out_type, out_shape, lambda v: _div_count(fl, v, n_axis, acc_t))
        elif kind in ("min", "max"):
            _nonempty_result(fl, n_axis, f"zero-size array to reduction operation "
                                         f"{'minimum' if kind == 'min' else 'maximum'} which has no identity")
        return out
    if kind in ("sum", "mean"):
        fill(out, _zero(acc_t))
        fold(lambda acc, v: _add(fl, acc, _cast(fl, v, src.dtype, acc_t), acc_t))
        if kind == "mean":
            _map_out(fl, out, out_type, out_shape, lambda v: _div_count(fl, v, n_axis, acc_t))
        return out
    if kind == "prod":
        fill(out, _one(acc_t))
        fold(lambda acc, v: _mul(fl, acc, _cast(fl, v, src.dtype, acc_t), acc_t))
    elif kind in ("min", "max"):
        _nonempty_result(fl, n_axis, f"zero-size array to reduction operation "
                                                f"{'minimum' if kind == 'min' else 'maximum'} which has no identity")
        fill(out, _extreme_init(kind, acc_t))
        fold(_extreme_step(fl, kind, acc_t))
    elif kind in ("all", "any"):
        fill(out, I1(1 if kind == "all" else 0))
        op = b.and_ if kind == "all" else b.or_
        fold(lambda acc, v: op(acc, _truth(fl, v, src.dtype)))
    elif kind == "count_nonzero":
        fill(out, I64(0))
        fold(lambda acc, v: b.add(acc, b.zext(_truth(fl, v, src.dtype), I64)))
    elif kind in ("argmin", "argmax"):
        _nonempty_result(fl, n_axis, f"attempt to get {kind} of an empty sequence")
        _arg_along(fl, src, kind, axis, target)
    else:
        raise NotImplementedError(kind)
    return out


_LINE_STEPS = ("sum", "mean", "prod", "min", "max", "all", "any", "count_nonzero")


def _reduce_lines(fl, src: Source, kind: str, target: Access, acc_t: T.Scalar) -> None:
    """A reduction along the last axis: each result item is the reduction of one line, in
    registers (float sums: NumPy's pairwise sum of the line), not through the result's memory."""
    b = fl.b
    n = src.shape[-1]
    inner = [a.strides[-1] for a in src.accesses]
    outer = [Access(a.data, a.strides[:-1], a.dtype) for a in src.accesses]
    dest = Access(target.data, target.strides[:-1], acc_t)
    if kind in ("sum", "mean") and (acc_t.is_float or acc_t.is_complex):
        if src.plain and src.dtype == acc_t:
            line = _numpy_order_line(fl, src, n, inner[0], acc_t)
        else:
            line = lambda rows: _pairwise_line(fl, src, rows, n, inner, acc_t)   # noqa: E731
    else:
        step, init = _line_fold(fl, kind, src.dtype, acc_t)
        line = lambda rows: _fold_line(fl, src, rows, n, inner, step, init)   # noqa: E731
    loop_nest(fl, src.shape[:-1], [dest] + outer,
              lambda ptrs: store_item(fl, ptrs[0], line([b.bitcast(p, I8P) for p in ptrs[1:]]), acc_t), "lines")
    src.checks.raise_any()


def _numpy_order_line(fl, src: Source, n: ll.Value, stride: ll.Value, acc_t: T.Scalar):
    """The sum of one line of a plain array in NumPy's order.  NumPy's iterator puts the axis
    with the smallest |stride| innermost (size-1 and zero-stride axes aside; ties keep the last
    axis inner): when that is the reduced last axis it sums each line pairwise, otherwise it
    accumulates `out[i] += a[i, j]` slice by slice, a plain left-to-right sum per line (a
    transposed array, for one).  Which of the two is decided once, from the strides."""
    b = fl.b
    pw = pairwise(fl.ctx, acc_t)
    last = _abs_stride(b, stride)
    sequential = I1(0)
    for k in range(src.ndim - 1):
        st = src.accesses[0].strides[k]
        other = b.and_(b.icmp_signed(">", src.shape[k], I64(1)), b.icmp_signed("!=", st, I64(0)))
        sequential = b.or_(sequential, b.and_(other, b.icmp_signed(">", last, _abs_stride(b, st))))
    step = lambda acc, v: _add(fl, acc, v, acc_t)   # noqa: E731

    def line(rows: list[ll.Value]) -> ll.Value:
        with b.if_else(sequential) as (seq, pairs):
            with seq:
                by_slice = _fold_line(fl, src, rows, n, [stride], step, _zero(acc_t))
                seq_end = b.block
            with pairs:
                by_pairs = _add(fl, _zero(acc_t), b.call(pw, [rows[0], n, stride]), acc_t)
                pairs_end = b.block
        phi = b.phi(by_pairs.type)
        phi.add_incoming(by_slice, seq_end)
        phi.add_incoming(by_pairs, pairs_end)
        return phi
    return line


def _abs_stride(b, v: ll.Value) -> ll.Value:
    return b.select(b.icmp_signed("<", v, I64(0)), b.neg(v), v)


def _line_fold(fl, kind: str, t: T.Scalar, acc_t: T.Scalar):
    """(step, initial value) of a fold reduction of `kind`."""
    b = fl.b
    if kind in ("sum", "mean"):
        return (lambda acc, v: _add(fl, acc, _cast(fl, v, t, acc_t), acc_t)), _zero(acc_t)
    if kind == "prod":
        return (lambda acc, v: _mul(fl, acc, _cast(fl, v, t, acc_t), acc_t)), _one(acc_t)
    if kind in ("min", "max"):
        return _extreme_step(fl, kind, acc_t), _extreme_init(kind, acc_t)
    if kind in ("all", "any"):
        op = b.and_ if kind == "all" else b.or_
        return (lambda acc, v: op(acc, _truth(fl, v, t))), I1(1 if kind == "all" else 0)
    return (lambda acc, v: b.add(acc, b.zext(_truth(fl, v, t), I64))), I64(0)


def _walk(fl, array: ll.Value, atype: T.Array, axes: int | tuple, keep: bool) -> Access:
    """A reduction's result walked with the source's shape: stride 0 along the reduced axes."""
    b = fl.b
    strides = [b.extract_value(array, [2, k]) for k in range(atype.ndim)]
    for axis in (axes,) if isinstance(axes, int) else axes:      # ascending: each insert keeps the next's place
        if keep:
            strides[axis] = I64(0)
        else:
            strides.insert(axis, I64(0))
    return Access(b.extract_value(array, 0), strides, atype.dtype)


def _zip_out(fl, arrays: list[ll.Value], atype: T.Array, shape, element, name: str = "post") -> None:
    """element(pointers) over arrays of one (C-contiguous, new) shape."""
    b = fl.b
    accesses = [Access(b.extract_value(a, 0), [b.extract_value(a, [2, k]) for k in range(atype.ndim)], atype.dtype)
                for a in arrays]
    loop_nest(fl, shape, accesses, element, name)


def _map_out(fl, out, out_type: T.Array, shape, f) -> None:
    _zip_out(fl, [out], out_type, shape,
             lambda ptrs: store_item(fl, ptrs[0], f(load(fl, ptrs[0], out_type.dtype)), out_type.dtype))


def _finish_var(fl, total, n, acc_t, ddof, kind):
    var = _div_count(fl, total, n, acc_t, ddof=ddof)
    return _sqrt(fl, var) if kind == "std" else var


def _nonempty_result(fl, n_axis, message: str) -> None:
    """NumPy's error for a reduction without identity along an empty axis (even when the result
    itself is empty: `np.zeros((0, 0)).min(axis=0)` raises)."""
    fl.fail_if(fl.b.icmp_signed("==", n_axis, I64(0)), "ValueError", message)


def _arg_along(fl, src: Source, kind: str, axis: int, target: Access) -> None:
    """argmin/argmax along an axis: per result item a scan of its line, the first extreme (a
    NaN wins).  An element-wise source is computed into a temporary first."""
    b = fl.b
    if src.plain:
        data, strides = src.accesses[0].data, src.accesses[0].strides
    else:
        from fastext.compiler.lower.arraymap import materialize_evaluated
        array = materialize_evaluated(fl, src.expr, src.ops)
        data = b.extract_value(array, 0)
        strides = [b.extract_value(array, [2, k]) for k in range(src.ndim)]
    t = src.dtype
    outer = [I64(1) if k == axis else d for k, d in enumerate(src.shape)]
    n, step = src.shape[axis], strides[axis]
    op = "<" if kind == "argmin" else ">"
    best, where = fl.entry_alloca(scalar_type(t)), fl.entry_alloca(I64)

    def element(ptrs):
        out_ptr, line = ptrs[0], b.bitcast(ptrs[1], I8P)
        b.store(I64(0), where)
        b.store(load(fl, b.bitcast(line, memory_type(t).as_pointer()), t), best)

        def scan(i):
            v = load(fl, b.bitcast(b.gep(line, [b.mul(i, step)]), memory_type(t).as_pointer()), t)
            current = b.load(best)
            better = _better(fl, op, t, v, current)
            b.store(b.select(better, v, current), best)
            b.store(b.select(better, i, b.load(where)), where)
        _counted_loop_from(fl, I64(1), n, scan, "arg")
        store_item(fl, out_ptr, b.load(where), T.I64)
    loop_nest(fl, outer, [target, Access(data, strides, t)], element, "argline")


def _counted_loop_from(fl, start: ll.Value, stop: ll.Value, body, name: str) -> None:
    _counted_loop(fl, fl.b.sub(stop, start), lambda i: body(fl.b.add(i, start)), name)


def _better(fl, op: str, t: T.Scalar, v, current):
    """Whether v replaces the current extreme: strictly better, or the first NaN."""
    b = fl.b
    if t.is_float:
        better = b.or_(b.fcmp_ordered(op, v, current), b.fcmp_unordered("uno", v, v))
        return b.and_(better, b.fcmp_ordered("ord", current, current))
    if t.is_bool:
        return b.icmp_unsigned(op, b.zext(v, ll.IntType(8)), b.zext(current, ll.IntType(8)))
    return (b.icmp_signed if t.signed else b.icmp_unsigned)(op, v, current)


# ----------------------------------------------------------------------------- cumulative

def _cumulative(fl, src: Source, kind: str, axis: int | None, out_type: T.Array) -> ll.Value:
    from fastext.compiler.lower.alloc import allocate
    b = fl.b
    acc_t = out_type.dtype
    if kind in ("cummax", "cummin"):
        step, init = _running_extreme(fl, kind[3:], acc_t), _extreme_init(kind[3:], acc_t)
    else:
        step = (lambda acc, v: _add(fl, acc, v, acc_t)) if kind == "cumsum" else (lambda acc, v: _mul(fl, acc, v, acc_t))
        init = _zero(acc_t) if kind == "cumsum" else _one(acc_t)
    if axis is None or src.ndim == 1:
        out = allocate(fl, out_type, [src.size()])
        base = b.bitcast(b.extract_value(out, 0), memory_type(acc_t).as_pointer())
        slot, index = fl.entry_alloca(scalar_type(acc_t)), fl.entry_alloca(I64)
        b.store(init, slot)
        b.store(I64(0), index)

        def visit(v, _):
            acc = step(b.load(slot), _cast(fl, v, src.dtype, acc_t))
            b.store(acc, slot)
            k = b.load(index)
            store_item(fl, b.gep(base, [k]), acc, acc_t)
            b.store(b.add(k, I64(1)), index)
        src.each(visit)
        return out
    # along an axis: out[..., i, ...] = out[..., i-1, ...] op src[..., i, ...], slice by slice in C order
    out = allocate(fl, out_type, src.shape)
    out_strides = [b.extract_value(out, [2, k]) for k in range(out_type.ndim)]
    target = Access(b.extract_value(out, 0), out_strides, acc_t)
    counter = fl.entry_alloca(I64)
    inner = I64(1)
    for d in src.shape[axis + 1:]:
        inner = b.mul(inner, d)
    b.store(I64(0), counter)

    back = out_strides[axis]

    def visit(v, ptrs):
        # the previous item along the axis is one stride back; the first one starts from `init`
        k = b.load(counter)
        b.store(b.add(k, I64(1)), counter)
        first = b.icmp_signed("==", b.srem(b.sdiv(k, inner), src.shape[axis]), I64(0))
        raw = b.bitcast(ptrs[0], I8P)
        previous = b.bitcast(b.gep(raw, [b.select(first, I64(0), b.sub(I64(0), back))]), ptrs[0].type)
        before = b.select(first, init, load(fl, previous, acc_t))
        store_item(fl, ptrs[0], step(before, _cast(fl, v, src.dtype, acc_t)), acc_t)
    src.each(visit, [target], "cum")
    return out


# ----------------------------------------------------------------------------- scalar steps

def _zero(t: T.Scalar) -> ll.Constant:
    lt = scalar_type(t)
    if t.is_complex:
        part = lt.elements[0]
        return ll.Constant(lt, [part(0.0), part(0.0)])
    return lt(0.0) if t.is_float else lt(0)


def _one(t: T.Scalar) -> ll.Constant:
    lt = scalar_type(t)
    if t.is_complex:
        part = lt.elements[0]
        return ll.Constant(lt, [part(1.0), part(0.0)])
    return lt(1.0) if t.is_float else lt(1)


def _cast(fl, v, src: T.Scalar, dst: T.Scalar):
    return v if src == dst else arith.cast(fl, v, src, dst)


def _add(fl, a, b_, t: T.Scalar):
    b = fl.b
    if t.is_complex:
        return arith.make_complex(fl, b.fadd(b.extract_value(a, 0), b.extract_value(b_, 0)),
                                  b.fadd(b.extract_value(a, 1), b.extract_value(b_, 1)))
    if t.is_bool:
        return b.or_(a, b_)
    return b.fadd(a, b_) if t.is_float else b.add(a, b_)


def _mul(fl, a, b_, t: T.Scalar):
    b = fl.b
    if t.is_complex:
        ar, ai, br, bi = b.extract_value(a, 0), b.extract_value(a, 1), b.extract_value(b_, 0), b.extract_value(b_, 1)
        return arith.make_complex(fl, b.fsub(b.fmul(ar, br), b.fmul(ai, bi)), b.fadd(b.fmul(ar, bi), b.fmul(ai, br)))
    if t.is_bool:
        return b.and_(a, b_)
    return b.fmul(a, b_) if t.is_float else b.mul(a, b_)


def _truth(fl, v, t: T.Scalar):
    return v if t.is_bool else arith.truth(fl, v, t)


def _div_count(fl, total, n: ll.Value, t: T.Scalar, ddof: ll.Value | None = None):
    """total / n in `t` (NumPy's true_divide: 0/0 is nan); with ddof: / max(n - ddof, 0)."""
    b = fl.b
    part = scalar_type(T.complex_part(t)) if t.is_complex else scalar_type(t)
    count = b.sitofp(n, part)
    if ddof is not None:
        d = ddof if part == ddof.type else b.fptrunc(ddof, part)
        count = b.fsub(count, d)
        count = b.select(b.fcmp_ordered("<", count, part(0.0)), part(0.0), count)
    if t.is_complex:
        return arith.make_complex(fl, b.fdiv(b.extract_value(total, 0), count), b.fdiv(b.extract_value(total, 1), count))
    return b.fdiv(total, count)


def _deviation2(fl, v, src_t: T.Scalar, mean, mean_t: T.Scalar, acc_t: T.Scalar):
    """|v - mean|² in acc_t (complex: the squared modulus, a real number)."""
    b = fl.b
    x = _cast(fl, v, src_t, mean_t)
    if mean_t.is_complex:
        re = b.fsub(b.extract_value(x, 0), b.extract_value(mean, 0))
        im = b.fsub(b.extract_value(x, 1), b.extract_value(mean, 1))
        return b.fadd(b.fmul(re, re), b.fmul(im, im))
    d = b.fsub(x, mean)
    return b.fmul(d, d)


def _sqrt(fl, v):
    return fl.b.call(fl.ctx.intrinsic(f"llvm.sqrt.{'f32' if v.type == ll.FloatType() else 'f64'}", v.type, [v.type]), [v])


def _empty_check(fl, n: ll.Value, message: str) -> None:
    fl.fail_if(fl.b.icmp_signed("==", n, I64(0)), "ValueError", message)


def _extreme_init(kind: str, t: T.Scalar) -> ll.Constant:
    lt = scalar_type(t)
    if t.is_float:
        return lt(math.inf if kind == "min" else -math.inf)
    if t.is_bool:
        return I1(1 if kind == "min" else 0)
    if t.signed:
        return lt((1 << (t.bits - 1)) - 1 if kind == "min" else -(1 << (t.bits - 1)))
    return lt((1 << t.bits) - 1 if kind == "min" else 0)


def _running_extreme(fl, kind: str, t: T.Scalar):
    """NumPy's maximum/minimum of the running value and the next item, exactly as its loop:
    `(acc >= v or isnan(acc)) ? acc : v` (a NaN stays, a tie keeps the earlier item's sign)."""
    b = fl.b

    def step(acc, v):
        if t.is_float:
            keep = b.or_(b.fcmp_ordered(">=" if kind == "max" else "<=", acc, v), b.fcmp_unordered("uno", acc, acc))
            return b.select(keep, acc, v)
        return _extreme_step(fl, kind, t)(acc, v)
    return step


def _extreme_step(fl, kind: str, t: T.Scalar):
    """NumPy's minimum/maximum as a fold: a NaN, once met, stays."""
    b = fl.b
    op = "<" if kind == "min" else ">"

    def step(acc, v):
        if t.is_float:
            # IEEE 754-2019 minimum/maximum: a NaN operand gives NaN, as NumPy's reduction does;
            # being associative the fold vectorises (only the sign of a zero tie may differ)
            name = "minimum" if kind == "min" else "maximum"
            fn = fl.ctx.intrinsic(f"llvm.{name}.{'f32' if t.bits == 32 else 'f64'}", acc.type, [acc.type, acc.type])
            return b.call(fn, [acc, v])
        if t.is_bool:
            return b.and_(acc, v) if kind == "min" else b.or_(acc, v)
        cmp = b.icmp_signed if t.signed else b.icmp_unsigned
        return b.select(cmp(op, v, acc), v, acc)
    return step


def _arg(fl, src: Source, kind: str) -> ll.Value:
    """The flat index of the first minimum/maximum (a NaN is the first extreme)."""
    b = fl.b
    t = src.dtype
    best = fl.entry_alloca(scalar_type(t))
    where, index = fl.entry_alloca(I64), fl.entry_alloca(I64)
    b.store(_extreme_init("min" if kind == "argmin" else "max", t), best)
    b.store(I64(0), where)
    b.store(I64(0), index)
    op = "<" if kind == "argmin" else ">"

    def visit(v, _):
        k = b.load(index)
        current = b.load(best)
        # the first item always counts (the initial bound may equal it)
        better = b.or_(_better(fl, op, t, v, current), b.icmp_signed("==", k, I64(0)))
        b.store(b.select(better, v, current), best)
        b.store(b.select(better, k, b.load(where)), where)
        b.store(b.add(k, I64(1)), index)
    src.each(visit)
    return b.load(where)


def _norm(fl, src: Source, acc_t: T.Scalar, order) -> ll.Value:
    if order in (None, 2.0):
        return _sqrt(fl, _sum(fl, src, acc_t, lambda v: _abs2(fl, v, src.dtype, acc_t)))
    step = _norm_step(fl, src.dtype, acc_t, order)
    init = _zero(acc_t) if order == 1.0 else _extreme_init("min" if order < 0 else "max", acc_t)
    return _fold(fl, src, step, init)


def _abs2(fl, v, t: T.Scalar, acc_t: T.Scalar):
    b = fl.b
    if t.is_complex:
        re, im = b.extract_value(v, 0), b.extract_value(v, 1)
        return _cast(fl, b.fadd(b.fmul(re, re), b.fmul(im, im)), T.complex_part(t), acc_t)
    x = _cast(fl, v, t, acc_t)
    return b.fmul(x, x)


def _abs(fl, v, t: T.Scalar, acc_t: T.Scalar):
    b = fl.b
    if t.is_complex:
        re, im = b.extract_value(v, 0), b.extract_value(v, 1)
        h = b.call(fl.ctx.libm_typed("hypot", 2, re.type), [re, im])
        return _cast(fl, h, T.complex_part(t), acc_t)
    x = _cast(fl, v, t, acc_t)
    return b.call(fl.ctx.intrinsic(f"llvm.fabs.{'f32' if x.type == ll.FloatType() else 'f64'}", x.type, [x.type]), [x])


def _norm_step(fl, t: T.Scalar, acc_t: T.Scalar, order):
    b = fl.b
    if order in (None, 2.0):
        return lambda acc, v: b.fadd(acc, _abs2(fl, v, t, acc_t))
    if order == 1.0:
        return lambda acc, v: b.fadd(acc, _abs(fl, v, t, acc_t))
    return lambda acc, v: _extreme_step(fl, "min" if order < 0 else "max", acc_t)(acc, _abs(fl, v, t, acc_t))



def lower_bincount(fl, e: ir.Intrinsic, args: list[ir.Expr]) -> ll.Value:
    """NumPy's bincount: a pass for the largest (and a negative) value, the counts (or weight
    sums, in float64) into a new zeroed array of max(largest + 1, minlength) items."""
    from fastext.compiler.lower.alloc import allocate
    from fastext.compiler.lower.arraymap import value_of
    b = fl.b
    x = value_of(fl, args[0])
    minlength = fl.expr(args[1])
    weights = value_of(fl, args[2]) if len(args) > 2 else None
    t: T.Scalar = args[0].type.dtype
    n = b.extract_value(x, [1, 0])
    fl.fail_if(b.icmp_signed("<", minlength, I64(0)), "ValueError", "'minlength' must not be negative")
    if weights is not None:
        fl.fail_if(b.icmp_signed("!=", b.extract_value(weights, [1, 0]), n), "ValueError",
                   "The weights and list don't have the same length.")
    xdata, xstride = b.extract_value(x, 0), b.extract_value(x, [2, 0])
    item = lambda i: _cast(fl, load(fl, b.bitcast(b.gep(xdata, [b.mul(i, xstride)]),   # noqa: E731
                                                 memory_type(t).as_pointer()), t), t, T.I64)
    top, low = fl.entry_alloca(I64), fl.entry_alloca(I64)
    b.store(I64(-1), top)
    b.store(I64(0), low)

    def scan(i):
        v = item(i)
        b.store(b.select(b.icmp_signed(">", v, b.load(top)), v, b.load(top)), top)
        b.store(b.select(b.icmp_signed("<", v, b.load(low)), v, b.load(low)), low)
    _counted_loop(fl, n, scan, "bincount.scan")
    fl.fail_if(b.icmp_signed("<", b.load(low), I64(0)), "ValueError", "'list' argument must have no negative elements")
    size = b.add(b.load(top), I64(1))
    size = b.select(b.icmp_signed(">", size, minlength), size, minlength)
    out_t: T.Array = e.type
    out = allocate(fl, out_t, [size])
    base = b.bitcast(b.extract_value(out, 0), memory_type(out_t.dtype).as_pointer())
    _counted_loop(fl, size, lambda k: b.store(_zero(out_t.dtype), b.gep(base, [k])), "bincount.zero")
    if weights is None:
        def count(i):
            slot = b.gep(base, [item(i)])
            b.store(b.add(b.load(slot), I64(1)), slot)
    else:
        wt: T.Scalar = args[2].type.dtype
        wdata, wstride = b.extract_value(weights, 0), b.extract_value(weights, [2, 0])

        def count(i):
            w = load(fl, b.bitcast(b.gep(wdata, [b.mul(i, wstride)]), memory_type(wt).as_pointer()), wt)
            slot = b.gep(base, [item(i)])
            b.store(b.fadd(b.load(slot), _cast(fl, w, wt, T.F64)), slot)
    _counted_loop(fl, n, count, "bincount.count")
    return out
