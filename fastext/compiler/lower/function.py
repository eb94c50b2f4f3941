"""Lowers one typed-IR function to an LLVM function (the native body, no Python API)."""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.lower import arith
from fastext.compiler.lower.exceptions import ExceptionLowering, FinallyFrame, literal_text as _literal
from fastext.compiler.lower.objects import ObjectLowering
from fastext.compiler.builtins import EXC_CODE
from fastext.compiler.lower.context import (
    ERRP, I1, I32, I64, I8, I8P, ModuleContext, fill_error, memory_type, record_type, scalar_type, site, value_type,
)


# The largest array dimension (abi/runtime.py rejects larger ones at the entry point).
MAX_DIM = 2 ** 53


def _is_int64(t: T.Scalar) -> bool:
    return t.is_int and t.bits == 64


def _divisibility(e: ir.Compare) -> ir.BinOp | None:
    """The `a % b` of a comparison `a % b == 0` / `!= 0` on signed integers of one type."""
    if len(e.ops) != 1 or e.ops[0] not in ("==", "!="):
        return None
    mod, zero = e.operands
    t = e.cmp_types[0]
    if not (isinstance(mod, ir.BinOp) and mod.op == "%" and isinstance(zero, ir.Const)
            and type(zero.value) is int and zero.value == 0):
        return None
    if not (isinstance(t, T.Scalar) and t.is_int and t.signed and mod.type == t):
        return None
    return mod


def _mixed_u64(a: T.Scalar, b: T.Scalar) -> bool:
    """One operand is u64 and the other a signed integer (bool counts as unsigned)."""
    return (a == T.U64 and b.is_int and b.signed) or (b == T.U64 and a.is_int and a.signed)


def _wide_int(e: ir.Expr) -> bool:
    """An int operand that may lie beyond 2**53 (converting it to f64 may round)."""
    if isinstance(e, ir.Const):
        return abs(int(e.value)) > 2 ** 53
    return e.value.type.bits > 53


def native_signature(fn: ir.Function) -> ll.FunctionType:
    """`i32 (err*, params...)`, or `{i32, T} (err*, params...)` for a function returning T:
    the status and the result come back in registers (recursion stays cheap)."""
    params: list[ll.Type] = [ERRP] + [value_type(p.var.type) for p in fn.params]
    return ll.FunctionType(result_type(fn.ret), params)


def lists_reusable() -> tuple[str, ...]:
    from fastext.compiler.lower.lists import REUSABLE
    return REUSABLE


def result_type(ret: T.Type) -> ll.Type:
    return I32 if ret == T.NONE else ll.LiteralStructType([I32, value_type(ret)])


def store_loop(body: list[ir.Stmt]) -> bool:
    """An innermost loop body that carries no value from one iteration to the next but integer
    counters (it only stores, each local assigned before it is read, or stepped by a constant:
    `k += 1`): its vector loop needs no interleaving."""
    assigns = [s for s in ir.walk(body) if isinstance(s, ir.Assign)]
    counters = {id(s.var) for s in assigns if _counter_step(s)} - \
        {id(s.var) for s in assigns if not _counter_step(s)}
    assigned = {id(s.var) for s in assigns} - counters
    defined: set[int] = set()
    for s in body:
        nested = list(ir.walk([s]))         # s itself first
        if any(isinstance(t, (ir.ForRange, ir.While)) for t in nested):
            return False
        reads = {id(e.var) for t in nested for c in ir.children(t) for e in ir.walk_exprs(c)
                 if isinstance(e, ir.Load)}
        if (reads & assigned) - defined:
            return False
        if isinstance(s, ir.Assign):
            defined.add(id(s.var))
    return True


def _counter_step(s: ir.Assign) -> bool:
    """`k = k + c` / `k = k - c` of an integer local and a constant: an induction variable."""
    v = s.value
    return isinstance(v, ir.BinOp) and v.op in ("+", "-") and isinstance(s.var.type, T.Scalar) \
        and s.var.type.is_int and isinstance(v.left, ir.Load) and v.left.var is s.var and isinstance(v.right, ir.Const)


def _no_interleave(module: ll.Module) -> ll.MDValue:
    """Loop metadata: vectorise, but one vector iteration at a time.  LLVM interleaves a
    vectorised loop four times to hide the latency of carried values; a loop that carries none
    gains nothing from it, and its vector loop then needs 32 doubles a trip before it runs at
    all (NumPy's `repeat` by hand, 8 items a row: 33 µs with interleaving, 19 µs without)."""
    once = module.add_metadata([ll.MetaDataString(module, "llvm.loop.interleave.count"), ll.Constant(I32, 1)])
    count = getattr(module, "_fastext_store_loops", 0) + 1
    module._fastext_store_loops = count
    # a loop ID is a node whose first operand is itself; the name keeps each loop's node its own
    node = module.add_metadata([ll.MetaDataString(module, f"fastext.store.{count}"), once])
    node.operands = (node,) + tuple(node.operands[1:])
    return node


def _cold_loop(module: ll.Module) -> ll.MDValue:
    """Loop metadata for the loops of a checked copy that runs only on the way to an IndexError
    (`bounds.fails_only_into_error`): neither vectorised nor unrolled.  Such copies were a large
    share of what LLVM optimised and compiled, for code that raises."""
    hints = getattr(module, "_fastext_cold_hints", None)
    if hints is None:
        hints = module._fastext_cold_hints = [
            module.add_metadata([ll.MetaDataString(module, "llvm.loop.vectorize.enable"), ll.Constant(ll.IntType(1), 0)]),
            module.add_metadata([ll.MetaDataString(module, "llvm.loop.unroll.disable")])]
    count = getattr(module, "_fastext_cold_loops", 0) + 1
    module._fastext_cold_loops = count
    # a loop ID is a node whose first operand is itself; the name keeps each loop's node its own
    node = module.add_metadata([ll.MetaDataString(module, f"fastext.cold.{count}"), *hints])
    node.operands = (node,) + tuple(node.operands[1:])
    return node


INLINE_IN_LOOPS_STATEMENTS = 24


