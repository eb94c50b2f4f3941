"""The module's cache of freed arena chunks (lower/alloc.py): reused by the next call.

A call that builds many small objects (class instances, list headers, short lists) carves them
from 64 KiB chunks of its arena; the chunks were given back to the C library when the call
returned, which (glibc: the heap's top trimmed, big blocks unmapped) made the next call fault
the same memory in again, page by page — the kernel's page faults were up to half of such a
call's time.  Freed chunks now go to a stack of at most CACHED_CHUNKS (16 MiB) instead, and
`fx$alloc` takes one from there before asking `posix_memalign`.  Only whole chunks of the
standard size are kept: array blocks and the tables of big dicts are freed as before.

The stack is shared by every thread of the process that runs the module's code (prange
workers, Python threads calling with the GIL released, owners dying with the GIL held), so
it is guarded by a spin lock: pushes and pops are a few instructions long.  A cached chunk
is not a live block (`__fastext_live_blocks__()` counts it as freed).
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler.lower.context import I1, I32, I64, I8P, ModuleContext
from fastext.compiler.lower.ircontrol import internal_global

CACHED_CHUNKS = 256
NULL = ll.Constant(I8P, None)


def _globals(ctx: ModuleContext):
    m = ctx.module
    return (internal_global(m, "fx$chunks", I8P), internal_global(m, "fx$chunks.n", I64),
            internal_global(m, "fx$chunks.lock", I32))


def _locked(fn: ll.Function, b: ll.IRBuilder, lock: ll.GlobalVariable) -> ll.IRBuilder:
    """Spin until `lock` is taken (the builder continues in the block that holds it)."""
    spin, held = fn.append_basic_block("spin"), fn.append_basic_block("held")
    b.branch(spin)
    b.position_at_end(spin)
    old = b.atomic_rmw("xchg", lock, I32(1), "acquire")
    b.cbranch(b.icmp_unsigned("==", old, I32(0)), held, spin)
    b.position_at_end(held)
    return b


def _unlock(b: ll.IRBuilder, lock: ll.GlobalVariable) -> None:
    b.store_atomic(I32(0), lock, "release", 4)


def pop_chunk(ctx: ModuleContext) -> ll.Function:
    """`i8* fx$chunk_pop()`: a cached chunk block (its header to be written again), or NULL."""
    fn = ctx.module.globals.get("fx$chunk_pop")
    if fn is not None:
        return fn
    fn = ll.Function(ctx.module, ll.FunctionType(I8P, []), "fx$chunk_pop")
    fn.linkage = "internal"
    head, count, lock = _globals(ctx)
    b = ll.IRBuilder(fn.append_basic_block("entry"))
    # an unlocked peek: an empty cache (the first calls) costs no atomic operation
    some = fn.append_basic_block("some")
    none = fn.append_basic_block("none")
    b.cbranch(b.icmp_unsigned("==", b.load_atomic(head, "monotonic", 8), NULL), none, some)
    b.position_at_end(none)
    b.ret(NULL)
    b.position_at_end(some)
    _locked(fn, b, lock)
    top = b.load(head)
    with b.if_then(b.icmp_unsigned("!=", top, NULL)):
        b.store(b.load(b.bitcast(top, I8P.as_pointer())), head)     # the header's `next` links the stack
        b.store(b.sub(b.load(count), I64(1)), count)
    _unlock(b, lock)
    b.ret(top)
    return fn


def push_chunk(ctx: ModuleContext) -> ll.Function:
    """`i1 fx$chunk_push(i8* block)`: keep a freed chunk block for reuse; false when the cache is
    full (the caller frees it)."""
    fn = ctx.module.globals.get("fx$chunk_push")
    if fn is not None:
        return fn
    fn = ll.Function(ctx.module, ll.FunctionType(I1, [I8P]), "fx$chunk_push")
    fn.linkage = "internal"
    head, count, lock = _globals(ctx)
    b = ll.IRBuilder(fn.append_basic_block("entry"))
    _locked(fn, b, lock)
    n = b.load(count)
    full = b.icmp_unsigned(">=", n, I64(CACHED_CHUNKS))
    with b.if_then(b.not_(full)):
        b.store(b.load(head), b.bitcast(fn.args[0], I8P.as_pointer()))
        b.store(fn.args[0], head)
        b.store(b.add(n, I64(1)), count)
    _unlock(b, lock)
    b.ret(b.not_(full))
    return fn
