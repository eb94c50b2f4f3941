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

fork(): a child has only the thread that forked, so a lock another thread held at that moment
would never be released there, and the child's first push would spin forever.  The module's
exec slot (`fork_exec_slot`) registers a child handler with the C library (pthread_atfork;
glibc's `__register_atfork`, which its pthread_atfork stub calls, since that stub is a static
archive the JIT cannot resolve): it frees the lock and, when a thread held it mid-update,
forgets the cached chunks (left to the child's copy-on-write pages, never touched) instead of
trusting a half-written stack.  It costs nothing on the allocation path, unlike a process-id
check at every lock (a system call: as much again as a one-chunk call).
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler.lower.context import I1, I32, I64, I8P, ModuleContext
from fastext.compiler.platforms import host_triple
from fastext.compiler.lower.ircontrol import internal_global

CACHED_CHUNKS = 256
NULL = ll.Constant(I8P, None)


def _registered(ctx: ModuleContext) -> ll.GlobalVariable:
    return internal_global(ctx.module, "fx$chunks.atfork", I32)


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


def has_cache(ctx: ModuleContext) -> bool:
    """Whether the module emitted the cache (some entry point's arena frees chunks into it)."""
    return ctx.module.globals.get("fx$chunks.lock") is not None


def _after_fork_child(ctx: ModuleContext) -> ll.Function:
    """`void fx$chunks.child()`: the fork child handler (module docstring)."""
    fn = ll.Function(ctx.module, ll.FunctionType(ll.VoidType(), []), "fx$chunks.child")
    fn.linkage = "internal"
    head, count, lock = _globals(ctx)
    b = ll.IRBuilder(fn.append_basic_block("entry"))
    # a free lock means no thread was inside a push or pop: the stack the child sees is whole
    with b.if_then(b.icmp_unsigned("!=", b.load_atomic(lock, "acquire", 4), I32(0)), likely=False):
        b.store(NULL, head)
        b.store(I64(0), count)
    _unlock(b, lock)
    b.ret_void()
    return fn


def fork_exec_slot(ctx: ModuleContext) -> ll.Function:
    """`int fx$chunks.exec(PyObject *module)`: register the fork child handler, once per loaded
    module (a module imported again runs its exec slot again); 0 always (a C library that
    refuses only leaves fork unguarded, as before)."""
    fn = ll.Function(ctx.module, ll.FunctionType(I32, [I8P]), "fx$chunks.exec")
    fn.linkage = "internal"
    b = ll.IRBuilder(fn.append_basic_block("entry"))
    done = _registered(ctx)
    first = b.extract_value(b.cmpxchg(done, I32(0), I32(1), "acq_rel", "monotonic"), 1)
    with b.if_then(first):
        handler_t = ll.FunctionType(ll.VoidType(), []).as_pointer()
        none = ll.Constant(handler_t, None)
        child = _after_fork_child(ctx)
        triple = ctx.module.triple or host_triple()
        if "linux-gnu" in triple:
            register = ctx.intrinsic("__register_atfork", I32, [handler_t, handler_t, handler_t, I8P])
            # no DSO handle: the handler is never unregistered (extension modules are never unloaded)
            b.call(register, [none, none, child, NULL])
        else:
            register = ctx.intrinsic("pthread_atfork", I32, [handler_t, handler_t, handler_t])
            b.call(register, [none, none, child])
    b.ret(I32(0))
    return fn
