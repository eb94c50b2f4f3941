"""New arrays in native code: allocation into the call's arena, copies, whole-view stores.

Native code runs without the GIL and never touches a Python object, so a new array is a
block from `posix_memalign` (64-byte aligned, for any vector width), with a 64-byte
header in front of the data:

    header {next, nbytes, owner, in_arena} | 64-byte aligned data (nbytes)

Every block of one exported call is linked into that call's *arena*: a list whose head
lives in the entry point's frame, reached through the error record every native function
already receives (`ERR[ERR_ARENA]`).  Blocks are never freed during the call, so arrays
flow freely between `.fx` functions (arguments, results, tuples, locals); when the call
returns, the entry point hands the blocks that reach Python to owner objects and frees
the rest (`abi/arena.py`), on every path, errors included.  `fx$live_blocks` counts the
blocks allocated and not yet freed (the module's `__fastext_live_blocks__()`).
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.lower import arith
from fastext.compiler.lower.array_methods import for_each, strided_loop
from fastext.compiler.lower.context import (
    ERR_ARENA, ERRP, I1, I32, I64, I8, I8P, ModuleContext, memory_type, scalar_type, value_type,
)

ALIGN = 64                                            # block alignment, and the header's size
HEADER = ll.LiteralStructType([I8P, I64, I8P, I64])   # next, nbytes, owner (PyObject*), in_arena
MAX_BYTES = (1 << 62)                                 # NumPy's limit is PY_SSIZE_T_MAX; header room
HUGE_PAGE_THRESHOLD = 1 << 22                         # NumPy's: 4 MiB
# The call's arena as the entry point holds it: the list of blocks, then the chunk that small
# objects (list headers and items, dict tables: lower/lists.py, lower/dicts.py) are carved from,
# then the chain of references to Python objects stored in containers (lower/kept.py).
ARENA = ll.LiteralStructType([I8P, I8P, I8P])
SMALL_MAX = 1024          # larger requests get blocks of their own
CHUNK_BYTES = 64 * 1024   # a chunk: a block whose first 64 bytes count what was carved
MADV_HUGEPAGE = 14                                    # Linux
TOO_BIG = "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size."


def lower_alloc(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    name = e.name.partition(".")[2]
    b = fl.b
    if name == "assign":
        assign(fl, args[0], e.args[0].type, args[1], e.args[1].type)
        return I1(0)
    atype: T.Array = e.type
    if name == "copy":
        src = args[0]
        new = allocate(fl, atype, [b.extract_value(src, [1, k]) for k in range(atype.ndim)])
        _copy(fl, _shape(fl, new, atype.ndim), [(new, atype), (src, e.args[0].type)])
        return new
    if name.endswith("_like"):
        src = args[0]
        dims, rest, kind = [b.extract_value(src, [1, k]) for k in range(atype.ndim)], args[1:], name[:-5]
    else:
        dims, rest, kind = args[:atype.ndim], args[atype.ndim:], name
    new = allocate(fl, atype, dims)
    if kind == "zeros":
        size = b.mul(_count(fl, dims), I64(atype.dtype.nbytes))
        memset = fl.ctx.intrinsic("memset", I8P, [I8P, I32, I64])
        b.call(memset, [b.extract_value(new, 0), I32(0), size])
    elif kind in ("ones", "full"):
        value = rest[0] if kind == "full" else _one(atype.dtype)
        if atype.dtype.is_bool:
            value = b.zext(value, I8)
        for_each(fl, new, atype, lambda ptr: b.store(value, ptr, align=atype.dtype.align))
    return new


def lower_owned(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """`array.owned(x, params...)`: x, or a copy of it when it overlaps a parameter's buffer
    (frontend/alloc.py: own_returns)."""
    b = fl.b
    x, params = args[0], args[1:]
    xtype: T.Array = e.type
    empty = I1(0)
    for k in range(xtype.ndim):
        empty = b.or_(empty, b.icmp_signed("==", b.extract_value(x, [1, k]), I64(0)))
    lo, hi = _extent(fl, x, xtype)
    overlap = I1(0)
    for p, pe in zip(params, e.args[1:]):
        plo, phi = _extent(fl, p, pe.type)
        pempty = I1(0)
        for k in range(pe.type.ndim):
            pempty = b.or_(pempty, b.icmp_signed("==", b.extract_value(p, [1, k]), I64(0)))
        overlap = b.or_(overlap, b.and_(b.not_(pempty), b.and_(b.icmp_unsigned("<", plo, hi), b.icmp_unsigned("<", lo, phi))))
    slot = fl.entry_alloca(x.type)
    b.store(x, slot)
    with b.if_then(b.and_(overlap, b.not_(empty)), likely=False):
        new = allocate(fl, xtype, _shape(fl, x, xtype.ndim))
        _copy(fl, _shape(fl, x, xtype.ndim), [(new, xtype), (x, xtype)])
        b.store(new, slot)
    return b.load(slot)


def _one(t: T.Scalar) -> ll.Constant:
    lt = scalar_type(t)
    if t.is_complex:
        return ll.Constant(lt, [lt.elements[0](1.0), lt.elements[1](0.0)])
    return lt(1.0 if t.is_float else 1)


def _count(fl, dims: list[ll.Value]) -> ll.Value:
    n = I64(1)
    for d in dims:
        n = fl.b.mul(n, d)
    return n


def _shape(fl, array: ll.Value, ndim: int) -> list[ll.Value]:
    return [fl.b.extract_value(array, [1, k]) for k in range(ndim)]


def allocate(fl, atype: T.Array, dims: list[ll.Value], reuse: tuple[ll.Value, list[ll.Value]] | None = None) -> ll.Value:
    """A new C-contiguous array of shape `dims` in the call's arena (contents uninitialised).

    NumPy's errors: a negative dimension raises ValueError, a size beyond the address space
    ValueError ("array is too big"), a failed allocation MemoryError.  `reuse` = (the site's buffer
    slots, the data pointers the names of the assigned name's group hold now): a confined name's
    assignment computes into a buffer of the site that no name of its group holds, when one is big
    enough (lower/reuse.py)."""
    pending = getattr(fl, "pending_reuse", None)
    if reuse is None and pending is not None and pending[0] == getattr(fl, "site_depth", 0):
        # the first array a temporary site's operation allocates (lower/reuse.py: temporaries)
        reuse, fl.pending_reuse = pending[1], None
    b = fl.b
    negative = I1(0)
    for d in dims:
        negative = b.or_(negative, b.icmp_signed("<", d, I64(0)))
    fl.fail_if(negative, "ValueError", "negative dimensions are not allowed")
    mul = fl.ctx.intrinsic("llvm.umul.with.overflow.i64", ll.LiteralStructType([I64, I1]), [I64, I64])
    total, big = I64(atype.dtype.nbytes), I1(0)
    for d in dims:
        r = b.call(mul, [total, d])
        total, big = b.extract_value(r, 0), b.or_(big, b.extract_value(r, 1))
    fl.fail_if(b.or_(big, b.icmp_unsigned(">", total, I64(MAX_BYTES))), "ValueError", TOO_BIG)
    data = _recycled(fl, total, reuse) if reuse is not None else b.call(arena_alloc(fl.ctx), [fl.err, total])
    fl.fail_if(b.icmp_unsigned("==", data, ll.Constant(I8P, None)), "MemoryError",
               "Unable to allocate %lld bytes for an array", (total,))
    return _contiguous_view(fl, atype, data, dims)


def _recycled(fl, nbytes: ll.Value, reuse: tuple[ll.Value, list[ll.Value]]) -> ll.Value:
    """A buffer of the site's slots (each a data pointer or NULL) that no name of the group holds
    and that has room for `nbytes`, else a new arena block recorded in a slot no name holds (the
    site has one slot more than the group has names, so there is always one)."""
    b = fl.b
    slots, held = reuse
    count = slots.type.pointee.count
    out = fl.entry_alloca(I8P)
    free_slot = fl.entry_alloca(ll.IntType(32))
    b.store(ll.Constant(I8P, None), out)
    b.store(I32(0), free_slot)
    for k in reversed(range(count)):        # the lowest free slot wins, as the first usable block does
        slot = b.gep(slots, [I32(0), I32(k)])
        block = b.load(slot)
        taken = I1(0)
        for h in held:
            taken = b.or_(taken, b.icmp_unsigned("==", block, h))
        with b.if_then(b.not_(taken)):
            b.store(I32(k), free_slot)
        usable = b.and_(b.icmp_unsigned("!=", block, ll.Constant(I8P, None)), b.not_(taken))
        with b.if_then(usable):
            capacity = b.load(b.bitcast(b.gep(block, [I64(-ALIGN + 8)]), I64.as_pointer()))
            with b.if_then(b.icmp_unsigned(">=", capacity, nbytes)):
                b.store(block, out)
    with b.if_then(b.icmp_unsigned("==", b.load(out), ll.Constant(I8P, None))):
        fresh = b.call(arena_alloc(fl.ctx), [fl.err, nbytes])
        b.store(fresh, out)
        b.store(fresh, b.gep(slots, [I32(0), b.load(free_slot)]))
    return b.load(out)


def _contiguous_view(fl, atype: T.Array, data: ll.Value, dims: list[ll.Value]) -> ll.Value:
    b = fl.b
    out = b.insert_value(ll.Constant(value_type(atype), ll.Undefined), data, 0)
    stride = I64(atype.dtype.nbytes)
    for k in reversed(range(atype.ndim)):
        out = b.insert_value(out, dims[k], [1, k])
        out = b.insert_value(out, stride, [2, k])
        stride = b.mul(stride, dims[k])
    return out


def assign(fl, dst: ll.Value, dtype: T.Array, src: ll.Value, stype: T.Array) -> None:
    """`dst[...] = src`: NumPy's broadcasting (the source's axes align with the last ones of
    the destination; size-1 axes repeat) and overlap rule (the result is as if the source
    were copied first: it is, into a temporary, when the two memory ranges overlap)."""
    b = fl.b
    nd, ns = dtype.ndim, stype.ndim
    lead = nd - ns
    dshape, sshape = _shape(fl, dst, nd), _shape(fl, src, ns)
    for k in range(lead, nd):
        m, n = sshape[k - lead], dshape[k]
        bad = b.not_(b.or_(b.icmp_signed("==", m, n), b.icmp_signed("==", m, I64(1))))
        if nd == ns == 1:
            fl.fail_if(bad, "ValueError", "could not broadcast input array from shape (%lld,) into shape (%lld,)",
                       (m, n))
        else:
            fl.fail_if(bad, "ValueError", "could not broadcast input array into the assigned slice: "
                                          "axis %lld has size %lld, the input array's %lld",
                       (I64(k), n, m))
    src_slot = fl.entry_alloca(value_type(stype))
    temp_slot = fl.entry_alloca(I8P)
    b.store(src, src_slot)
    b.store(ll.Constant(I8P, None), temp_slot)
    empty = I1(0)
    for n in dshape:
        empty = b.or_(empty, b.icmp_signed("==", n, I64(0)))
    dlo, dhi = _extent(fl, dst, dtype)
    slo, shi = _extent(fl, src, stype)
    overlap = b.and_(b.not_(empty), b.and_(b.icmp_unsigned("<", slo, dhi), b.icmp_unsigned("<", dlo, shi)))
    with b.if_then(overlap, likely=False):
        view, temp = temporary(fl, stype, sshape)
        _copy(fl, sshape, [(view, stype), (src, stype)])
        b.store(temp, temp_slot)
        b.store(view, src_slot)
    src = b.load(src_slot)
    strides = []
    for k in range(nd):
        if k < lead:
            strides.append(I64(0))
        else:
            same = b.icmp_signed("==", sshape[k - lead], dshape[k])
            strides.append(b.select(same, b.extract_value(src, [2, k - lead]), I64(0)))
    _copy(fl, dshape, [(dst, dtype), (src, stype)], src_strides=strides)
    free = fl.ctx.intrinsic("free", ll.VoidType(), [I8P])
    b.call(free, [b.load(temp_slot)])


def temporary(fl, atype: T.Array, dims: list[ll.Value]) -> tuple[ll.Value, ll.Value]:
    """A C-contiguous scratch array outside the arena (malloc: the caller frees the block,
    returned second, as soon as it is done with it)."""
    b = fl.b
    nbytes = b.mul(_count(fl, dims), I64(atype.dtype.nbytes))
    block = b.call(fl.ctx.intrinsic("malloc", I8P, [I64]), [b.add(nbytes, I64(1))])
    fl.fail_if(b.icmp_unsigned("==", block, ll.Constant(I8P, None)), "MemoryError",
               "Unable to allocate %lld bytes for a temporary copy", (nbytes,))
    return _contiguous_view(fl, atype, block, dims), block


def _extent(fl, array: ll.Value, atype: T.Array) -> tuple[ll.Value, ll.Value]:
    """[lowest, highest + 1) byte addresses of a non-empty view, as integers."""
    b = fl.b
    base = b.ptrtoint(b.extract_value(array, 0), I64)
    lo, hi = base, b.add(base, I64(atype.dtype.nbytes))
    for k in range(atype.ndim):
        span = b.mul(b.sub(b.extract_value(array, [1, k]), I64(1)), b.extract_value(array, [2, k]))
        neg = b.icmp_signed("<", span, I64(0))
        lo = b.add(lo, b.select(neg, span, I64(0)))
        hi = b.add(hi, b.select(neg, I64(0), span))
    return lo, hi


def _copy(fl, shape: list[ll.Value], arrays, src_strides: list[ll.Value] | None = None) -> None:
    """dst[idx] = convert(src[idx]) over `shape`, last axis innermost.  `arrays` is
    [(dst, type), (src, type)]; `src_strides` replaces the source's (broadcasting)."""
    b = fl.b
    (dst, dtype), (src, stype) = arrays
    ddata, sdata = b.extract_value(dst, 0), b.extract_value(src, 0)
    dstr = [b.extract_value(dst, [2, k]) for k in range(dtype.ndim)]
    sstr = src_strides or [b.extract_value(src, [2, k]) for k in range(stype.ndim)]

    def body(doff, soff):
        sp = b.bitcast(b.gep(sdata, [soff]), memory_type(stype.dtype).as_pointer())
        v = b.load(sp, align=stype.dtype.align)
        if stype.dtype.is_bool:
            v = b.icmp_unsigned("!=", v, I8(0))
        v = arith.cast(fl, v, stype.dtype, dtype.dtype)
        if dtype.dtype.is_bool:
            v = b.zext(v, I8)
        dp = b.bitcast(b.gep(ddata, [doff]), memory_type(dtype.dtype).as_pointer())
        b.store(v, dp, align=dtype.dtype.align)

    strided_loop(fl, shape, [dstr, sstr], lambda offsets: body(*offsets), "copy")


