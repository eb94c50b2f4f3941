"""The persistent thread pool that runs `prange` blocks: one per compiled module.

Starting and joining threads at every parallel loop cost ~20-30 µs a loop; the pool keeps its
threads between loops, so a loop costs a mutex, a broadcast and the wake-up of threads that
are still spinning (a few µs; see docs/performance.md, "prange overhead").

    void fx$pool_run(i8* fn, i8* arg, i64 helpers)
        runs fn(arg) on the calling thread and on `helpers` pool threads at once (fn is a
        prange runner: it takes blocks from an atomic counter until none is left), and
        returns when every one of them has returned.

State (module globals): `gen`, the job number, and the job (`fn`, `arg`, `tickets`: how many
pool threads may still join it) are written under the pool mutex; `pending` counts the
joined threads still running (and those that may still join).  When the caller's own run
returns every block is taken: it closes the job (the tickets left are threads that never
joined, taken off `pending`), so a pool thread the OS has not scheduled yet is not waited for.  A pool thread waits for `gen` to change: first spinning
(SPIN_ROUNDS `pause`s, so back-to-back loops wake it at once), then on the `work` condition
variable.  It reads the job under the mutex (a consistent snapshot even when it slept through
a job it did not take part in), runs it, and the last one to finish signals `done`.

Created lazily by the first parallel loop that has more than one thread; more threads are
added when a later loop wants more (FASTEXT_NUM_THREADS raised).  Threads are detached and
never joined: at interpreter exit they are asleep on a condition variable (or spinning for a
moment) and end with the process, so exit cannot hang on them.  Fork safety: the pool records
its process id; a forked child (which has none of the parent's threads) finds a different
`getpid()` at its first parallel loop and builds a fresh pool, mutex and condition variables
included.  (This is what a pthread_atfork child handler would do, without its registration,
which the JIT path could not resolve on every C library.)

No C runtime: pthread and libc functions are called from the generated code.
"""
from __future__ import annotations

import platform

from llvmlite import ir as ll

from fastext.compiler.lower.context import I32, I64, I8P
from fastext.compiler.lower.ircontrol import internal_global

SPIN_ROUNDS = 8192      # `pause`s a waiting thread spins before it sleeps (tens to hundreds of µs)
_SYNC = ll.ArrayType(I64, 16)     # room for a pthread_mutex_t / pthread_cond_t of any libc (<= 128 bytes)

_NONE, _INIT, _READY = 0, 1, 2


