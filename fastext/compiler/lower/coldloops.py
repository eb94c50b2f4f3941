"""The checked copy of a versioned loop (lower/hoist.py) as a function of its own.

A versioned loop is lowered twice: the proven copy, which runs, and the checked copy, which
runs only when an index is about to leave its array (or an interval could not be proven).
Kept inline, the checked copy -- every indexing with its compare, wrap and error exit -- is
most of the function's IR (n-body: two thirds), and LLVM's O3 pipeline and code generation
spend their time on it again in every body variant (general, contiguous, no-alias).  Here
it becomes

    status = fx.NAME.checked.K(err, frame)      # cold: the locals it uses in, those it assigns out
    if status != 0: error exit with that status (the record is filled, the site kept)
    locals = frame;  then fall through, return, break or continue as the copy left

one function per loop, shared by the body variants (the copy reads arrays through their
full views, so it is correct for every variant) and lowered once: what it saves is compile
time, while a loop whose check over-approximated into its checked copy still runs fully
optimised code.  It is a unit of its own (compiler/units.py), so a parallel build compiles
it beside the function's hot code.  The frame lives in the caller's entry block and only
the cold path touches it, so the proven loop's locals stay in registers.

Whole loops only (hoist.py): a straight-line run of a loop body sits inside that loop, where
an opaque call, even on the cold path, keeps LLVM from hoisting loads out of it.  Only plain
CPU bodies are outlined: no Python objects (references would have to cross), no exception
handlers or finally frames around the loop, no speculative copy, no recursion guard, no
debug info.  The rest keep the checked copy inline, as before.
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler import types as T
from fastext.compiler.lower.context import I1, I32
from fastext.compiler.lower.function import FunctionLowering

# what the region did, in the frame's first field: fell through, returned, or left the
# enclosing loop k by `continue` (FIRST_LOOP + 2k) or `break` (FIRST_LOOP + 2k + 1)
FELL_THROUGH, RETURNED, FIRST_LOOP = 0, 1, 2

# Outlined from this many versioned indexings up.  A small checked copy is cheap inline, where
# LLVM also sees what the frame would hide (`n = len(v)` bounds `v[j]` for `j < n`) and
# simplifies it: outlined, spectral norm's two-indexing loops compiled slower, not faster.
MIN_ACCESSES = 8

# the attributes of the outlined copy: never inlined back.  Not `optsize`/`minsize`: they saved
# no measurable compile time once the copy is shared by the variants, and made a loop whose
# check over-approximates (so that this copy is what runs) 1.35x slower; `optnone` saved more
# and made it 8x slower -- it is added only where the copy cannot be what runs (`fl.doomed`).
ATTRIBUTES = ("noinline", "nounwind")


def applies(fl: FunctionLowering) -> bool:
    """Whether the checked copy of a region of `fl` may be outlined (see the module doc)."""
    fn = fl.fn
    if type(fl) is not FunctionLowering or fn.target != "cpu" or fl.ctx.debug is not None:
        return False
    if fl.speculation is not None or fl.jump or fl.rec_ctx is not None or fl.depth_check:
        return False
    if fl.err_targets or fl.finallies or getattr(fl, "stashes", None) or getattr(fl, "uses_python", True):
        return False
    if any(depth for _, _, depth in fl.loops):
        return False
    variables = _variables(fl)
    if len(variables) != len(fl.slots):      # a slot the lowering made for itself: keep it inline
        return False
    return not any(isinstance(v.type, (T.PyObj, T.Str)) for v in variables)


def _variables(fl: FunctionLowering) -> list:
    return [v for v in [p.var for p in fl.fn.params] + list(fl.fn.locals) if id(v) in fl.slots]


def _frame_type(fl: FunctionLowering, variables: list) -> ll.LiteralStructType:
    fields = [I32] + [fl.slots[id(v)].type.pointee for v in variables]
    if fl.out is not None:
        fields.append(fl.out.type.pointee)
    if fl.intret is not None:
        fields.append(I1)
    return ll.LiteralStructType(fields)


def emit_checked(fl: FunctionLowering, key: tuple, first, emit) -> None:
    """The checked copy of the loop `first` (`key` names it: the same loop gives the same
    function in every body variant): a call of the outlined copy, which `emit(lowering)`
    lowers once.  Only the variables the loop mentions cross the frame, and only those it
    assigns come back."""
    ctx, b = fl.ctx, fl.b
    variables = _variables(fl)
    frame_t = _frame_type(fl, variables)
    cache = ctx.__dict__.setdefault("_checked_copies", {})
    full_key = (fl.fn.name, key, fl.proven, tuple(fl.loop_labels), len(fl.loops), fl.boundscheck)
    got = cache.get(full_key)
    if got is None:
        llfn = ll.Function(ctx.module, ll.FunctionType(I32, [fl.err.type, frame_t.as_pointer()]),
                           ctx.module.get_unique_name(f"fx.{fl.fn.name}.checked"))
        # a shared body (compiler/units.py): a unit of its own, so a parallel build compiles
        # the checked copies beside the function's hot code rather than after it
        llfn.linkage = "hidden"
        for attr in ATTRIBUTES:
            llfn.attributes.add(attr)
        if fl.doomed:
            # it runs only on the way to an IndexError (bounds.fails_only_into_error): not worth
            # LLVM's time (harness9.fx: ~0.06 s of its ~0.75 s of LLVM; the way to the error
            # runs 2-3x slower, docs/performance.md, "checked copies that can only end in an IndexError")
            llfn.attributes.add("optnone")
        saved = ctx.current_span
        cold = CheckedCopy(fl, llfn, variables, frame_t)
        cold.lower_region(first, emit)
        ctx.current_span = saved
        ctx.current_function = fl.fn
        got = cache[full_key] = (llfn, frozenset(cold.exits))
    llfn, exits = got
    frame = _entry_alloca(fl, frame_t)
    read, written, _ = _uses(fl.fn, first)
    for k, v in enumerate(variables):
        if id(v) in read:
            b.store(b.load(fl.slots[id(v)]), b.gep(frame, [I32(0), I32(1 + k)]))
    status = b.call(llfn, [fl.err, frame])
    with b.if_then(b.icmp_unsigned("!=", status, I32(0)), likely=False):
        fl.error_exit(status)          # the copy's own status: 1, or the site of a failed call
    # back into the slots: only what the loop assigns.  The rest keep the caller's own values
    # (a variant's constant strides and no-alias pointers stay known after the loop), and a
    # local the loop neither reads nor assigns is not kept alive through the proven loop for
    # the frame: copying every local in and out made n-body's step loop carry its dead
    # temporaries in registers, 2.5 % slower
    for k, v in enumerate(variables):
        if id(v) in written:
            b.store(b.load(b.gep(frame, [I32(0), I32(1 + k)])), fl.slots[id(v)])
    if exits == {FELL_THROUGH}:
        return
    how = b.load(b.gep(frame, [I32(0), I32(0)]))
    on = fl.new_block("checked.on")
    switch = b.switch(how, on)
    for code in sorted(exits - {FELL_THROUGH}):
        block = fl.new_block("checked.exit")
        switch.add_case(I32(code), block)
        b.position_at_end(block)
        if code == RETURNED:
            n = 1 + len(variables)
            if fl.out is not None:
                b.store(b.load(b.gep(frame, [I32(0), I32(n)])), fl.out)
                n += 1
            if fl.intret is not None:
                b.store(b.load(b.gep(frame, [I32(0), I32(n)])), fl.intret)
            fl.exit_to(None, 0)
        else:
            k, is_break = divmod(code - FIRST_LOOP, 2)
            cont, brk, depth = fl.loops[k]
            fl.exit_to(brk if is_break else cont, depth, k + 1)
    b.position_at_end(on)


def may_run(loop) -> bool:
    """Whether the checked copy of `loop` may be what runs, not only the way to an IndexError:
    some indexing it proves is guarded (an `if`, a conditional expression or `and`/`or`, a
    `while`, or a `break`/`continue`/`return` that may leave first), so its interval can
    over-approximate the indices the loop really reaches (`if i + 2 < n: a[i + 2]`).  Only then
    does the copy get the jammed and speculative loop copies (lower/jam.py, lower/speculate.py)
    of the proven loop: elsewhere they would double its code for a path that ends in an error."""
    from fastext.compiler import ir
    guards = (ir.If, ir.While, ir.Break, ir.Continue, ir.Return)
    return any(isinstance(st, guards) for st in ir.walk(loop.body)) or \
        any(isinstance(e, (ir.IfExp, ir.BoolOp)) for e in ir.all_exprs(loop.body))


def _uses(fn, loop) -> tuple[set[int], set[int], list]:
    """Ids of the variables the copy of `loop` is handed (those the loop mentions, and those the
    values it recomputes read) and of those the loop may assign (compiler/bounds.py's, whose
    proofs rely on the same set); and the values it recomputes, [(variable, expression)].  A
    versioned loop holds plain statements only (no statement expressions: `bounds._versionable`)."""
    from fastext.compiler import ir
    from fastext.compiler.bounds import written_in
    from fastext.compiler.lower.parallel import rematerialisable
    written = written_in(loop)
    read = {id(e.var) for e in ir.all_exprs([loop]) if isinstance(e, ir.Load)} | written
    remat = [(v, e) for v, e in rematerialisable(fn, loop, [p.var for p in fn.params])
             if id(v) in read and id(v) not in written]
    for _, e in remat:      # (`k = c` recomputed needs `c`, which the loop itself may not mention)
        read |= {id(x.var) for x in ir.walk_exprs(e) if isinstance(x, ir.Load)}
    return read, written, remat


def _entry_alloca(fl: FunctionLowering, ty: ll.Type) -> ll.Value:
    """An alloca at the start of the entry block (one frame however often the loop runs)."""
    entry = ll.IRBuilder(fl.llfn.entry_basic_block)
    entry.position_at_start(fl.llfn.entry_basic_block)
    return entry.alloca(ty, name="checked.frame")


class CheckedCopy(FunctionLowering):
    """Lowers one region's checked copy into `i32 fx.NAME.checked.K(err*, frame*)`: the
    parent's locals copied in from the frame, and back out at every exit but an error."""

    def __init__(self, parent: FunctionLowering, llfn: ll.Function, variables: list, frame_t):
        super().__init__(parent.ctx, parent.fn)
        self.llfn, self.variables, self.frame_t = llfn, variables, frame_t
        self.boundscheck, self.fast_flags = parent.boundscheck, parent.fast_flags
        self.proven = parent.proven
        self.in_fallback = True
        self.doomed = parent.doomed
        self.parent_loops = len(parent.loops)
        self.parent_labels = list(parent.loop_labels)
        self.has_out, self.has_intret = parent.out is not None, parent.intret is not None
        self.exits: set[int] = set()

    def lower_region(self, first, emit) -> None:
        b = self.b = ll.IRBuilder(self.llfn.append_basic_block("entry"))
        self.err, self.frame = self.llfn.args
        self.out = self.intret = None
        if self.has_out:
            self.out = b.alloca(self.frame_t.elements[1 + len(self.variables)], name="result")
        if self.has_intret:
            self.intret = b.alloca(I1, name="result.int")
        self.read, self.written, remat = _uses(self.fn, first)
        self.loop_copies = may_run(first)
        for k, v in enumerate(self.variables):
            self.slots[id(v)] = self.alloca(v)
            value = b.load(b.gep(self.frame, [I32(0), I32(1 + k)])) if id(v) in self.read else \
                ll.Constant(self.slots[id(v)].type.pointee, None)
            b.store(value, self.slots[id(v)])
        self.begin_without_objects()
        # values the function derived from its parameters before the region (`n = len(a)`) are
        # recomputed rather than read from the frame, so LLVM still sees `i < n` bound `a[i]`:
        # where the proof over-approximates and this copy is what runs, it keeps its speed
        for var, value in remat:
            b.store(self.expr(value), self.slots[id(var)])
        # the loops around the region: leaving one hands the parent a code to leave it by
        self.leaving: dict[ll.Block, int] = {}
        for k in range(self.parent_loops):
            cont, brk = self.new_block("leave"), self.new_block("leave")
            self.leaving[cont], self.leaving[brk] = FIRST_LOOP + 2 * k, FIRST_LOOP + 2 * k + 1
            self.loops.append((cont, brk, 0))
        self.loop_labels = list(self.parent_labels)
        emit(self)
        if not self.b.block.is_terminated:
            self._leave(FELL_THROUGH)
        for block, code in self.leaving.items():     # (one the region never takes is dropped by LLVM)
            self.b.position_at_end(block)
            self._leave(code, taken=False)

    def exit_to(self, target, depth: int, loops: int | None = None) -> None:
        if target in self.leaving:
            self.exits.add(self.leaving[target])
        super().exit_to(target, depth, loops)

    def _leave(self, code: int, taken: bool = True) -> None:
        """Copy the locals (and a result) back to the frame, say how the region was left, return 0."""
        b = self.b
        if taken:
            self.exits.add(code)
        for k, v in enumerate(self.variables):
            if id(v) in self.written:
                b.store(b.load(self.slots[id(v)]), b.gep(self.frame, [I32(0), I32(1 + k)]))
        if code == RETURNED:
            n = 1 + len(self.variables)
            if self.out is not None:
                b.store(b.load(self.out), b.gep(self.frame, [I32(0), I32(n)]))
                n += 1
            if self.intret is not None:
                b.store(b.load(self.intret), b.gep(self.frame, [I32(0), I32(n)]))
        b.store(I32(code), b.gep(self.frame, [I32(0), I32(0)]))
        b.ret(I32(0))

    def ret_status(self, status) -> None:
        """A `return` (status 0) hands the result to the parent; an error returns its status."""
        if isinstance(status, int) and status == 0:
            self._leave(RETURNED)
        else:
            self.b.ret(status if isinstance(status, ll.Value) else I32(status))