# ----------------------------------------------------------------------------- the arena

def live_counter(ctx: ModuleContext) -> ll.GlobalVariable:
    """`fx$live_blocks`: blocks allocated and not yet freed (atomic: the GIL may be released)."""
    from fastext.compiler.lower.ircontrol import internal_global
    return internal_global(ctx.module, "fx$live_blocks", I64)


def arena_alloc(ctx: ModuleContext) -> ll.Function:
    """`i8* fx$alloc(err*, i64 nbytes)`: a new block linked into the call's arena; NULL if
    the allocation failed (the caller raises MemoryError)."""
    fn = ctx.module.globals.get("fx$alloc")
    if fn is not None:
        return fn
    fn = ll.Function(ctx.module, ll.FunctionType(I8P, [ERRP, I64]), "fx$alloc")
    fn.linkage = "internal"
    err, nbytes = fn.args
    b = ll.IRBuilder(fn.append_basic_block("entry"))
    slot = b.alloca(I8P)
    # a chunk freed by an earlier call first (lower/chunkcache.py): its pages are mapped already
    from fastext.compiler.lower.chunkcache import pop_chunk
    fresh, have = fn.append_basic_block("fresh"), fn.append_basic_block("have")
    b.store(ll.Constant(I8P, None), slot)
    with b.if_then(b.icmp_unsigned("==", nbytes, I64(CHUNK_BYTES))):
        b.store(b.call(pop_chunk(ctx), []), slot)
    b.cbranch(b.icmp_unsigned("==", b.load(slot), ll.Constant(I8P, None)), fresh, have)
    b.position_at_end(fresh)
    memalign = ctx.intrinsic("posix_memalign", I32, [I8P.as_pointer(), I64, I64])
    rc = b.call(memalign, [slot, I64(ALIGN), b.add(nbytes, I64(ALIGN))])
    with b.if_then(b.icmp_signed("!=", rc, I32(0)), likely=False):
        b.ret(ll.Constant(I8P, None))
    b.branch(have)
    b.position_at_end(have)
    block = b.load(slot)
    head = b.bitcast(b.load(b.gep(err, [I32(0), I32(ERR_ARENA)])), I8P.as_pointer())
    hdr = b.bitcast(block, HEADER.as_pointer())
    b.store(nbytes, b.gep(hdr, [I32(0), I32(1)]))
    b.store(ll.Constant(I8P, None), b.gep(hdr, [I32(0), I32(2)]))
    b.store(I64(1), b.gep(hdr, [I32(0), I32(3)]))
    # push onto the arena list with a compare-and-swap: the threads of a prange loop share it
    first = b.load(head)
    push = fn.append_basic_block("push")
    done = fn.append_basic_block("done")
    entry = b.block
    b.branch(push)
    b.position_at_end(push)
    old = b.phi(I8P)
    old.add_incoming(first, entry)
    b.store(old, b.gep(hdr, [I32(0), I32(0)]))
    pair = b.cmpxchg(head, old, block, "acq_rel", "monotonic")
    old.add_incoming(b.extract_value(pair, 0), push)
    b.cbranch(b.extract_value(pair, 1), done, push)
    b.position_at_end(done)
    b.atomic_rmw("add", live_counter(ctx), I64(1), "monotonic")
    data = b.gep(block, [I64(ALIGN)])
    if "linux" in (ctx.module.triple or ""):
        # Large arrays on transparent huge pages, as NumPy's allocator asks: a fresh 8 MB result
        # then costs 4 page faults instead of 2,048 (madvise is advice; its failure is harmless)
        with b.if_then(b.icmp_unsigned(">=", nbytes, I64(HUGE_PAGE_THRESHOLD)), likely=False):
            start = b.and_(b.add(b.ptrtoint(data, I64), I64(4095)), I64(~4095))
            end = b.add(b.ptrtoint(data, I64), nbytes)
            madvise = ctx.intrinsic("madvise", I32, [I8P, I64, I32])
            b.call(madvise, [b.inttoptr(start, I8P), b.sub(end, start), I32(MADV_HUGEPAGE)])
    b.ret(data)
    return fn