def pool_run_fn(ctx) -> ll.Function:
    """`void fx$pool_run(i8* fn, i8* arg, i64 helpers)` (emitted once per module)."""
    name = "fx$pool_run"
    fn = ctx.module.globals.get(name)
    if fn is not None:
        return fn
    g = _Globals(ctx)
    runner_t = ll.FunctionType(I8P, [I8P])
    fn = ll.Function(ctx.module, ll.FunctionType(ll.VoidType(), [I8P, I8P, I64]), name)
    fn.linkage = "internal"
    job, arg, helpers = fn.args
    b = ll.IRBuilder(fn.append_basic_block("entry"))
    alone, shared = fn.append_basic_block("alone"), fn.append_basic_block("shared")
    b.cbranch(b.icmp_signed("<=", helpers, I64(0)), alone, shared)
    b.position_at_end(alone)
    b.call(b.bitcast(job, runner_t.as_pointer()), [arg])
    b.ret_void()

    b.position_at_end(shared)
    b.call(_ensure_fn(ctx, g), [])
    b.call(g.libc("pthread_mutex_lock", I32, [I8P]), [g.mutex(b)])
    # grow the pool to `helpers` threads; a thread that cannot be created leaves its share to the others
    worker = _worker_fn(ctx, g)
    create = g.libc("pthread_create", I32, [I64.as_pointer(), I8P, worker.type, I8P])
    detach = g.libc("pthread_detach", I32, [I64])
    tid = b.alloca(I64)
    grow, make, grown = (fn.append_basic_block(n) for n in ("grow", "make", "grown"))
    b.branch(grow)
    b.position_at_end(grow)
    have = b.load(g.workers)
    b.cbranch(b.icmp_signed("<", have, helpers), make, grown)
    b.position_at_end(make)
    # the new thread's start argument: its index, and the job number it has seen (it must take
    # part in the job published below even if it starts running after that)
    start = b.or_(have, b.shl(b.load(g.gen), I64(16)))
    rc = b.call(create, [tid, ll.Constant(I8P, None), worker, b.inttoptr(start, I8P)])
    made = fn.append_basic_block("made")
    b.cbranch(b.icmp_signed("==", rc, I32(0)), made, grown)
    b.position_at_end(made)
    b.call(detach, [b.load(tid)])
    b.store(b.add(have, I64(1)), g.workers)
    b.branch(grow)
    b.position_at_end(grown)
    have = b.load(g.workers)
    n = b.select(b.icmp_signed("<", have, helpers), have, helpers)
    b.store(job, g.job)
    b.store(arg, g.arg)
    b.store_atomic(n, g.tickets, "seq_cst", 8)
    b.store_atomic(n, g.pending, "seq_cst", 8)
    b.store_atomic(b.add(b.load(g.gen), I64(1)), g.gen, "seq_cst", 8)
    b.call(g.libc("pthread_cond_broadcast", I32, [I8P]), [g.work(b)])
    b.call(g.libc("pthread_mutex_unlock", I32, [I8P]), [g.mutex(b)])
    b.call(b.bitcast(job, runner_t.as_pointer()), [arg])
    # every block is taken now: close the job, so that a pool thread the OS has not run yet
    # is not waited for (it would find no block anyway); the tickets left are the threads
    # that never joined
    left = b.atomic_rmw("xchg", g.tickets, I64(0), "seq_cst")
    with b.if_then(b.icmp_signed(">", left, I64(0))):
        b.atomic_rmw("sub", g.pending, left, "seq_cst")
    # wait for the ones that joined: spin a while (they run blocks as this thread did), then sleep
    _spin_until(ctx, b, fn, lambda: b.icmp_signed("==", b.load_atomic(g.pending, "seq_cst", 8), I64(0)), "done")
    b.ret_void()
    return fn


class _Globals:
    """The pool's module globals (internal, zero-initialised)."""

    def __init__(self, ctx):
        self.ctx = ctx
        self.state = self._var("state", I32)
        self.pid = self._var("pid", I32)
        self.workers = self._var("workers", I64)
        self.gen = self._var("gen", I64)
        self.pending = self._var("pending", I64)
        self.tickets = self._var("tickets", I64)
        self.job = self._var("job", I8P)
        self.arg = self._var("arg", I8P)
        self._mutex = self._var("mutex", _SYNC)
        self._work = self._var("work", _SYNC)
        self._done = self._var("done", _SYNC)

    def _var(self, name: str, ty: ll.Type) -> ll.GlobalVariable:
        gv = internal_global(self.ctx.module, f"fx$pool.{name}", ty)
        gv.align = 16 if isinstance(ty, ll.ArrayType) else 8
        return gv

    def mutex(self, b):
        return b.bitcast(self._mutex, I8P)

    def work(self, b):
        return b.bitcast(self._work, I8P)

    def done(self, b):
        return b.bitcast(self._done, I8P)

    def libc(self, name: str, ret: ll.Type, args: list[ll.Type]) -> ll.Function:
        return self.ctx.intrinsic(name, ret, args)


