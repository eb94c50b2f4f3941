"""Lowers a `prange` loop: the body outlined into a worker function, blocks run in pthreads.

    env   = {start, step, captured values...}                 on the caller's stack
    task  = {env*, lo, hi, status, err, accumulators...}       one per block
    pool  = {tasks*, blocks, next}                             on the caller's stack
    i32  @fx.F.prangeN(task*)       runs iterations lo..hi-1 of a block (i = start + k*step)
    i8*  @fx.F.prangeN.run(i8*)     the pthread start routine: takes blocks (atomic `next`)
                                    and runs them until none is left

The iteration space is cut into `blocks` contiguous pieces (BLOCKS_PER_THREAD a thread,
fewer when the loop is short, one with one thread); the calling thread and threads of the
module's persistent pool (lower/threadpool.py) take blocks in turn.  Afterwards,
in block order, each reduction's accumulator is folded into the variable and the first
block that failed has its error record copied into the function's: as each block stops
at its first error and the blocks are in iteration order, that is the error the serial
loop would raise.

No C runtime: the pool's pthread calls, malloc/free, getenv/strtol and
sched_getaffinity/sysconf are called directly from the generated code.
"""
from __future__ import annotations


from llvmlite import ir as ll

from fastext.compiler import ir, ops
from fastext.compiler import types as T
from fastext.compiler.lower import arith, threadpool
from fastext.compiler.lower.context import ERR, ERR_ARENA, I32, I64, I8, I8P, scalar_type, value_type
from fastext.compiler.lower.function import FunctionLowering

# A body without inner loops or calls costs a few nanoseconds an iteration: give each thread
# at least this many iterations (the serial threshold): waking a sleeping pool thread costs
# 10-50 µs, handing blocks to spinning ones ~1 µs (measured, docs/language.md).
MIN_FLAT_ITERATIONS = 65536
MAX_THREADS = 1024
NUM_THREADS_ENV = "FASTEXT_NUM_THREADS"
OMP_NUM_THREADS_ENV = "OMP_NUM_THREADS"    # read when FASTEXT_NUM_THREADS is unset or invalid

# Blocks of iterations a thread takes in turn (dynamic scheduling, so a thread that the OS
# runs late, or that drew slow iterations, is helped by the others); results are folded by
# block, so they depend on the block count — the thread count — never on the timing.
BLOCKS_PER_THREAD = 4

_ENV, _LO, _HI, _STATUS, _ERR, _ACC = range(6)


