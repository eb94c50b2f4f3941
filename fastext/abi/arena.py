"""Arrays returned to Python: the arena's blocks become `numpy.ndarray`s that own them.

After the native call of an entry point whose function may allocate (`lower/alloc.py`),
every array in the result (directly or in a tuple) is looked up in the call's arena by
its data pointer; its block gets an *owner*: an instance of a small heap type made with
`PyType_FromSpec` (Limited API) whose buffer is the block's bytes and whose dealloc
frees it.  The array is `numpy.ndarray(shape, dtype, owner, offset, strides)` — a real,
writable ndarray whose `.base` keeps the owner alive; several arrays (a tuple of
`a` and `a[1:]`) share one owner per block.  Then `fx$arena_release` frees every block
without an owner, on the success and on every error path.  No NumPy C API: `numpy` is
imported on the first array returned, and `numpy.ndarray` kept in a module global.

Blocks and owners only change hands with the GIL held.  A block's `in_arena` flag is set
while the entry point still walks the arena: an owner that dies then (its ndarray failed
to build) only clears `owner`, and the release frees the block.
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler.capi import I32, I64, OBJ, CApi, type_of
from fastext.compiler.lower.alloc import ALIGN, HEADER, free_block, free_tables, live_counter
from fastext.compiler.lower.context import ModuleContext

Py_bf_getbuffer, Py_tp_dealloc = 1, 52
Py_TPFLAGS_DEFAULT, Py_TPFLAGS_DISALLOW_INSTANTIATION = 1 << 18, 1 << 7
METH_NOARGS = 0x0004
OWNER_BLOCK = 2      # the owner object: {ob_refcnt, ob_type, block header*}
OWNER_SIZE = 24
SPEC = ll.LiteralStructType([OBJ, I32, I32, I32, OBJ])     # PyType_Spec
SLOT = ll.LiteralStructType([I32, OBJ])                    # PyType_Slot
NULL = ll.Constant(OBJ, None)


class ArenaEmitter:
    """The per-module helpers, emitted once on first use."""

    def __init__(self, ctx: ModuleContext, api: CApi):
        self.ctx, self.api, self.module = ctx, api, ctx.module

    def _fn(self, name: str, ret: ll.Type, args: list[ll.Type]) -> tuple[ll.Function, ll.IRBuilder | None]:
        existing = self.module.globals.get(name)
        if existing is not None:
            return existing, None
        fn = ll.Function(self.module, ll.FunctionType(ret, args), name)
        fn.linkage = "internal"
        return fn, ll.IRBuilder(fn.append_basic_block("entry"))

    def _global(self, name: str) -> ll.GlobalVariable:
        from fastext.compiler.lower.ircontrol import internal_global
        return internal_global(self.module, name, OBJ)

    # ------------------------------------------------------------------ block headers
    def _hdr(self, b: ll.IRBuilder, block: ll.Value, field: int) -> ll.Value:
        return b.gep(b.bitcast(block, HEADER.as_pointer()), [I32(0), I32(field)])

    def _owner_block(self, b: ll.IRBuilder, owner: ll.Value) -> ll.Value:
        return b.gep(b.bitcast(owner, OBJ.as_pointer()), [I64(OWNER_BLOCK)])

    def release(self) -> ll.Function:
        """`void fx$arena_release(block *head)`: free every block no owner took over (and the
        tables a dict's handle block records); the others leave the arena (their owner frees them)."""
        fn, b = self._fn("fx$arena_release", ll.VoidType(), [OBJ])
        if b is None:
            return fn
        entry = b.block
        head, step, done = (fn.append_basic_block(x) for x in ("head", "step", "done"))
        b.branch(head)
        b.position_at_end(head)
        blk = b.phi(OBJ)
        blk.add_incoming(fn.args[0], entry)
        b.cbranch(b.icmp_unsigned("==", blk, NULL), done, step)
        b.position_at_end(step)
        nxt = b.load(self._hdr(b, blk, 0))
        owned = b.icmp_unsigned("!=", b.load(self._hdr(b, blk, 2)), NULL)
        with b.if_else(owned) as (then, otherwise):
            with then:
                b.store(I64(0), self._hdr(b, blk, 3))
            with otherwise:
                free_tables(self.ctx, b, blk)     # a big dict's malloc'd tables (lower/dicts.py)
                b.call(free_block(self.ctx), [blk])
        blk.add_incoming(nxt, b.block)
        b.branch(head)
        b.position_at_end(done)
        b.ret_void()
        return fn

    def _find(self) -> ll.Function:
        """`block *fx$arena_find(block *head, i8 *data)`: the block holding `data` (its end included,
        where an empty view may point), or NULL."""
        fn, b = self._fn("fx$arena_find", OBJ, [OBJ, OBJ])
        if b is None:
            return fn
        entry = b.block
        head, test, nope, found = (fn.append_basic_block(x) for x in ("head", "test", "nope", "found"))
        data = b.ptrtoint(fn.args[1], I64)
        b.branch(head)
        b.position_at_end(head)
        blk = b.phi(OBJ)
        blk.add_incoming(fn.args[0], entry)
        b.cbranch(b.icmp_unsigned("==", blk, NULL), nope, test)
        b.position_at_end(test)
        start = b.add(b.ptrtoint(blk, I64), I64(ALIGN))
        end = b.add(start, b.load(self._hdr(b, blk, 1)))
        inside = b.and_(b.icmp_unsigned(">=", data, start), b.icmp_unsigned("<=", data, end))
        blk.add_incoming(b.load(self._hdr(b, blk, 0)), test)
        b.cbranch(inside, found, head)
        b.position_at_end(nope)
        b.ret(NULL)
        b.position_at_end(found)
        b.ret(blk)
        return fn

    # ------------------------------------------------------------------ the owner type
    def _owner_type(self) -> ll.Function:
        fn, b = self._fn("fx$owner_type", OBJ, [])
        if b is None:
            return fn
        cache = self._global("fx$owner.type")
        cached = b.load(cache)
        with b.if_then(b.icmp_unsigned("!=", cached, NULL)):
            b.ret(cached)
        slots_t = ll.ArrayType(SLOT, 3)
        slots = ll.GlobalVariable(self.module, slots_t, "fx$owner.slots")
        slots.initializer = ll.Constant(slots_t, [
            ll.Constant(SLOT, [I32(Py_bf_getbuffer), self._getbuffer().bitcast(OBJ)]),
            ll.Constant(SLOT, [I32(Py_tp_dealloc), self._dealloc().bitcast(OBJ)]),
            ll.Constant(SLOT, [I32(0), NULL])])
        slots.linkage = "internal"
        spec = ll.GlobalVariable(self.module, SPEC, "fx$owner.spec")
        spec.initializer = ll.Constant(SPEC, [self.ctx.cstring("fastext.ArrayMemory"), I32(OWNER_SIZE), I32(0),
                                              I32(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION),
                                              slots.bitcast(OBJ)])
        spec.linkage = "internal"
        tp = self.api.call(b, "PyType_FromSpec", spec.bitcast(OBJ))
        b.store(tp, cache)
        b.ret(tp)
        return fn

    def _getbuffer(self) -> ll.Function:
        """The owner's buffer: the block's bytes, writable (`PyBuffer_FillInfo`)."""
        fn, b = self._fn("fx$owner.getbuffer", I32, [OBJ, OBJ, I32])
        if b is None:
            return fn
        owner, view, flags = fn.args
        blk = b.load(self._owner_block(b, owner))
        data = b.gep(blk, [I64(ALIGN)])
        nbytes = b.load(self._hdr(b, blk, 1))
        b.ret(self.api.call(b, "PyBuffer_FillInfo", view, owner, data, nbytes, I32(0), flags))
        return fn

    def _dealloc(self) -> ll.Function:
        fn, b = self._fn("fx$owner.dealloc", ll.VoidType(), [OBJ])
        if b is None:
            return fn
        owner = fn.args[0]
        blk = b.load(self._owner_block(b, owner))
        in_arena = b.icmp_unsigned("!=", b.load(self._hdr(b, blk, 3)), I64(0))
        with b.if_else(in_arena) as (then, otherwise):
            with then:    # still in the entry point's arena: its release frees the block
                b.store(NULL, self._hdr(b, blk, 2))
            with otherwise:
                b.call(free_block(self.ctx), [blk])
        tp = type_of(b, owner)
        self.api.call(b, "PyObject_Free", owner)
        self.api.call(b, "Py_DecRef", tp)     # heap-type instances hold a reference to their type
        b.ret_void()
        return fn

    def _ndarray(self) -> ll.Function:
        """`numpy.ndarray`, imported once (a borrowed reference; NULL with an exception set)."""
        fn, b = self._fn("fx$ndarray", OBJ, [])
        if b is None:
            return fn
        cache = self._global("fx$numpy.ndarray")
        cached = b.load(cache)
        with b.if_then(b.icmp_unsigned("!=", cached, NULL)):
            b.ret(cached)
        np = self.api.call(b, "PyImport_ImportModule", self.ctx.cstring("numpy"))
        with b.if_then(b.icmp_unsigned("==", np, NULL), likely=False):
            b.ret(NULL)
        nd = self.api.call(b, "PyObject_GetAttrString", np, self.ctx.cstring("ndarray"))
        self.api.call(b, "Py_DecRef", np)
        b.store(nd, cache)
        b.ret(nd)
        return fn

    # ------------------------------------------------------------------ boxing
    def box_array(self, ndim: int) -> ll.Function:
        """`PyObject *fx$box_array.N(block *head, view *v, char *dtype)`: the ndarray of an
        N-D view whose memory is a block of the arena (new reference, or NULL and an exception)."""
        fn, b = self._fn(f"fx$box_array.{ndim}", OBJ, [OBJ, OBJ, OBJ])
        if b is None:
            return fn
        head, view, dtype = fn.args
        words = b.bitcast(view, I64.as_pointer())
        data = b.load(b.bitcast(view, OBJ.as_pointer()))
        shape = [b.load(b.gep(words, [I64(1 + k)])) for k in range(ndim)]
        strides = [b.load(b.gep(words, [I64(1 + ndim + k)])) for k in range(ndim)]
        size = I64(1)
        for d in shape:
            size = b.mul(size, d)
        with b.if_then(b.icmp_signed("==", size, I64(0)), likely=False):
            # an empty view may point anywhere (a[::-1] of an empty a: before the block); it
            # holds no memory, so it is a fresh empty ndarray of its shape and dtype
            nd = b.call(self._ndarray(), [])
            with b.if_then(b.icmp_unsigned("==", nd, NULL), likely=False):
                b.ret(NULL)
            args = self.api.call(b, "Py_BuildValue", self.ctx.cstring(f"(({'L' * ndim})s)"), *shape, dtype)
            with b.if_then(b.icmp_unsigned("==", args, NULL), likely=False):
                b.ret(NULL)
            result = self.api.call(b, "PyObject_Call", nd, args, NULL)
            self.api.call(b, "Py_DecRef", args)
            b.ret(result)
        blk = b.call(self._find(), [head, data])
        with b.if_then(b.icmp_unsigned("==", blk, NULL), likely=False):
            self.api.call(b, "PyErr_SetString", self.api.exc(b, "PyExc_SystemError"),
                          self.ctx.cstring("fastext: a returned array's memory does not belong to the call"))
            b.ret(NULL)
        slot = self._hdr(b, blk, 2)
        existing = b.load(slot)
        pre = b.block
        make, have = fn.append_basic_block("make"), fn.append_basic_block("have")
        b.cbranch(b.icmp_unsigned("==", existing, NULL), make, have)
        b.position_at_end(make)
        tp = b.call(self._owner_type(), [])
        with b.if_then(b.icmp_unsigned("==", tp, NULL), likely=False):
            b.ret(NULL)
        new = self.api.call(b, "PyType_GenericAlloc", tp, I64(0))
        with b.if_then(b.icmp_unsigned("==", new, NULL), likely=False):
            b.ret(NULL)
        b.store(blk, self._owner_block(b, new))
        b.store(new, slot)
        made = b.block
        b.branch(have)
        b.position_at_end(have)
        owner = b.phi(OBJ)
        owner.add_incoming(existing, pre)
        owner.add_incoming(new, made)
        with b.if_then(b.icmp_unsigned("==", owner, existing)):
            self.api.call(b, "Py_IncRef", owner)
        nd = b.call(self._ndarray(), [])
        with b.if_then(b.icmp_unsigned("==", nd, NULL), likely=False):
            self.api.call(b, "Py_DecRef", owner)
            b.ret(NULL)
        offset = b.sub(b.ptrtoint(data, I64), b.add(b.ptrtoint(blk, I64), I64(ALIGN)))
        fmt = f"(({'L' * ndim})sOL({'L' * ndim}))"
        args = self.api.call(b, "Py_BuildValue", self.ctx.cstring(fmt), *shape, dtype, owner, offset, *strides)
        self.api.call(b, "Py_DecRef", owner)      # the argument tuple holds it now
        with b.if_then(b.icmp_unsigned("==", args, NULL), likely=False):
            b.ret(NULL)
        result = self.api.call(b, "PyObject_Call", nd, args, NULL)
        self.api.call(b, "Py_DecRef", args)
        b.ret(result)
        return fn

    def live_blocks_method(self) -> tuple[str, ll.Function, int, str]:
        """`__fastext_live_blocks__()`: blocks allocated by the module and not yet freed (for tests)."""
        fn, b = self._fn("fx$live_blocks.report", OBJ, [OBJ, OBJ])
        count = b.load_atomic(live_counter(self.ctx), "monotonic", 8)
        b.ret(self.api.call(b, "PyLong_FromLongLong", count))
        return "__fastext_live_blocks__", fn, METH_NOARGS, \
            "__fastext_live_blocks__()\n--\n\nArrays allocated by this module's native code and not yet freed."