def small_alloc(ctx: ModuleContext) -> ll.Function:
    """`i8* fx$alloc_small(err*, i64 nbytes)`: 16-byte aligned memory in the call's arena, carved
    from a chunk (one atomic add) instead of a block of its own (posix_memalign and a push),
    so building many small lists costs little; NULL if memory ran out.  Thread-safe: the threads
    of a prange loop share the chunk, and one that finds it full links a new one (two racing
    threads may both do so: the loser's chunk serves its own request, and is freed with the
    arena like any block)."""
    fn = ctx.module.globals.get("fx$alloc_small")
    if fn is not None:
        return fn
    fn = ll.Function(ctx.module, ll.FunctionType(I8P, [ERRP, I64]), "fx$alloc_small")
    fn.linkage = "internal"
    err, nbytes = fn.args
    b = ll.IRBuilder(fn.append_basic_block("entry"))
    big, small = fn.append_basic_block("big"), fn.append_basic_block("small")
    b.cbranch(b.icmp_unsigned(">", nbytes, I64(SMALL_MAX)), big, small)
    b.position_at_end(big)
    b.ret(b.call(arena_alloc(ctx), [err, nbytes]))
    b.position_at_end(small)
    size = b.and_(b.add(nbytes, I64(15)), I64(~15))
    arena = b.bitcast(b.load(b.gep(err, [I32(0), I32(ERR_ARENA)])), ARENA.as_pointer())
    current = b.gep(arena, [I32(0), I32(1)])
    chunk = b.load_atomic(current, "monotonic", 8)
    carve, fresh = fn.append_basic_block("carve"), fn.append_basic_block("fresh")
    b.cbranch(b.icmp_unsigned("==", chunk, ll.Constant(I8P, None)), fresh, carve)
    b.position_at_end(carve)
    offset = b.atomic_rmw("add", b.bitcast(chunk, I64.as_pointer()), size, "monotonic")
    fits = fn.append_basic_block("fits")
    b.cbranch(b.icmp_unsigned("<=", b.add(offset, size), I64(CHUNK_BYTES - ALIGN)), fits, fresh)
    b.position_at_end(fits)
    b.ret(b.gep(chunk, [b.add(offset, I64(ALIGN))]))
    b.position_at_end(fresh)
    new = b.call(arena_alloc(ctx), [err, I64(CHUNK_BYTES)])
    failed = fn.append_basic_block("failed")
    took = fn.append_basic_block("took")
    b.cbranch(b.icmp_unsigned("==", new, ll.Constant(I8P, None)), failed, took)
    b.position_at_end(failed)
    b.ret(ll.Constant(I8P, None))
    b.position_at_end(took)
    b.store(size, b.bitcast(new, I64.as_pointer()))
    seen = b.load_atomic(current, "monotonic", 8)
    b.cmpxchg(current, seen, new, "acq_rel", "monotonic")
    b.ret(b.gep(new, [I64(ALIGN)]))
    return fn