def lower_parallel_for(fl: FunctionLowering, s: ir.ForRange) -> None:
    """Emit the threaded loop `s` (its `parallel` classification filled) at fl's builder."""
    b, ctx, par = fl.b, fl.ctx, s.parallel
    start, stop, step = fl.expr(s.start), fl.expr(s.stop), fl.expr(s.step)
    count = arith.range_length(fl, start, stop, step)       # also the zero-step ValueError
    env_t = ll.LiteralStructType([I64, I64] + [value_type(v.type) for v in par.captured])
    task_t = ll.LiteralStructType([I8P, I64, I64, I32, ERR] + [value_type(r.var.type) for r in par.reductions])
    taskp = task_t.as_pointer()
    pool_t = ll.LiteralStructType([taskp, I64, I64])        # blocks, their number, the next one to take
    worker = _emit_worker(fl, s, env_t, task_t)
    runner = _emit_runner(ctx, worker, pool_t)

    env = fl.entry_alloca(env_t)
    b.store(start, b.gep(env, [I32(0), I32(0)]))
    b.store(step, b.gep(env, [I32(0), I32(1)]))
    for k, var in enumerate(par.captured):
        b.store(b.load(fl.slots[id(var)]), b.gep(env, [I32(0), I32(2 + k)]))

    # blocks: BLOCKS_PER_THREAD a thread, fewer for a short loop of cheap iterations, one for one thread;
    # a loop that starts while another of this module runs (called from a prange body, or from
    # another Python thread) stays on its thread: the cores are taken already
    active = _active_counter(ctx)
    outer = b.atomic_rmw("add", active, I64(1), "seq_cst")
    threads = b.call(num_threads_fn(ctx), [])
    threads = b.select(b.icmp_signed(">", outer, I64(0)), I64(1), threads)
    per_block = 1 if _body_loops(s.body) else MIN_FLAT_ITERATIONS
    blocks = _umin(b, b.mul(threads, I64(BLOCKS_PER_THREAD)), b.udiv(count, I64(per_block)))
    blocks = b.select(b.icmp_signed("<", blocks, I64(1)), I64(1), blocks)
    blocks = b.select(b.icmp_signed("==", threads, I64(1)), I64(1), blocks)
    nthreads = _umin(b, threads, blocks)

    # block storage: the stack for one block, the heap for more
    stack_task = fl.entry_alloca(task_t)
    task_size = ll.Constant(taskp, None).gep([I32(1)]).ptrtoint(I64)
    pre = b.block
    with b.if_then(b.icmp_signed(">", blocks, I64(1))):
        size = b.mul(blocks, task_size)
        mem = b.call(_libc(ctx, "malloc", I8P, [I64]), [size])
        got = b.icmp_unsigned("!=", mem, ll.Constant(I8P, None))
        heap_tasks = b.select(got, b.bitcast(mem, taskp), stack_task)
        heap_blocks = b.select(got, blocks, I64(1))
        heap_threads = b.select(got, nthreads, I64(1))
        alloc_end = b.block
    tasks = b.phi(taskp, "tasks")
    tasks.add_incoming(stack_task, pre)
    tasks.add_incoming(heap_tasks, alloc_end)
    nblocks = b.phi(I64, "blocks")
    nblocks.add_incoming(I64(1), pre)
    nblocks.add_incoming(heap_blocks, alloc_end)
    nthreads_phi = b.phi(I64, "threads")
    nthreads_phi.add_incoming(I64(1), pre)
    nthreads_phi.add_incoming(heap_threads, alloc_end)
    memp = b.phi(I8P, "taskmem")
    memp.add_incoming(ll.Constant(I8P, None), pre)
    memp.add_incoming(mem, alloc_end)
    env_raw = b.bitcast(env, I8P)

    # block k covers [k*q + min(k, r), (k+1)*q + min(k+1, r)): sizes differ by at most one
    q, r = b.udiv(count, nblocks), b.urem(count, nblocks)

    def bound(k):
        return b.add(b.mul(k, q), _umin(b, k, r))

    def init(k):
        t = b.gep(tasks, [k])
        b.store(env_raw, b.gep(t, [I32(0), I32(_ENV)]))
        b.store(bound(k), b.gep(t, [I32(0), I32(_LO)]))
        b.store(bound(b.add(k, I64(1))), b.gep(t, [I32(0), I32(_HI)]))
        b.store(I32(0), b.gep(t, [I32(0), I32(_STATUS)]))
        # arrays allocated in the body join the call's arena (fx$alloc links blocks atomically)
        arena = b.gep(fl.err, [I32(0), I32(ERR_ARENA)])
        b.store(b.load(arena), b.gep(t, [I32(0), I32(_ERR), I32(ERR_ARENA)]))
        from fastext.compiler.lower.context import ERR_INTRET
        b.store(I64(0), b.gep(t, [I32(0), I32(_ERR), I32(ERR_INTRET)]))     # no argument flags
    _counted_loop(fl, I64(0), nblocks, init, "prange.init")
    pool = fl.entry_alloca(pool_t)
    b.store(tasks, b.gep(pool, [I32(0), I32(0)]))
    b.store(nblocks, b.gep(pool, [I32(0), I32(1)]))
    b.store(I64(0), b.gep(pool, [I32(0), I32(2)]))
    pool_raw = b.bitcast(pool, I8P)

    # the calling thread and nthreads - 1 threads of the module's persistent pool take blocks
    # in turn (lower/threadpool.py); one thread: the runner on this thread alone
    b.call(threadpool.pool_run_fn(ctx), [b.bitcast(runner, I8P), pool_raw, b.sub(nthreads_phi, I64(1))])
    b.atomic_rmw("sub", active, I64(1), "seq_cst")

    free = _libc(ctx, "free", ll.VoidType(), [I8P])

    def combine(k):
        t = b.gep(tasks, [k])
        for j, red in enumerate(par.reductions):
            slot = fl.slots[id(red.var)]
            acc = b.load(b.gep(t, [I32(0), I32(_ACC + j)]))
            b.store(combine_values(fl, red, b.load(slot), acc), slot)
        failed = b.icmp_signed("!=", b.load(b.gep(t, [I32(0), I32(_STATUS)])), I32(0))
        with b.if_then(failed, likely=False):
            b.store(b.load(b.gep(t, [I32(0), I32(_ERR)])), fl.err)
            b.call(free, [memp])
            from fastext.compiler.lower.context import call_site_status
            fl.error_exit(call_site_status(fl.ctx))     # the prange statement, for the traceback
    _counted_loop(fl, I64(0), nblocks, combine, "prange.combine")
    b.call(free, [memp])

    # the loop variable ends as Python leaves it: the last value, when there was one
    with b.if_then(b.icmp_signed(">", count, I64(0))):
        b.store(b.add(start, b.mul(b.sub(count, I64(1)), step)), fl.slots[id(s.var)])
    fl.block(s.orelse)      # no `break` can leave a prange loop: the else clause always runs