def _ensure_fn(ctx, g: _Globals) -> ll.Function:
    """`void fx$pool_ensure()`: the mutex and condition variables initialised for this process.

    state 0 (none) → 1 (initialising, others yield) → 2 (ready); a ready pool whose process id
    is not ours was inherited through fork(): its threads do not exist here, so start over."""
    name = "fx$pool_ensure"
    fn = ctx.module.globals.get(name)
    if fn is not None:
        return fn
    fn = ll.Function(ctx.module, ll.FunctionType(ll.VoidType(), []), name)
    fn.linkage = "internal"
    b = ll.IRBuilder(fn.append_basic_block("entry"))
    getpid = g.libc("getpid", I32, [])
    look, ready, other, claim, init, wait = (fn.append_basic_block(n) for n in
                                             ("look", "ready", "other", "claim", "init", "wait"))
    b.branch(look)
    b.position_at_end(look)
    s = b.load_atomic(g.state, "seq_cst", 4)
    b.cbranch(b.icmp_signed("==", s, I32(_READY)), ready, other)
    b.position_at_end(ready)
    same = b.icmp_signed("==", b.load(g.pid), b.call(getpid, []))
    done = fn.append_basic_block("done")
    b.cbranch(same, done, claim)
    b.position_at_end(other)
    b.cbranch(b.icmp_signed("==", s, I32(_INIT)), wait, claim)
    b.position_at_end(wait)
    b.call(g.libc("sched_yield", I32, []), [])
    b.branch(look)
    b.position_at_end(claim)
    pair = b.cmpxchg(g.state, s, I32(_INIT), "seq_cst", "seq_cst")
    b.cbranch(b.extract_value(pair, 1), init, look)
    b.position_at_end(init)
    null = ll.Constant(I8P, None)
    b.call(g.libc("pthread_mutex_init", I32, [I8P, I8P]), [g.mutex(b), null])
    cond_init = g.libc("pthread_cond_init", I32, [I8P, I8P])
    b.call(cond_init, [g.work(b), null])
    b.call(cond_init, [g.done(b), null])
    for var in (g.workers, g.gen, g.pending, g.tickets):
        b.store(I64(0), var)
    b.store(b.call(getpid, []), g.pid)
    b.store_atomic(I32(_READY), g.state, "seq_cst", 4)
    b.branch(done)
    b.position_at_end(done)
    b.ret_void()
    return fn


def _worker_fn(ctx, g: _Globals) -> ll.Function:
    """`i8* fx$pool_worker(i8* start)`: a pool thread; start = index | seen job number << 16
    (the index is not used: any pool thread may join a job while tickets are left)."""
    name = "fx$pool_worker"
    fn = ctx.module.globals.get(name)
    if fn is not None:
        return fn
    fn = ll.Function(ctx.module, ll.FunctionType(I8P, [I8P]), name)
    fn.linkage = "internal"
    b = ll.IRBuilder(fn.append_basic_block("entry"))
    start = b.ptrtoint(fn.args[0], I64)
    seen0 = b.lshr(start, I64(16))
    entry = b.block
    loop = fn.append_basic_block("loop")
    b.branch(loop)
    b.position_at_end(loop)
    seen = b.phi(I64, "seen")
    seen.add_incoming(seen0, entry)
    # wait for a new job: spin, then sleep on `work` (the job number is re-read under the mutex)
    _spin_until(ctx, b, fn, lambda: b.icmp_signed("!=", b.load_atomic(g.gen, "seq_cst", 8), seen), "job",
                sleep=False)
    lock = g.libc("pthread_mutex_lock", I32, [I8P])
    unlock = g.libc("pthread_mutex_unlock", I32, [I8P])
    b.call(lock, [g.mutex(b)])
    check, sleep, got = (fn.append_basic_block(n) for n in ("check", "sleep", "got"))
    b.branch(check)
    b.position_at_end(check)
    gen = b.load(g.gen)
    b.cbranch(b.icmp_signed("==", gen, seen), sleep, got)
    b.position_at_end(sleep)
    b.call(g.libc("pthread_cond_wait", I32, [I8P, I8P]), [g.work(b), g.mutex(b)])
    b.branch(check)
    b.position_at_end(got)
    job, arg = b.load(g.job), b.load(g.arg)
    # join the job if it is still open (a ticket left): under the mutex, so the job read is
    # the current one and its caller, which closes it before returning, waits for this thread
    joined = b.icmp_signed(">", b.atomic_rmw("sub", g.tickets, I64(1), "seq_cst"), I64(0))
    b.call(unlock, [g.mutex(b)])
    run, finished = fn.append_basic_block("run"), fn.append_basic_block("finished")
    b.cbranch(joined, run, loop)
    seen.add_incoming(gen, got)
    b.position_at_end(run)
    b.call(b.bitcast(job, ll.FunctionType(I8P, [I8P]).as_pointer()), [arg])
    left = b.atomic_rmw("sub", g.pending, I64(1), "seq_cst")
    last = fn.append_basic_block("last")
    b.cbranch(b.icmp_signed("==", left, I64(1)), last, finished)
    b.position_at_end(last)
    # the caller may be asleep on `done`: signal under the mutex, so the wake-up cannot be lost
    b.call(lock, [g.mutex(b)])
    b.call(g.libc("pthread_cond_broadcast", I32, [I8P]), [g.done(b)])
    b.call(unlock, [g.mutex(b)])
    b.branch(finished)
    b.position_at_end(finished)
    seen.add_incoming(gen, finished)
    b.branch(loop)
    return fn