def free_block(ctx: ModuleContext) -> ll.Function:
    """`void fx$free_block(header*)`: give one block back to the C library (a chunk to the
    module's cache while it has room: lower/chunkcache.py)."""
    fn = ctx.module.globals.get("fx$free_block")
    if fn is not None:
        return fn
    fn = ll.Function(ctx.module, ll.FunctionType(ll.VoidType(), [I8P]), "fx$free_block")
    fn.linkage = "internal"
    b = ll.IRBuilder(fn.append_basic_block("entry"))
    from fastext.compiler.lower.chunkcache import push_chunk
    block = fn.args[0]
    nbytes = b.load(b.gep(b.bitcast(block, HEADER.as_pointer()), [I32(0), I32(1)]))
    with b.if_then(b.icmp_unsigned("==", nbytes, I64(CHUNK_BYTES))):
        with b.if_then(b.call(push_chunk(ctx), [block])):      # kept for the next call
            b.atomic_rmw("sub", live_counter(ctx), I64(1), "monotonic")
            b.ret_void()
    b.call(ctx.intrinsic("free", ll.VoidType(), [I8P]), [block])
    b.atomic_rmw("sub", live_counter(ctx), I64(1), "monotonic")
    b.ret_void()
    return fn


def _new_record(e: ir.Expr) -> bool:
    """`Point(...)` of a mutable struct, or an item of a mutable struct array: a record in the arena."""
    return isinstance(e, (ir.MakeTuple, ir.Index)) and isinstance(e.type, T.Struct) and e.type.mutable