def combine_values(fl: FunctionLowering, red: ir.Reduction, value: ll.Value, acc: ll.Value) -> ll.Value:
    """`value op acc`: fold one block's accumulator into the reduction variable."""
    t = red.var.type
    if red.op in ("min", "max"):
        # as min(value, acc): the accumulator replaces the value only on a strict comparison
        return fl.b.select(arith.compare(fl, "<" if red.op == "min" else ">", t, acc, value), acc, value)
    if t.is_complex:
        return arith.complex_binop(fl, red.op, value, acc)
    if t.is_float:
        return arith.float_binop(fl, red.op, t, value, acc)
    return arith.int_binop(fl, red.op, t, value, acc)


def identity(red: ir.Reduction) -> ll.Constant:
    """The accumulator's start: 0, 1, or the type's largest (min) / smallest (max) value."""
    t = red.var.type
    lt = scalar_type(t)
    if t.is_complex:
        return ll.Constant(lt, [lt.elements[0](1.0 if red.op == "*" else 0.0), lt.elements[1](0.0)])
    if red.op in ("+", "*"):
        one = 1 if red.op == "*" else 0
        return lt(float(one)) if t.is_float else lt(one)
    low = red.op == "max"
    if t.is_float:
        return lt(float("-inf") if low else float("inf"))
    if t.signed:
        return lt(-(1 << (t.bits - 1)) if low else (1 << (t.bits - 1)) - 1)
    return lt(0 if low else (1 << t.bits) - 1)


# ----------------------------------------------------------------------------- the worker