def inline_in_loops(ctx: ModuleContext, name: str) -> bool:
    """Whether calls of `name` inside loops are always inlined: a CPU function of at most
    INLINE_IN_LOOPS_STATEMENTS statements (nested ones counted) with no loop inside a loop."""
    memo = ctx.__dict__.setdefault("_inline_in_loops", {})
    if name not in memo:
        fn = getattr(ctx.ir_module, "functions", {}).get(name)
        memo[name] = fn is not None and fn.target == "cpu" and _small_leaf(fn.body)
    return memo[name]


def _small_leaf(body: list[ir.Stmt]) -> bool:
    count = 0
    for s in ir.walk(body):
        count += 1
        if count > INLINE_IN_LOOPS_STATEMENTS:
            return False
        if isinstance(s, (ir.ForRange, ir.While)) and any(
                isinstance(t, (ir.ForRange, ir.While)) for inner in ir.bodies(s) for t in ir.walk(inner)):
            return False
    return True


class FunctionLowering(ExceptionLowering, ObjectLowering):
    """Emits the body of `fn` into the already-declared `ctx.functions[fn.name]`."""

    speculation = None    # set while a speculative loop copy is emitted (lower/speculate.py)
    jump = False          # lowered as fx.NAME.r (lower/recursion.py): calls in its cycle pass `rec_ctx`
    depth_check = False   # a recursive function's own body: its calls in the cycle check the stack
    rec_ctx = None
    proven: frozenset = frozenset()   # ids of indexings proven in range here (lower/hoist.py)
    in_fallback = False               # lowering the checked copy of a versioned loop
    doomed = False                    # ... one that runs only on the way to an IndexError
    shares_raises = True              # checks may branch to one error exit per function (shared_raise)
    # whether loops get the extra copies of lower/jam.py and lower/speculate.py: function bodies
    # and the outlined checked copies of their loops (lower/coldloops.py: where a check
    # over-approximates, that copy is what runs), not prange workers nor device code
    loop_copies = True

    def __init__(self, ctx: ModuleContext, fn: ir.Function, contiguous: bool = False, noalias: bool = False):
        """`contiguous`: emit the variant the entry point calls when every array argument's
        innermost stride is its item size; knowing that constant lets LLVM vectorise.
        `noalias` (with `contiguous`): the variant for pairwise disjoint arrays (abi/noalias.py)."""
        self.ctx, self.fn = ctx, fn
        self.contiguous = contiguous
        self.llfn = ctx.noalias[fn.name] if noalias else ctx.contiguous[fn.name] if contiguous else \
            ctx.bodies.get(fn.name, ctx.functions[fn.name])
        self.slots: dict[int, ll.Value] = {}
        # (continue target, break target, number of finally frames outside the loop)
        self.loops: list[tuple[ll.Block, ll.Block, int]] = []
        self.loop_labels: list[str | None] = []     # beside `loops`: each loop's `ForRange.label`
        # Exception handling: where an error exit goes (innermost last; none: `ret 1`), the
        # finally frames being protected, and the saved records of the except clauses being
        # lowered (what a bare `raise` re-raises).
        self.err_targets: list[ll.Block] = []
        self.finallies: list[FinallyFrame] = []
        self.caught: list[ll.Value] = []
        self.boundscheck = ctx.boundscheck and fn.boundscheck
        # fastmath: reassociation and contraction (so reductions vectorise); NaN and inf keep their meaning
        self.fast_flags = ("reassoc", "contract", "nsz", "arcp") if fn.fastmath else ()
        if fn.inline:
            self.llfn.attributes.add("alwaysinline")
        self.self_call: ll.Function | None = None   # where self-calls go (lower/recursion.py)
        self.b: ll.IRBuilder

    # ---------------------------------------------------------------- frame
    def lower(self) -> None:
        fn, llfn = self.fn, self.llfn
        self.ctx.current_function = fn      # tracebacks name it (lower/context.py: site)
        entry = llfn.append_basic_block("entry")
        self.b = ll.IRBuilder(entry)
        self.locate(fn.span)
        args = list(llfn.args)
        self.err = args.pop(0)
        # a recursive function in jump mode (lower/recursion.py): the guard's record comes next
        self.rec_ctx = args.pop(0) if self.jump else None
        data = iter(args[len(fn.params):])   # the noalias variant's data pointers, one per array
        # the result slot: `return x` stores here, every exit returns {status, slot}
        self.out = None
        if fn.ret != T.NONE:
            self.out = self.b.alloca(value_type(fn.ret), name="result")
            self.b.store(ll.Constant(value_type(fn.ret), None), self.out)
        # the int flag of the result (frontend/intflags.py), beside the slot: written to the
        # error record at the exit, after any finally block (whose calls may store their own)
        self.intret = None
        if fn.int_return:       # a tuple result: one bit per item (intflags._item_bits)
            flag_t = I64 if isinstance(fn.ret, (T.Tuple, T.List, T.Dict)) else I1
            self.intret = self.b.alloca(flag_t, name="result.int")
            self.b.store(flag_t(0), self.intret)
        for p, arg in zip(fn.params, args):
            arg.name = p.var.name
            self.slots[id(p.var)] = self.alloca(p.var)
            value = arg
            if self.contiguous and isinstance(p.var.type, T.Array):
                t = p.var.type
                value = self.b.insert_value(arg, I64(t.dtype.nbytes), [2, t.ndim - 1])
                ptr = next(data, None)
                if ptr is not None:
                    value = self.b.insert_value(value, self.b.bitcast(ptr, arg.type.elements[0]), 0)
            self.b.store(value, self.slots[id(p.var)])
            if self.ctx.debug is not None:
                self.ctx.debug.declare(self.b, llfn, self.slots[id(p.var)], p.var, fn.span, arg=len(self.slots))
        for var in fn.locals:
            slot = self.alloca(var)
            self.slots[id(var)] = slot
            if self.ctx.debug is not None:
                self.ctx.debug.declare(self.b, llfn, slot, var, fn.span)
            # zero-initialised: a read before assignment (UnboundLocalError in Python) reads zero
            self.b.store(ll.Constant(slot.type.pointee, None), slot)
        self.begin_objects()
        self.block(fn.body)
        if not self.b.block.is_terminated:
            self.ret_status(0)

    def alloca(self, var: ir.Var) -> ll.Value:
        return self.b.alloca(value_type(var.type), name=var.name.replace("$", "tmp."))

    def new_block(self, name: str) -> ll.Block:
        return self.llfn.append_basic_block(name)

    def wrap_index(self, idx: ll.Value, n: ll.Value, exc: str, fmt: str | None,
                   args: tuple[ll.Value, ...] = ()) -> ll.Value:
        """`idx` made an offset in [0, n): Python's negative indices count from the end, and
        (with bounds checks on) anything else is `exc`.

        One unsigned compare decides the common case, `0 <= idx < n`, and the wrap of a negative
        index and its check sit in a cold block: the hot path of an indexing in a loop is a
        compare and a branch, with no select on the index's dependency chain (as C++'s
        `at()`), and `idx ult n` is a fact LLVM's loop passes reason with directly."""
        b = self.b
        before = b.block
        with b.if_then(b.icmp_unsigned(">=", idx, n), likely=False):
            # idx + n lands in [0, n) only for a negative idx in [-n, 0); a large idx stays >= n
            # unsigned even when the sum overflows (it turns negative)
            wrapped = b.add(idx, n)
            if self.boundscheck:
                self.fail_if(b.icmp_unsigned(">=", wrapped, n), exc, fmt, args)
            cold = b.block
        phi = b.phi(idx.type)
        phi.add_incoming(idx, before)
        phi.add_incoming(wrapped, cold)
        return phi

    def fail_if(self, cond: ll.Value, exc: str, fmt: str | None, args: tuple[ll.Value, ...] = (),
                deferrable: bool = False) -> None:
        """Branch to an error exit when `cond` holds; the exit fills the error record and returns 1.

        `fmt` is a PyErr_Format format when `args` are given, else literal text (or None).
        `deferrable`: the code after the check stays harmless when `cond` holds (a division
        whose divisor the caller makes safe), so inside a speculative loop the check only
        sets the loop's flag and the body stays branch-free (lower/speculate.py).
        """
        if deferrable and self.speculation is not None:
            spec = self.speculation
            self.b.store(self.b.or_(self.b.load(spec.flag), cond), spec.flag)
            return
        fmt = _literal(fmt) if not args else fmt
        if self.shares_raises and self.fn.target == "cpu" and self.speculation is None and not self.err_targets \
                and not self.finallies and not getattr(self, "uses_python", True):
            self.shared_raise(cond, exc, fmt, args)
            return
        with self.b.if_then(cond, likely=False):
            fill_error(self.b, self.err, self.ctx, exc, fmt, args)
            self.error_exit()

    def shared_raise(self, cond: ll.Value, exc: str, fmt: str | None, args: tuple[ll.Value, ...]) -> None:
        """`fail_if` where an error exit is the same everywhere (no handler, no Python object to
        drop): one block per function fills the record from phis and leaves, and each check
        only branches to it.  A checked loop has a check per indexing; an exit of its own for
        each was a third of n-body's IR, which LLVM's passes then merged back (issue 13)."""
        b = self.b
        args = args[:3]
        raises = self.__dict__.setdefault("_raises", {})
        key = (self.llfn.name, tuple(str(a.type) for a in args))
        got = raises.get(key)
        if got is None:
            block = self.new_block("raise")
            at = b.block
            b.position_at_end(block)
            code, where = b.phi(I32), b.phi(I8P)
            values = [b.phi(a.type) for a in args]
            b.store(code, b.gep(self.err, [I32(0), I32(0)]))
            b.store(where, b.gep(self.err, [I32(0), I32(1)]))
            for k, v in enumerate(values):
                b.store(v, b.gep(self.err, [I32(0), I32(2 + k)]))
            self.error_exit()
            b.position_at_end(at)
            got = raises[key] = (block, [code, where] + values)
        block, phis = got
        on = self.new_block("checked")
        b.cbranch(cond, block, on).set_weights([1, 99])
        where = site(self.ctx, fmt)
        if where is None:
            where = self.ctx.cstring(fmt) if fmt is not None else ll.Constant(I8P, None)
        for phi, v in zip(phis, [I32(EXC_CODE[exc]), where, *args]):
            phi.add_incoming(v, b.block)
        b.position_at_end(on)

    # ---------------------------------------------------------------- statements
    def block(self, stmts: list[ir.Stmt]) -> None:
        # not in a speculative loop copy (lower/speculate.py), whose body must stay free of branches
        if self.loops and self.fn.target == "cpu" and not self.in_fallback and self.speculation is None \
                and self.ctx.debug is None:
            from fastext.compiler.lower import hoist
            return hoist.lower_block(self, stmts)    # straight-line runs in loops: checks hoisted
        self.plain_block(stmts)

    def plain_block(self, stmts: list[ir.Stmt]) -> None:
        for s in stmts:
            if self.b.block.is_terminated:
                return   # code after return/break/continue is unreachable
            self.ctx.current_span = s.span
            if self.ctx.debug is not None:
                self.locate(s.span)
            getattr(self, "s_" + type(s).__name__)(s)

    def locate(self, span) -> None:
        """`-g` builds: what this builder emits from here on is at `span` (lower/debuginfo.py)."""
        debug = self.ctx.debug
        if debug is None or span is None:
            return
        sp = debug.subprogram(self.llfn, self.fn.name, span)
        if dict(sp.operands)["file"] is debug.file(span.file):   # (statements of another file: keep the last line)
            self.b.debug_metadata = debug.location(self.llfn, span)

    def s_Assign(self, s: ir.Assign) -> None:
        if isinstance(s.var.type, T.PyObj):
            return self.assign_object(s)
        if isinstance(s.value, ir.Intrinsic) and s.value.name in lists_reusable() and \
                id(s.var) in self.confined_lists():
            from fastext.compiler.lower.lists import assign_reusing
            return assign_reusing(self, s)
        if isinstance(s.value, ir.Intrinsic) and s.value.name == "dict.new" and id(s.var) in self.confined_tables():
            from fastext.compiler.lower import dicts
            return dicts.assign_reusing(self, s)
        group = self.confined().get(id(s.var)) if isinstance(s.value, ir.ArrayMap) else None
        if group is not None:
            # names no other reference reaches: the site's buffers are recycled (lower/reuse.py)
            from fastext.compiler.lower.arraymap import materialize
            slots = self.entry_alloca(ll.ArrayType(I8.as_pointer(), len(group) + 1))
            self.zero_at_entry(slots)
            for v in group:     # a name not assigned yet holds NULL, not an undefined pointer
                if id(v) not in self._zeroed and not v.is_param:     # (a parameter holds the caller's)
                    self._zeroed.add(id(v))
                    self.zero_at_entry(self.slots[id(v)])
            held = [self.b.extract_value(self.b.load(self.slots[id(v)]), 0) for v in group]
            self.b.store(materialize(self, s.value, reuse=(slots, held)), self.slots[id(s.var)])
            return
        self.b.store(self.expr(s.value), self.slots[id(s.var)])

    def confined_lists(self) -> set[int]:
        """The list variables whose storage an assignment may reuse (lower/lists.py), computed once."""
        found = getattr(self, "_confined_lists", None)
        if found is None:
            from fastext.compiler.lower.lists import confined
            found = self._confined_lists = confined(self.fn)
        return found

    def confined_tables(self) -> set[int]:
        """The dict and set variables whose table an assignment may reuse (lower/dicts.py), computed once."""
        found = getattr(self, "_confined_tables", None)
        if found is None:
            from fastext.compiler.lower.dicts import confined
            found = self._confined_tables = confined(self.fn)
        return found

    def confined(self) -> dict[int, tuple[ir.Var, ...]]:
        """The function's array names whose buffers never escape, each with its group of names
        that pass buffers to each other (lower/reuse.py), computed once."""
        found = getattr(self, "_confined", None)
        if found is None:
            from fastext.compiler.lower.reuse import confined
            found = self._confined = confined(self.fn)
            self._zeroed: set[int] = set()
        return found

    site_depth = 0          # operations and array expressions being lowered, nested
    pending_reuse = None    # (depth, reuse) for the first allocation of the operation at that depth

    def temporary_site(self, e: ir.Expr) -> tuple | None:
        """`alloc.allocate`'s `reuse` for `e` when it is a temporary a loop's statement makes and
        consumes at once (lower/reuse.py: temporaries): the site's one recycled buffer."""
        found = getattr(self, "_temporaries", None)
        if found is None:
            from fastext.compiler.lower.reuse import temporaries
            found = self._temporaries = temporaries(self.fn)
        if id(e) not in found:
            return None
        slots = self.entry_alloca(ll.ArrayType(I8.as_pointer(), 1))
        self.zero_at_entry(slots)
        return slots, []

    def zero_at_entry(self, slot: ll.Value) -> None:
        """Store zeros into an entry-block alloca, in the entry block (once per call)."""
        with self.b.goto_entry_block():
            self.b.position_after(slot)
            self.b.store(ll.Constant(slot.type.pointee, None), slot)

    def s_Store(self, s: ir.Store) -> None:
        # Python's order: the value, then the target and its indices, then the bounds check
        value = self.expr(s.value)
        array = self.expr(s.array)
        ptr = self.element_ptr(array, s.array.type, s.indices, id(s) in self.proven)
        if isinstance(s.array.type.dtype, T.Struct):
            from fastext.compiler.lower.structs import copy_out, to_memory
            if s.array.type.dtype.mutable:      # array items are values: the record's fields
                value = copy_out(self.b, value)
            value = to_memory(self.b, value, s.array.type.dtype)
        if s.array.type.dtype.is_bool:
            value = self.b.zext(value, I8)
        self.b.store(value, ptr, align=s.array.type.dtype.align)

    def s_ExprStmt(self, s: ir.ExprStmt) -> None:
        if isinstance(s.value.type, T.PyObj):
            return self.discard_object(s.value)
        self.expr(s.value)

    def s_If(self, s: ir.If) -> None:
        cond = self.expr(s.cond)
        then_bb, else_bb, end_bb = self.new_block("if.then"), self.new_block("if.else"), self.new_block("if.end")
        self.b.cbranch(cond, then_bb, else_bb)
        for bb, body in ((then_bb, s.then), (else_bb, s.orelse)):
            self.b.position_at_end(bb)
            self.block(body)
            if not self.b.block.is_terminated:
                self.b.branch(end_bb)
        self.b.position_at_end(end_bb)

    def s_While(self, s: ir.While) -> None:
        from fastext.compiler.lower import strbuild
        strbuild.lower_loop(self, s, self.while_loop)

    def while_loop(self, s: ir.While) -> None:
        head, body, orelse, end = (self.new_block(n) for n in ("while.head", "while.body", "while.else", "while.end"))
        self.b.branch(head)
        self.b.position_at_end(head)
        self.b.cbranch(self.expr(s.cond), body, orelse)
        self.loop_body(body, s.body, head, end)
        self.b.position_at_end(orelse)
        self.block(s.orelse)
        if not self.b.block.is_terminated:
            self.b.branch(end)
        self.b.position_at_end(end)

    def s_ForRange(self, s: ir.ForRange) -> None:
        from fastext.compiler.lower import strbuild
        strbuild.lower_loop(self, s, self.for_range)

    def for_range(self, s: ir.ForRange) -> None:
        if s.parallel is not None:
            from fastext.compiler.lower.parallel import lower_parallel_for
            return lower_parallel_for(self, s)
        # `-g` builds keep one copy of each loop (no jamming, no versioning), so a breakpoint on
        # a line is where the code runs (gdb breaks at one address per line and function)
        copies = self.ctx.debug is None
        if copies and self.loop_copies and self.fn.target == "cpu":
            from fastext.compiler.lower import jam
            plan = jam.applies(self, s)
            if plan is not None:        # row loops run eight rows at a time (lower/jam.py)
                return jam.lower(self, s, plan)
        # versioned on its indexings' ranges even without bounds checks: the proven copy also
        # skips the negative-index wrap, which keeps computed stores (`y[i * n + r]`) vectorisable
        if copies and self.fn.target == "cpu":
            from fastext.compiler.lower import hoist
            if hoist.lower(self, s, lambda lowering, loop: lowering.serial_for(loop)):
                return
        self.serial_for(s)

    def serial_for(self, s: ir.ForRange) -> None:
        """One copy of a serial `for` loop: speculated (lower/speculate.py) or plain."""
        from fastext.compiler.lower import speculate
        if self.loop_copies and self.fn.target == "cpu" and speculate.applies(self, s):
            return speculate.lower(self, s)
        start, stop, step = self.expr(s.start), self.expr(s.stop), self.expr(s.step)
        if not isinstance(s.step, ir.Const):
            self.fail_if(self.b.icmp_signed("==", step, I64(0)), "ValueError", "range() arg 3 must not be zero")
        self.range_loop(s, start, stop, step)

    def range_loop(self, s: ir.ForRange, start: ll.Value, stop: ll.Value, step: ll.Value) -> None:
        """The serial loop of `s` over bounds already evaluated (a zero step already rejected)."""
        b = self.b
        const_step = s.step.value if isinstance(s.step, ir.Const) else None
        head, body, latch, orelse, end = (self.new_block(n) for n in
                                          ("for.head", "for.body", "for.latch", "for.else", "for.end"))
        # A hidden induction variable: assigning the loop name inside the body does not change iteration.
        pre = b.block
        b.branch(head)
        b.position_at_end(head)
        iv = b.phi(I64, name="iv")
        iv.add_incoming(start, pre)
        if const_step is not None:
            more = b.icmp_signed("<" if const_step > 0 else ">", iv, stop)
        else:
            more = b.select(b.icmp_signed(">", step, I64(0)), b.icmp_signed("<", iv, stop),
                            b.icmp_signed(">", iv, stop))
        b.cbranch(more, body, orelse)
        b.position_at_end(body)
        b.store(iv, self.slots[id(s.var)])
        self.loop_body(None, s.body, latch, end, s.label)
        b.position_at_end(latch)
        nxt = b.add(iv, step, name="iv.next")
        if const_step not in (1, -1):
            # iv < stop, so iv ± 1 cannot wrap; a larger step can wrap past the i64 range: end the loop then
            if const_step is not None:
                overflow = b.icmp_signed("<" if const_step > 0 else ">", nxt, iv)
            else:
                overflow = b.select(b.icmp_signed(">", step, I64(0)), b.icmp_signed("<", nxt, iv),
                                    b.icmp_signed(">", nxt, iv))
            cont = self.new_block("for.cont")
            b.cbranch(overflow, orelse, cont)
            b.position_at_end(cont)
        iv.add_incoming(nxt, b.block)
        back = b.branch(head)
        if self.doomed:
            back.set_metadata("llvm.loop", _cold_loop(self.ctx.module))
        elif self.fn.target == "cpu" and store_loop(s.body):
            back.set_metadata("llvm.loop", _no_interleave(self.ctx.module))
        b.position_at_end(orelse)
        self.block(s.orelse)
        if not b.block.is_terminated:
            b.branch(end)
        b.position_at_end(end)

    def loop_body(self, bb: ll.Block | None, body: list[ir.Stmt], cont: ll.Block, brk: ll.Block,
                  label: str | None = None) -> None:
        if bb is not None:
            self.b.position_at_end(bb)
        self.loops.append((cont, brk, len(self.finallies)))
        self.loop_labels.append(label)
        self.block(body)
        self.loops.pop()
        self.loop_labels.pop()
        if not self.b.block.is_terminated:
            self.b.branch(cont)

    def target_loop(self, label: str | None) -> int:
        """The index in `loops` of the loop a break/continue leaves: the innermost, or the labelled one."""
        if label is None:
            return len(self.loops) - 1
        return len(self.loop_labels) - 1 - self.loop_labels[::-1].index(label)

    def s_Break(self, s: ir.Break) -> None:
        k = self.target_loop(s.label)
        cont, brk, depth = self.loops[k]
        self.exit_to(brk, depth, k + 1)

    def s_Continue(self, s: ir.Continue) -> None:
        k = self.target_loop(s.label)
        cont, brk, depth = self.loops[k]
        self.exit_to(cont, depth, k + 1)

    def s_Return(self, s: ir.Return) -> None:
        if s.value is not None and isinstance(s.value.type, T.PyObj):
            self.return_object(s)
        elif s.value is not None:
            self.b.store(self.expr(s.value), self.out)   # evaluated before any finally runs
            if s.intflag is not None and getattr(self, "intret", None) is not None:   # Python's int in the result
                self.b.store(self.expr(s.intflag), self.intret)
        self.exit_to(None, 0)

    def s_Assert(self, s: ir.Assert) -> None:
        cond = self.expr(s.cond)
        self.fail_if(self.b.not_(cond), "AssertionError", s.message)

    # ---------------------------------------------------------------- expressions
    def expr(self, e: ir.Expr) -> ll.Value:
        return getattr(self, "e_" + type(e).__name__)(e)

    def e_Const(self, e: ir.Const) -> ll.Value:
        if isinstance(e.type, T.Struct):   # a module-level struct constant: its fields, nested
            fields = [self.e_Const(ir.Const(ft, e.span, v)) for (_, ft), v in zip(e.type.fields, e.value)]
            return ll.Constant(value_type(e.type), fields)
        t = scalar_type(e.type)
        if e.type.is_complex:
            z = complex(e.value)
            return ll.Constant(t, [t.elements[0](z.real), t.elements[1](z.imag)])
        if e.type.is_float:
            return t(float(e.value))
        if e.type.is_bool:
            return I1(int(bool(e.value)))
        return t(int(e.value) & ((1 << e.type.bits) - 1))

    def e_Load(self, e: ir.Load) -> ll.Value:
        return self.b.load(self.slots[id(e.var)])

    def e_Cast(self, e: ir.Cast) -> ll.Value:
        return arith.cast(self, self.expr(e.value), e.value.type, e.type)

    def e_Truth(self, e: ir.Truth) -> ll.Value:
        return arith.truth(self, self.expr(e.value), e.value.type)

    def e_BinOp(self, e: ir.BinOp) -> ll.Value:
        a, b = self.expr(e.left), self.expr(e.right)
        if e.type.is_complex:
            return arith.complex_binop(self, e.op, a, b)
        if e.type.is_float:
            op = e.op
            if op == "/" and e.int_division:
                if _wide_int(e.left) or _wide_int(e.right):
                    # Python divides ints exactly: correctly rounded beyond 2**53 too
                    return arith.int_true_divide(self, *self._int_operand(e.left), *self._int_operand(e.right))
                op = "int/"   # only the ZeroDivisionError message differs, as in CPython
            if op == "/" and e.numpy:     # a NumPy scalar's division: inf or nan, never an error
                return self.b.fdiv(a, b, flags=self.fast_flags)
            return arith.float_binop(self, op, e.type, a, b)
        if e.checked and e.op == "*":
            return arith.checked_mul(self, a, b)
        return arith.int_binop(self, e.op, e.type, a, b)

    def _int_operand(self, e: ir.Expr) -> tuple[ll.Value, bool]:
        """The 64-bit integer behind an int operand of `/` (a Cast from an int, or an int
        constant), and whether it is signed."""
        if isinstance(e, ir.Const):
            v = int(e.value)
            return I64(v & ((1 << 64) - 1)), v < (1 << 63)
        t = e.value.type
        v = self.expr(e.value)
        if t.bits < 64:
            v = self.b.sext(v, I64) if t.signed else self.b.zext(v, I64)
        return v, t.signed or t.bits < 64

    def e_UnaryOp(self, e: ir.UnaryOp) -> ll.Value:
        v = self.expr(e.operand)
        if e.op == "not":
            return self.b.not_(v)
        if e.op == "pos":
            return v
        if e.op == "neg" and e.type.is_complex:
            re, im = arith.parts(self, v)
            return arith.make_complex(self, self.b.fneg(re), self.b.fneg(im))
        if e.op == "neg":
            return self.b.fneg(v) if e.type.is_float else self.b.neg(v)
        return self.b.not_(v)   # invert: ~x == -x - 1 for two's complement

    def e_Compare(self, e: ir.Compare) -> ll.Value:
        b = self.b
        divides = _divisibility(e)
        if divides is not None:     # `n % p == 0`: the truncated remainder answers it
            zero = arith.int_mod_is_zero(self, self.expr(divides.left), self.expr(divides.right))
            return zero if e.ops[0] == "==" else b.not_(zero)
        end = self.new_block("cmp.end")
        results: list[tuple[ll.Value, ll.Block]] = []
        left = self.expr(e.operands[0])
        left_t = e.operands[0].type
        for k, (op, t) in enumerate(zip(e.ops, e.cmp_types)):
            right = self.expr(e.operands[k + 1])
            right_t = e.operands[k + 1].type
            if t.is_int and t.signed and t.bits == 64 and _mixed_u64(left_t, right_t):
                # one side u64, the other signed: compare exactly, as Python (not wrapped into i64)
                l64, r64 = arith.cast(self, left, left_t, t), arith.cast(self, right, right_t, t)
                if right_t == T.U64:
                    r = arith.compare_signed_unsigned(self, op, l64, r64)
                else:
                    r = arith.compare_signed_unsigned(self, arith.MIRROR[op], r64, l64)
            elif t == T.F64 and _is_int64(left_t) and not _is_int64(right_t):
                r = arith.compare_int_float(self, op, left, left_t, arith.cast(self, right, right_t, t))
            elif t == T.F64 and _is_int64(right_t) and not _is_int64(left_t):
                r = arith.compare_int_float(self, arith.MIRROR[op], right, right_t, arith.cast(self, left, left_t, t))
            else:
                r = arith.compare(self, op, t, arith.cast(self, left, left_t, t), arith.cast(self, right, right_t, t))
            if k == len(e.ops) - 1:
                results.append((r, b.block))
                b.branch(end)
            else:
                nxt = self.new_block("cmp.next")
                results.append((I1(0), b.block))
                b.cbranch(r, nxt, end)
                b.position_at_end(nxt)
            left, left_t = right, e.operands[k + 1].type
        b.position_at_end(end)
        if len(results) == 1:
            return results[0][0]
        phi = b.phi(I1)
        for v, bb in results:
            phi.add_incoming(v, bb)
        return phi

    def e_BoolOp(self, e: ir.BoolOp) -> ll.Value:
        b = self.b
        end = self.new_block(f"{e.op}.end")
        incoming = []
        for k, value in enumerate(e.values):
            v = self.expr(value)
            if k == len(e.values) - 1:
                incoming.append((v, b.block))
                b.branch(end)
                break
            t = arith.truth(self, v, value.type)
            nxt = self.new_block(f"{e.op}.next")
            incoming.append((v, b.block))
            if e.op == "and":
                b.cbranch(t, nxt, end)
            else:
                b.cbranch(t, end, nxt)
            b.position_at_end(nxt)
        b.position_at_end(end)
        phi = b.phi(scalar_type(e.type))
        for v, bb in incoming:
            phi.add_incoming(v, bb)
        return phi

    def e_IfExp(self, e: ir.IfExp) -> ll.Value:
        if isinstance(e.type, T.PyObj):
            return self.object_ifexp(e)
        b = self.b
        cond = self.expr(e.cond)
        then_bb, else_bb, end = self.new_block("ifx.then"), self.new_block("ifx.else"), self.new_block("ifx.end")
        b.cbranch(cond, then_bb, else_bb)
        b.position_at_end(then_bb)
        a = self.expr(e.then)
        a_bb = b.block
        b.branch(end)
        b.position_at_end(else_bb)
        c = self.expr(e.orelse)
        c_bb = b.block
        b.branch(end)
        b.position_at_end(end)
        phi = b.phi(value_type(e.type))
        phi.add_incoming(a, a_bb)
        phi.add_incoming(c, c_bb)
        return phi

    def ret_status(self, status) -> None:
        """Return `status` (0 ok, 1 error record filled; an error that came through a call
        returns the call's site, >= 2: lower/context.py) with the result slot, if any."""
        # (a value: the status an outlined checked copy returned, lower/coldloops.py)
        code = status if isinstance(status, ll.Value) else I32(status)
        status = 1 if isinstance(status, ll.Value) else status
        self.release_objects(status)
        if self.out is None:
            self.b.ret(code)
            return
        if getattr(self, "intret", None) is not None and isinstance(status, int) and status == 0:   # intflags.py
            from fastext.compiler.lower.context import ERR_INTRET
            flag = self.b.load(self.intret)
            if flag.type != I64:
                flag = self.b.zext(flag, I64)
            self.b.store(flag, self.b.gep(self.err, [I32(0), I32(ERR_INTRET)]))
        agg = ll.Constant(self.llfn.function_type.return_type, ll.Undefined)
        agg = self.b.insert_value(agg, code, 0)
        self.b.ret(self.b.insert_value(agg, self.b.load(self.out), 1))

    def e_Call(self, e: ir.Call) -> ll.Value:
        if self.speculation is not None:
            from fastext.compiler.lower.speculate import call
            return call(self, e)
        callee = self.ctx.functions[e.func]
        hidden = []
        plan = self.ctx.recursion
        if self.rec_ctx is not None and plan.same_cycle(self.fn.name, e.func):
            callee, hidden = plan.bodies[e.func], [self.rec_ctx]    # within the cycle: no guard
        if e.func == self.fn.name and self.self_call is not None:
            callee = self.self_call
        args = [self.use(a) if isinstance(a.type, T.PyObj) else self.expr(a) for a in e.args]
        recursive = plan is not None and plan.same_cycle(self.fn.name, e.func)
        if self.depth_check and recursive:
            from fastext.compiler.lower.recursion import emit_check
            emit_check(self)    # RecursionError as the callee would be entered (as in Python)
        # `notail`: a recursive call stays a call (LLVM would turn tail recursion into a loop,
        # and unbounded recursion into an endless loop where Python raises RecursionError)
        # a small helper called in a loop is inlined whatever LLVM's cost model says: its cold
        # check blocks (bounds, divisions, `**`'s fallback) count against its threshold, and
        # a call left in the loop keeps the caller from hoisting and vectorising
        attrs = ("alwaysinline",) if self.loops and not recursive and self.fn.target == "cpu" \
            and inline_in_loops(self.ctx, e.func) else ()
        if e.intargs is not None:     # Python's ints among the f64 arguments (frontend/intflags.py)
            from fastext.compiler.lower.intrinsics import store_intargs
            store_intargs(self, e, self.err)
        result = self.b.call(callee, [self.err] + hidden + args, tail="notail" if recursive else False,
                             attrs=attrs)
        status = result if e.type == T.NONE else self.b.extract_value(result, 0)
        with self.b.if_then(self.b.icmp_unsigned("!=", status, I32(0)), likely=False):
            from fastext.compiler.lower.context import call_site_status
            # the callee filled the error record; returning this call's site as the status
            # tells the entry point which of its lines the error came through (abi/traceback.py)
            self.error_exit(call_site_status(self.ctx))
        for v, a in reversed(list(zip(args, e.args))):
            if isinstance(a.type, T.PyObj):
                self.drop(v, a)   # the callee borrowed it
            elif isinstance(a, ir.Intrinsic) and a.name == "text.view":
                from fastext.compiler.lower.text import release_view
                release_view(self, a)     # a str value's characters, lent for the call
        return I1(0) if e.type == T.NONE else self.b.extract_value(result, 1)

    def entry_alloca(self, ty: ll.Type) -> ll.Value:
        with self.b.goto_entry_block():
            if self.b.block.instructions:
                self.b.position_before(self.b.block.instructions[0])
            return self.b.alloca(ty)

    def e_Intrinsic(self, e: ir.Intrinsic) -> ll.Value:
        from fastext.compiler.lower.intrinsics import lower_intrinsic
        return lower_intrinsic(self, e)

    def e_ArrayMap(self, e: ir.ArrayMap) -> ll.Value:
        from fastext.compiler.lower.arraymap import materialize
        reuse = self.temporary_site(e)
        self.site_depth += 1
        try:
            return materialize(self, e, reuse=reuse)
        finally:
            self.site_depth -= 1

    def e_StmtExpr(self, e: ir.StmtExpr) -> ll.Value:
        self.block(e.body)
        v = self.expr(e.result)
        if isinstance(e.type, T.PyObj) and isinstance(e.result, ir.Load):
            # not a Load itself, so its consumers own what it gives (lower/objects.py): a new reference
            self.api.call(self.b, "Py_IncRef", v)
        return v

    def e_MakeTuple(self, e: ir.MakeTuple) -> ll.Value:
        mutable = isinstance(e.type, T.Struct) and e.type.mutable
        agg = ll.Constant(record_type(e.type) if mutable else value_type(e.type), ll.Undefined)
        for k, item in enumerate(e.items):
            if item.type == T.STRV:     # a str field: kept alive by the call's arena (lower/kept.py)
                from fastext.compiler.lower.kept import keep
                v = self.use(item)
                keep(self, v)
                self.drop(v, item)
            else:
                v = self.expr(item)
            if mutable:
                from fastext.compiler.lower.structs import as_slot
                v = as_slot(self.b, v, agg.type.elements[k])
            agg = self.b.insert_value(agg, v, k)
        if mutable:       # `Point(x, y)`: a new record (lower/structs.py)
            from fastext.compiler.lower.structs import new_record
            return new_record(self, agg, e.type)
        return agg

    def e_TupleGet(self, e: ir.TupleGet) -> ll.Value:
        base = self.expr(e.value)
        # A kept str item or field gives its reader a new reference.  Whether it is one is what
        # the tuple or record holds, not the type the reader is given: `t.partition(",")[2] if c
        # else s` retypes the item as an object (frontend/expressions.py: e_ifexp), and reading
        # it without the reference had the conditional release the tuple's own one.
        vt = e.value.type
        held = vt.items[e.index] if isinstance(vt, T.Tuple) else \
            vt.fields[e.index][1] if isinstance(vt, T.Struct) else e.type
        if isinstance(vt, T.Struct) and vt.mutable:
            from fastext.compiler.lower.structs import as_slot, checked_record, field_ptr
            base = checked_record(self, base, vt, vt.fields[e.index][0])
            v = as_slot(self.b, self.b.load(field_ptr(self.b, base, e.index)), value_type(e.type))
        else:
            v = self.b.extract_value(base, e.index)
        if held == T.STRV:
            self.api.call(self.b, "Py_IncRef", v)
        return v

    def s_SetField(self, s: ir.SetField) -> None:
        from fastext.compiler.lower.structs import field_ptr
        from fastext.compiler.lower.structs import as_slot, checked_record
        record = self.expr(s.record)
        value = self.expr(s.value)
        record = checked_record(self, record, s.record.type, s.record.type.fields[s.index][0])
        text = s.record.type.fields[s.index][1] == T.STRV
        if text:            # the call's arena keeps the str alive (lower/kept.py)
            from fastext.compiler.lower.kept import keep
            keep(self, value)
        slot = field_ptr(self.b, record, s.index)
        self.b.store(as_slot(self.b, value, slot.type.pointee), slot)
        if text:
            self.drop(value, s.value)      # the expression's own reference, if it made one

    def e_ArrayDim(self, e: ir.ArrayDim) -> ll.Value:
        dim = self.b.extract_value(self.expr(e.array), [1, e.axis])
        # a length is never negative: `0 <= k < len(a)` then folds to one unsigned compare; and
        # never beyond 2**53 (the entry points reject larger dimensions, allocations of that
        # many items fail): an index then converts to f64 exactly, so `i / n` needs no check
        assume = self.ctx.intrinsic("llvm.assume", ll.VoidType(), [I1])
        self.b.call(assume, [self.b.icmp_unsigned("<", dim, I64(MAX_DIM))])
        return dim

    def e_ArraySize(self, e: ir.ArraySize) -> ll.Value:
        array = self.expr(e.array)
        size = I64(1)
        for k in range(e.array.type.ndim):
            size = self.b.mul(size, self.b.extract_value(array, [1, k]))
        return size

    def e_Index(self, e: ir.Index) -> ll.Value:
        array = self.expr(e.array)
        ptr = self.element_ptr(array, e.array.type, e.indices, id(e) in self.proven)
        v = self.b.load(ptr, align=e.array.type.dtype.align)
        if isinstance(e.array.type.dtype, T.Struct):
            from fastext.compiler.lower.structs import copy_in, from_memory
            fields = from_memory(self.b, v, e.array.type.dtype)
            # a mutable item is read as a copy, as the interpreted view converts it
            return copy_in(self, fields, e.array.type.dtype) if e.array.type.dtype.mutable else fields
        if e.array.type.dtype.is_bool:
            v = self.b.icmp_unsigned("!=", v, I8(0))
        return v

    def e_ArraySlice(self, e: ir.ArraySlice) -> ll.Value:
        """A view: new data pointer, shape and strides (Python's slice rules), no copy."""
        b = self.b
        array = self.expr(e.array)
        data = b.extract_value(array, 0)
        out = ll.Constant(value_type(e.type), ll.Undefined)
        offset = I64(0)
        axis_out = 0
        consumed = sum(1 for item in e.items if not item.newaxis)
        items = list(e.items) + [ir.SliceItem() for _ in range(e.array.type.ndim - consumed)]
        axis = -1
        for item in items:
            if item.newaxis:     # a new axis of size 1: any stride will do, 0 keeps broadcasting simple
                out = b.insert_value(out, I64(1), [1, axis_out])
                out = b.insert_value(out, I64(0), [2, axis_out])
                axis_out += 1
                continue
            axis += 1
            n = b.extract_value(array, [1, axis])
            stride = b.extract_value(array, [2, axis])
            if item.index is not None:
                idx = self.expr(item.index)
                wrapped = self.wrap_index(idx, n, "IndexError",
                                          "index %lld is out of bounds for axis %lld with size %lld",
                                          (idx, I64(axis), n))
                offset = b.add(offset, b.mul(wrapped, stride))
                continue
            start, length, step = arith.slice_bounds(self, n, *(None if v is None else self.expr(v)
                                                                 for v in (item.start, item.stop, item.step)))
            offset = b.add(offset, b.mul(start, stride))
            out = b.insert_value(out, length, [1, axis_out])
            out = b.insert_value(out, b.mul(stride, step), [2, axis_out])
            axis_out += 1
        return b.insert_value(out, b.gep(data, [offset]), 0)

    def element_ptr(self, array: ll.Value, atype: T.Array, indices: list[ir.Expr], proven: bool = False) -> ll.Value:
        """Address of a[i, j, …]: negative indices wrap once, then the bounds check; `proven`:
        every index is known to be in [0, length) (lower/hoist.py), neither is needed."""
        b = self.b
        offset = I64(0)
        values = [self.expr(idx_expr) for idx_expr in indices]   # all evaluated before any is checked
        for axis, (idx_expr, idx) in enumerate(zip(indices, values)):
            n = b.extract_value(array, [1, axis])
            wrapped = idx
            message = "index %lld is out of bounds for axis %lld with size %lld"
            if proven:
                pass
            elif not (isinstance(idx_expr, ir.Const) and idx_expr.value >= 0):
                wrapped = self.wrap_index(idx, n, "IndexError", message, (idx, I64(axis), n))
            elif self.boundscheck:
                self.fail_if(b.icmp_unsigned(">=", idx, n), "IndexError", message, (idx, I64(axis), n))
            stride = b.extract_value(array, [2, axis])
            offset = b.add(offset, b.mul(wrapped, stride))
        data = b.extract_value(array, 0)
        raw = b.gep(data, [offset])
        return b.bitcast(raw, memory_type(atype.dtype).as_pointer())