def uses_arena(module: ir.Module, fn: ir.Function) -> bool:
    """Whether a call of `fn` may allocate (it or a function it calls creates an array)."""
    from fastext.compiler import ops
    from fastext.compiler.analysis import callees

    def allocates(stmts) -> bool:
        # an array expression allocates its result (or a temporary when its target overlaps)
        # (a store of a str item keeps it in the arena: lower/kept.py)
        return any(isinstance(sub, ir.ArrayMap) or isinstance(sub, ir.Intrinsic) and ops.get(sub.name).allocates
                   or _new_record(sub) or isinstance(sub, ir.MakeTuple) and T.holds_text(sub.type)
                   or isinstance(sub, ir.Intrinsic) and sub.args and
                   sub.name.startswith(("list.", "dict.")) and T.holds_text(sub.args[0].type)
                   for sub in ir.all_exprs(stmts))

    def holds_list(t) -> bool:      # container arguments and results live in the arena (abi/lists.py)
        return isinstance(t, (T.List, T.Dict, T.Set)) or isinstance(t, T.Struct) and t.mutable or \
            isinstance(t, T.Tuple) and any(map(holds_list, t.items))

    if holds_list(fn.ret) or any(holds_list(p.var.type) for p in fn.params):
        return True
    return any(allocates(module.functions[name].body) for name in {fn.name} | callees(module, fn.name))