class WorkerLowering(FunctionLowering):
    """The body of one prange loop as `i32 worker(task*)`: iterations lo..hi-1 of the block."""

    shares_raises = False     # (its exits hand accumulators back: kept one per check, as before)
    loop_copies = False       # (no jammed or speculative copies inside a worker)

    def __init__(self, parent: FunctionLowering, loop: ir.ForRange, llfn: ll.Function,
                 env_t: ll.LiteralStructType):
        super().__init__(parent.ctx, parent.fn, parent.contiguous)
        self.llfn, self.loop, self.env_t = llfn, loop, env_t
        self.boundscheck, self.fast_flags = parent.boundscheck, parent.fast_flags
        self.task: ll.Value

    def lower(self) -> None:
        par, loop = self.loop.parallel, self.loop
        self.b = b = ll.IRBuilder(self.llfn.append_basic_block("entry"))
        self.locate(loop.span)
        self.task = task = self.llfn.args[0]
        self.err = b.gep(task, [I32(0), I32(_ERR)])
        if self.ctx.recursion is not None and self.ctx.recursion.mode:
            from fastext.compiler.lower.recursion import set_stack_limit
            set_stack_limit(self.ctx, b, self.err)     # this thread's own stack
        self.out = None
        self.begin_without_objects()
        env = b.bitcast(b.load(b.gep(task, [I32(0), I32(_ENV)])), self.env_t.as_pointer())
        start = b.load(b.gep(env, [I32(0), I32(0)]), name="start")
        step = b.load(b.gep(env, [I32(0), I32(1)]), name="step")
        for k, var in enumerate(par.captured):
            value = b.load(b.gep(env, [I32(0), I32(2 + k)]))
            if self.contiguous and var.is_param and isinstance(var.type, T.Array):
                # the entry point checked this parameter's innermost stride: keep it known here too
                value = b.insert_value(value, I64(var.type.dtype.nbytes), [2, var.type.ndim - 1])
            self.slots[id(var)] = self.alloca(var)
            b.store(value, self.slots[id(var)])
        for red in par.reductions:
            self.slots[id(red.var)] = self.alloca(red.var)
            b.store(identity(red), self.slots[id(red.var)])
        for var in [loop.var, *self.fn.locals]:
            if id(var) not in self.slots:    # private: one zeroed copy per block
                self.slots[id(var)] = self.alloca(var)
                b.store(ll.Constant(value_type(var.type), None), self.slots[id(var)])
        # values the parent derived from arrays (`h, w = a.shape`) are recomputed here from the
        # captured arrays, so LLVM sees they equal the shapes the bounds checks compare with
        remat = rematerialisable(self.fn, loop)
        for var, value in remat:
            b.store(self.expr(value), self.slots[id(var)])
        known = par.captured + [var for var, _ in remat]     # what the worker has the loop-entry value of
        lo = b.load(b.gep(task, [I32(0), I32(_LO)]), name="lo")
        hi = b.load(b.gep(task, [I32(0), I32(_HI)]), name="hi")
        assume = self.ctx.intrinsic("llvm.assume", ll.VoidType(), [ll.IntType(1)])
        b.call(assume, [b.icmp_signed(">=", lo, I64(0))])     # the block bounds give: 0 <= lo <= hi
        b.call(assume, [b.icmp_signed("<=", lo, hi)])
        unit = isinstance(loop.step, ir.Const) and loop.step.value == 1
        stop = None
        if unit:
            # iterate i itself, from the range's own start and stop where the worker can recompute
            # them (a constant, len(a)): LLVM then sees 0 <= i < len(a) and drops bounds checks
            if _recomputable(loop.start, known):
                start = self.expr(loop.start)
            if _recomputable(loop.stop, known):
                stop = self.expr(loop.stop)
            lo = b.add(start, lo, name="i.lo", flags=["nsw"])
            hi = b.add(start, hi, name="i.hi", flags=["nsw"])
        head, body, latch, end = (self.new_block(n) for n in ("for.head", "for.body", "for.latch", "for.end"))
        pre = b.block
        b.branch(head)
        b.position_at_end(head)
        k = b.phi(I64, name="k")
        k.add_incoming(lo, pre)
        b.cbranch(b.icmp_signed("<", k, hi), body, end)
        b.position_at_end(body)
        if stop is not None:     # inside the loop: the block is not empty, so its end is within the range
            b.call(assume, [b.icmp_signed("<=", hi, stop)])
        b.store(k if unit else b.add(start, b.mul(k, step)), self.slots[id(loop.var)])
        self.loop_body(None, loop.body, latch, end)
        b.position_at_end(latch)
        nxt = b.add(k, I64(1), name="k.next")
        k.add_incoming(nxt, latch)
        b.branch(head)
        b.position_at_end(end)
        self.ret_status(0)

    def ret_status(self, status: int) -> None:
        """Hand the accumulators back (also on an error: the serial loop's partial result)."""
        b = self.b
        for j, red in enumerate(self.loop.parallel.reductions):
            b.store(b.load(self.slots[id(red.var)]), b.gep(self.task, [I32(0), I32(_ACC + j)]))
        b.ret(status if isinstance(status, ll.Constant) else I32(status))


def _emit_worker(fl: FunctionLowering, s: ir.ForRange, env_t, task_t) -> ll.Function:
    module = fl.ctx.module
    name = module.get_unique_name(f"{fl.llfn.name}.prange")
    fn = ll.Function(module, ll.FunctionType(I32, [task_t.as_pointer()]), name)
    fn.linkage = "internal"
    saved = fl.ctx.current_span
    WorkerLowering(fl, s, fn, env_t).lower()
    fl.ctx.current_span = saved
    return fn


def _emit_runner(ctx, worker: ll.Function, pool_t) -> ll.Function:
    """`i8* runner(pool*)`, a pthread start routine: take the next block (an atomic counter)
    and run it, until none is left; each block's status goes into its task."""
    fn = ll.Function(ctx.module, ll.FunctionType(I8P, [I8P]), worker.name + ".run")
    fn.linkage = "internal"
    b = ll.IRBuilder(fn.append_basic_block("entry"))
    pool = b.bitcast(fn.args[0], pool_t.as_pointer())
    tasks = b.load(b.gep(pool, [I32(0), I32(0)]))
    n = b.load(b.gep(pool, [I32(0), I32(1)]))
    head, run, done = fn.append_basic_block("take"), fn.append_basic_block("run"), fn.append_basic_block("done")
    b.branch(head)
    b.position_at_end(head)
    k = b.atomic_rmw("add", b.gep(pool, [I32(0), I32(2)]), I64(1), "monotonic")
    b.cbranch(b.icmp_signed("<", k, n), run, done)
    b.position_at_end(run)
    task = b.gep(tasks, [k])
    b.store(b.call(worker, [task]), b.gep(task, [I32(0), I32(_STATUS)]))
    b.branch(head)
    b.position_at_end(done)
    b.ret(ll.Constant(I8P, None))
    return fn