def _spin_until(ctx, b: ll.IRBuilder, fn: ll.Function, cond, name: str, sleep: bool = True) -> None:
    """Spin (SPIN_ROUNDS rounds of a CPU `pause`) until cond() holds; then, when `sleep`, wait
    on the pool's `done` condition variable, re-testing cond() under the mutex."""
    pre = b.block
    head, body, out = (fn.append_basic_block(f"{name}.{n}") for n in ("spin", "pause", "spun"))
    b.branch(head)
    b.position_at_end(head)
    k = b.phi(I64)
    k.add_incoming(I64(0), pre)
    met = fn.append_basic_block(f"{name}.met")
    b.cbranch(cond(), met, body)
    b.position_at_end(body)
    _pause(ctx, b)
    nxt = b.add(k, I64(1))
    k.add_incoming(nxt, body)
    b.cbranch(b.icmp_signed("<", nxt, I64(SPIN_ROUNDS)), head, out)
    b.position_at_end(out)
    if sleep:
        g = _Globals(ctx)
        b.call(g.libc("pthread_mutex_lock", I32, [I8P]), [g.mutex(b)])
        test, wait, leave = (fn.append_basic_block(f"{name}.{n}") for n in ("test", "wait", "leave"))
        b.branch(test)
        b.position_at_end(test)
        b.cbranch(cond(), leave, wait)
        b.position_at_end(wait)
        b.call(g.libc("pthread_cond_wait", I32, [I8P, I8P]), [g.done(b), g.mutex(b)])
        b.branch(test)
        b.position_at_end(leave)
        b.call(g.libc("pthread_mutex_unlock", I32, [I8P]), [g.mutex(b)])
    b.branch(met)
    b.position_at_end(met)


def _pause(ctx, b: ll.IRBuilder) -> None:
    """The CPU's spin-wait hint (x86 `pause`, Arm `yield`): a spinning thread leaves its core's
    other hardware thread the execution units.  Chosen by the module's triple, not this
    machine: a cross-compiled object must not carry the host's instruction."""
    machine = (ctx.module.triple or platform.machine()).split("-", 1)[0].lower()
    if machine in ("x86_64", "amd64", "i686", "x86"):
        b.call(ctx.intrinsic("llvm.x86.sse2.pause", ll.VoidType(), []), [])
    elif machine in ("aarch64", "arm64"):
        b.call(ctx.intrinsic("llvm.aarch64.hint", ll.VoidType(), [I32]), [I32(1)])
    else:
        b.asm(ll.FunctionType(ll.VoidType(), []), "", "~{memory}", [], side_effect=True)