def byte_extent(b: ll.IRBuilder, v: ll.Value, t: T.Array) -> tuple[ll.Value, ll.Value, ll.Value]:
    """(first byte, one past the last byte, is-empty) of the elements a view can reach."""
    lo = b.ptrtoint(b.extract_value(v, 0), I64)
    hi = b.add(lo, I64(t.dtype.nbytes))
    empty = ll.Constant(ll.IntType(1), 0)
    for axis in range(t.ndim):
        n = b.extract_value(v, [1, axis])
        span = b.mul(b.sub(n, I64(1)), b.extract_value(v, [2, axis]))
        neg = b.icmp_signed("<", span, I64(0))
        lo = b.add(lo, b.select(neg, span, I64(0)))
        hi = b.add(hi, b.select(neg, I64(0), span))
        empty = b.or_(empty, b.icmp_signed("<=", n, I64(0)))
    return lo, hi, empty


TABLES_HANDLE = 2     # a block's `in_arena` value when its data holds malloc'd pointers to free too


def tables_handle(ctx: ModuleContext) -> ll.Function:
    """`i8* fx$tables_handle(err*)`: a zeroed arena block of two pointers, marked so the call's
    release (abi/arena.py) frees what they hold (a big dict's malloc'd entries and index,
    lower/dicts.py) before the block; NULL if memory ran out."""
    fn = ctx.module.globals.get("fx$tables_handle")
    if fn is not None:
        return fn
    fn = ll.Function(ctx.module, ll.FunctionType(I8P, [ERRP]), "fx$tables_handle")
    fn.linkage = "internal"
    b = ll.IRBuilder(fn.append_basic_block("entry"))
    data = b.call(arena_alloc(ctx), [fn.args[0], I64(16)])
    with b.if_then(b.icmp_unsigned("==", data, ll.Constant(I8P, None)), likely=False):
        b.ret(data)
    slots = b.bitcast(data, I8P.as_pointer())
    b.store(ll.Constant(I8P, None), b.gep(slots, [I64(0)]))
    b.store(ll.Constant(I8P, None), b.gep(slots, [I64(1)]))
    hdr = b.bitcast(b.gep(data, [I64(-ALIGN)]), HEADER.as_pointer())
    b.store(I64(TABLES_HANDLE), b.gep(hdr, [I32(0), I32(3)]))
    b.ret(data)
    return fn


def free_tables(ctx: ModuleContext, b: ll.IRBuilder, block: ll.Value) -> None:
    """Before `block` (a header) is freed: when it is a tables handle, free the memory it records."""
    hdr = b.bitcast(block, HEADER.as_pointer())
    with b.if_then(b.icmp_unsigned("==", b.load(b.gep(hdr, [I32(0), I32(3)])), I64(TABLES_HANDLE)), likely=False):
        slots = b.bitcast(b.gep(block, [I64(ALIGN)]), I8P.as_pointer())
        free = ctx.intrinsic("free", ll.VoidType(), [I8P])
        for k in range(2):
            p = b.load(b.gep(slots, [I64(k)]))
            with b.if_then(b.icmp_unsigned("!=", p, ll.Constant(I8P, None))):
                b.call(free, [p])
                b.atomic_rmw("sub", live_counter(ctx), I64(1), "monotonic")