# ----------------------------------------------------------------------------- recomputed values

_PURE = (ir.Const, ir.Load, ir.ArrayDim, ir.ArraySize, ir.TupleGet, ir.MakeTuple)


def _pure(e: ir.Expr) -> bool:
    """No side effect and no error: evaluating it again gives the same value."""
    if isinstance(e, ir.BinOp):
        ok = e.op in ("+", "-", "*") and e.type.is_int
    elif isinstance(e, ir.Cast):
        ok = e.type.is_int and e.value.type.is_int
    else:
        ok = isinstance(e, _PURE)
    return ok and all(_pure(c) for c in ir.children(e))


def _loads(e: ir.Expr):
    if isinstance(e, ir.Load):
        yield e.var
    for c in ir.children(e):
        yield from _loads(c)


def _recomputable(e: ir.Expr, captured: list[ir.Var]) -> bool:
    """A pure expression over captured variables: the worker gets its loop-entry value again."""
    ids = {id(v) for v in captured}
    return _pure(e) and all(id(v) in ids for v in _loads(e))


def rematerialisable(fn: ir.Function, loop: ir.Stmt, captured=None) -> list[tuple[ir.Var, ir.Expr]]:
    """Values the worker can recompute: variables assigned once, in the function's top-level
    statements before the loop, from captured arrays, captured parameters that are never
    assigned, and earlier such values (in that order; `h, w = a.shape` goes through a tuple
    temporary the body does not use, recomputed into its private slot).  `captured`: the
    variables the worker is handed (default: the prange loop's)."""
    assigned: dict[int, int] = {}
    _count_assignments(fn.body, assigned)
    captured = {id(v) for v in (loop.parallel.captured if captured is None else captured)}
    stable = {id(p.var) for p in fn.params if id(p.var) not in assigned and id(p.var) in captured}
    out = []
    for stmt in fn.body:
        if _contains(stmt, loop):
            break
        if isinstance(stmt, ir.Assign) and assigned.get(id(stmt.var)) == 1 and not isinstance(stmt.var.type, T.Array) \
                and _pure(stmt.value) \
                and all(id(v) in stable for v in _loads(stmt.value)):
            stable.add(id(stmt.var))
            out.append((stmt.var, stmt.value))
    return out


def _count_assignments(stmts: list[ir.Stmt], counts: dict[int, int]) -> None:
    for s in stmts:
        if isinstance(s, (ir.Assign, ir.ForRange)):
            counts[id(s.var)] = counts.get(id(s.var), 0) + 1
        for body in ir.bodies(s):
            _count_assignments(body, counts)


def _contains(stmt: ir.Stmt, target: ir.Stmt) -> bool:
    return stmt is target or any(_contains(s, target) for body in ir.bodies(stmt) for s in body)


# ----------------------------------------------------------------------------- the thread count

