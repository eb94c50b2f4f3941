"""References to Python objects held by native containers: `str` items, keys and values.

A native container (a list, dict or set in the call's arena) stores a `str` item as a plain
`PyObject*`.  The reference that keeps it alive belongs to the call's arena, not to the
container: every store of an object into container memory registers one new reference in the
arena's *kept* chain (`fx$keep`), and the entry point releases them all when the call returns
(`fx$arena_unkeep`, before the blocks are freed, with the GIL held), on every path.  So item
pointers copy freely between containers (slices, `+`, `copy`, sorting, `xs[a:b] = ys`) with no
reference counting, exactly as the containers' own memory does, and an overwritten or removed
item stays alive until the call ends (never freed twice, never read after it is freed).

The chain lives in the arena's third field (`alloc.ARENA`): chunks carved from the arena
(`fx$alloc_small`) of `{i64 count, chunk *prev, PyObject *objs[KEEP_N]}`.  Objects are only
ever touched with the GIL held, so the chain needs no atomics.
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler.capi import CApi
from fastext.compiler.lower.context import ERR_ARENA, ERRP, I32, I64, I8P
from fastext.compiler.lower.ircontrol import for_range, internal_function

KEPT = 2                                   # the arena field holding the newest chunk
KEEP_N = 126                               # objects per chunk: 16 + 126 * 8 = 1024 bytes
CHUNK = ll.LiteralStructType([I64, I8P, ll.ArrayType(I8P, KEEP_N)])
CHUNK_BYTES = 16 + 8 * KEEP_N           # at most alloc.SMALL_MAX: carved from the arena's chunks
NULL = ll.Constant(I8P, None)


def _arena(b: ll.IRBuilder, arena: ll.Value) -> ll.Value:
    from fastext.compiler.lower.alloc import ARENA
    return b.bitcast(arena, ARENA.as_pointer())


def keep_function(ctx) -> ll.Function:
    """`i32 fx$keep(err*, PyObject *obj)`: a new reference to `obj` registered in the call's
    arena (0), or 1 when memory ran out (no reference taken then)."""
    fn, b = internal_function(ctx.module, "fx$keep", I32, [ERRP, I8P])
    if b is None:
        return fn
    from fastext.compiler.lower.alloc import small_alloc
    err, obj = fn.args
    arena = _arena(b, b.load(b.gep(err, [I32(0), I32(ERR_ARENA)])))
    head = b.gep(arena, [I32(0), I32(KEPT)])
    chunk = b.bitcast(b.load(head), CHUNK.as_pointer())
    count = b.gep(chunk, [I32(0), I32(0)])
    room = fn.append_basic_block("room")
    fresh = fn.append_basic_block("fresh")
    store = fn.append_basic_block("store")
    b.cbranch(b.icmp_unsigned("==", chunk, ll.Constant(CHUNK.as_pointer(), None)), fresh, room)
    b.position_at_end(room)
    b.cbranch(b.icmp_signed("<", b.load(count), I64(KEEP_N)), store, fresh)
    b.position_at_end(fresh)
    new = b.call(small_alloc(ctx), [err, I64(CHUNK_BYTES)])
    with b.if_then(b.icmp_unsigned("==", new, NULL), likely=False):
        b.ret(I32(1))
    typed = b.bitcast(new, CHUNK.as_pointer())
    b.store(I64(0), b.gep(typed, [I32(0), I32(0)]))
    b.store(b.bitcast(chunk, I8P), b.gep(typed, [I32(0), I32(1)]))
    b.store(new, head)
    b.branch(store)
    b.position_at_end(store)
    current = b.bitcast(b.load(head), CHUNK.as_pointer())
    at = b.gep(current, [I32(0), I32(0)])
    n = b.load(at)
    b.store(obj, b.gep(current, [I32(0), I32(2), n]))
    b.store(b.add(n, I64(1)), at)
    CApi(ctx.module).call(b, "Py_IncRef", obj)
    b.ret(I32(0))
    return fn



def keep(fl, obj: ll.Value) -> None:
    """Inside a function body: `obj` (a borrowed pointer about to be stored in a container)
    kept alive until the call returns; MemoryError when the chain cannot grow."""
    rc = fl.b.call(keep_function(fl.ctx), [fl.err, obj])
    fl.fail_if(fl.b.icmp_signed("!=", rc, I32(0)), "MemoryError", None)


def unkeep_function(ctx) -> ll.Function:
    """`void fx$arena_unkeep(arena*)`: release every kept reference (newest first) and empty the
    chain; the chunks themselves are freed with the arena's blocks."""
    fn, b = internal_function(ctx.module, "fx$arena_unkeep", ll.VoidType(), [I8P])
    if b is None:
        return fn
    api = CApi(ctx.module)
    head = b.gep(_arena(b, fn.args[0]), [I32(0), I32(KEPT)])
    start = b.load(head)
    loop, body, done = (fn.append_basic_block(x) for x in ("chunk", "objs", "done"))
    entry = b.block
    b.branch(loop)
    b.position_at_end(loop)
    chunk = b.phi(I8P)
    chunk.add_incoming(start, entry)
    b.position_at_end(loop)
    b.cbranch(b.icmp_unsigned("==", chunk, NULL), done, body)
    b.position_at_end(body)
    typed = b.bitcast(chunk, CHUNK.as_pointer())
    n = b.load(b.gep(typed, [I32(0), I32(0)]))
    for_range(b, I64(0), n, lambda k: api.call(b, "Py_DecRef", b.load(b.gep(typed, [I32(0), I32(2), k]))))
    chunk.add_incoming(b.load(b.gep(typed, [I32(0), I32(1)])), b.block)
    b.branch(loop)
    b.position_at_end(done)
    b.store(NULL, head)
    b.ret_void()
    return fn