def num_threads_fn(ctx) -> ll.Function:
    """`i64 fx$num_threads()`: FASTEXT_NUM_THREADS when it is an integer >= 1 (at most
    MAX_THREADS), else OMP_NUM_THREADS likewise (its first comma-separated entry), else the
    CPUs this process may run on (sched_getaffinity; sysconf elsewhere).

    Read at every parallel loop, so `fastext.set_num_threads` (which sets the variable)
    takes effect at once in every compiled module.
    """
    name = "fx$num_threads"
    fn = ctx.module.globals.get(name)
    if fn is not None:
        return fn
    fn = ll.Function(ctx.module, ll.FunctionType(I64, []), name)
    fn.linkage = "internal"
    b = ll.IRBuilder(fn.append_basic_block("entry"))
    getenv = _libc(ctx, "getenv", I8P, [I8P])
    strtol = _libc(ctx, "strtol", I64, [I8P, I8P.as_pointer(), I32])
    endp = b.alloca(I8P)
    default = fn.append_basic_block("default")
    # FASTEXT_NUM_THREADS first, then OMP_NUM_THREADS (its first entry: "4,2" asks 4 threads of
    # the outermost level), each when it is an integer >= 1; else the CPUs this process may use
    for env, sep in ((NUM_THREADS_ENV, None), (OMP_NUM_THREADS_ENV, ",")):
        text = b.call(getenv, [ctx.cstring(env)])
        parse, skip = fn.append_basic_block("parse"), fn.append_basic_block("next")
        b.cbranch(b.icmp_unsigned("!=", text, ll.Constant(I8P, None)), parse, skip)
        b.position_at_end(parse)
        value = b.call(strtol, [text, endp, I32(10)])
        end = b.load(endp)
        last = b.load(end)
        ends = b.icmp_unsigned("==", last, I8(0))
        if sep is not None:
            ends = b.or_(ends, b.icmp_unsigned("==", last, I8(ord(sep))))
        whole = b.and_(b.icmp_unsigned("!=", end, text), ends)
        good = b.and_(whole, b.icmp_signed(">=", value, I64(1)))
        with b.if_then(good):
            b.ret(_umin(b, value, I64(MAX_THREADS)))
        b.branch(skip)
        b.position_at_end(skip)
    b.branch(default)
    b.position_at_end(default)
    from fastext.compiler.platforms import is_darwin
    darwin = is_darwin(ctx.module.triple or "")     # the target's libc, not this machine's
    if not darwin:
        words = 16      # a 1024-CPU mask, glibc's cpu_set_t
        mask = b.alloca(ll.ArrayType(I64, words))
        rc = b.call(_libc(ctx, "sched_getaffinity", I32, [I32, I64, I8P]), [I32(0), I64(words * 8), b.bitcast(mask, I8P)])
        with b.if_then(b.icmp_signed("==", rc, I32(0))):
            popcount = ctx.intrinsic("llvm.ctpop.i64", I64, [I64])
            n = I64(0)
            for w in range(words):
                n = b.add(n, b.call(popcount, [b.load(b.gep(mask, [I32(0), I32(w)]))]))
            with b.if_then(b.icmp_signed(">", n, I64(0))):
                b.ret(_umin(b, n, I64(MAX_THREADS)))
    onln = 58 if darwin else 84    # _SC_NPROCESSORS_ONLN (Darwin, glibc)
    n = b.call(_libc(ctx, "sysconf", I64, [I32]), [I32(onln)])
    n = b.select(b.icmp_signed("<", n, I64(1)), I64(1), n)
    b.ret(_umin(b, n, I64(MAX_THREADS)))
    return fn


# ----------------------------------------------------------------------------- helpers

def _active_counter(ctx) -> ll.GlobalVariable:
    """`fx$prange_active`: how many prange loops of this module are running now."""
    from fastext.compiler.lower.ircontrol import internal_global
    return internal_global(ctx.module, "fx$prange_active", I64)


def _libc(ctx, name: str, ret: ll.Type, args: list[ll.Type]) -> ll.Function:
    return ctx.intrinsic(name, ret, args)


def _umin(b: ll.IRBuilder, x: ll.Value, y: ll.Value) -> ll.Value:
    return b.select(b.icmp_unsigned("<", x, y), x, y)


def _counted_loop(fl: FunctionLowering, lo: ll.Value, hi: ll.Value, body, name: str) -> None:
    """for k in range(lo, hi): body(k) — emitted at fl's builder (body may branch out)."""
    b = fl.b
    pre = b.block
    head, loop, done = fl.new_block(name), fl.new_block(name + ".body"), fl.new_block(name + ".end")
    b.branch(head)
    b.position_at_end(head)
    k = b.phi(I64)
    k.add_incoming(lo, pre)
    b.cbranch(b.icmp_signed("<", k, hi), loop, done)
    b.position_at_end(loop)
    body(k)
    k.add_incoming(b.add(k, I64(1)), b.block)
    b.branch(head)
    b.position_at_end(done)


def _body_loops(stmts: list[ir.Stmt]) -> bool:
    """Whether an iteration may do much work: an inner loop, a call, an array method."""

    def heavy(e: ir.Expr) -> bool:
        if isinstance(e, ir.Call) or isinstance(e, ir.Intrinsic) and ops.flag(e.name, "loops"):
            return True
        return any(heavy(c) for c in ir.children(e))
    for s in stmts:
        if isinstance(s, (ir.While, ir.ForRange)):
            return True
        if any(heavy(e) for e in ir.children(s)) or any(_body_loops(body) for body in ir.bodies(s)):
            return True
    return False
