"""Small self-recursive functions unrolled one level into themselves (the clone `fx.NAME.rec`).

LLVM's inliner never inlines a function into itself, so `fib(n - 1) + fib(n - 2)` stays
two calls per level, where gcc inlines the recursion into itself.  Here a qualifying
function is lowered twice: `fx.NAME`, whose self-calls go to the clone, and
`fx.NAME.rec` (`alwaysinline`), whose self-calls go back to `fx.NAME`.  After inlining,
`fx.NAME` is one level of recursion deeper per call; when the function cannot raise
(LLVM then sees it as a pure function) identical calls of the two inlined levels merge,
as for `fib(n - 2)` in `fib(n - 1)` and `fib(n)` (docs/performance.md, "fib(30)").

Only small functions with scalar parameters and straight-line or branching bodies
qualify (no loops, no arrays, no objects, no exception handlers), so the code at most
doubles and the clone needs nothing lowered once per module.  The profiling build keeps
every call (it counts them), so it does not unroll.
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.analysis import callees
from fastext.compiler.lower.function import FunctionLowering, native_signature

MAX_NODES = 48        # statements + expressions of the body
MAX_SELF_CALLS = 3
_STMTS = (ir.Assign, ir.ExprStmt, ir.If, ir.Return, ir.Raise)
_EXPRS = (ir.Const, ir.Load, ir.Cast, ir.BinOp, ir.UnaryOp, ir.Compare, ir.BoolOp, ir.Truth, ir.IfExp,
          ir.Call, ir.Intrinsic)


def _scalar(t: T.Type) -> bool:
    return isinstance(t, T.Scalar)


def unrollable(fn: ir.Function) -> bool:
    """Whether `fn` calls itself and is small and simple enough to clone (see the module doc)."""
    if fn.inline or not all(_scalar(p.var.type) for p in fn.params):
        return False
    if not (fn.ret == T.NONE or _scalar(fn.ret)) or not all(_scalar(v.type) for v in fn.locals):
        return False
    nodes, self_calls = 0, 0
    stack: list[ir.Stmt | ir.Expr] = list(fn.body)
    while stack:
        node = stack.pop()
        nodes += 1
        if nodes > MAX_NODES:
            return False
        if isinstance(node, ir.Stmt):
            if not isinstance(node, _STMTS):
                return False
            if isinstance(node, ir.If):
                stack += [node.cond, *node.then, *node.orelse]
            elif isinstance(node, (ir.Assign, ir.ExprStmt)) or isinstance(node, ir.Return) and node.value:
                stack.append(node.value)
            continue
        if not isinstance(node, _EXPRS) or not (node.type == T.NONE or _scalar(node.type)):
            return False
        if isinstance(node, ir.Call) and node.func == fn.name:
            self_calls += 1
        stack += ir.children(node)
    return 0 < self_calls <= MAX_SELF_CALLS


def declare_clones(ctx, module: ir.Module) -> dict[str, ll.Function]:
    """`fx.NAME.rec` for each unrollable function (none in the profiling build); a function
    checked in jump mode (below) clones `fx.NAME.r`, with its signature."""
    if ctx.profile:
        return {}
    clones = {}
    for fn in module.functions.values():
        if unrollable(fn):
            jump = ctx.recursion is not None and ctx.recursion.mode.get(fn.name) == "jump"
            sig = jump_signature(fn) if jump else native_signature(fn)
            clone = ll.Function(ctx.module, sig, f"fx.{fn.name}.rec")
            clone.linkage = "internal"
            clone.attributes.add("alwaysinline")
            clones[fn.name] = clone
    return clones


def primary_lowering(ctx, fn: ir.Function) -> FunctionLowering:
    """The lowering of `fn`'s own body: into `fx.NAME.r` for a jump-mode function (with the
    guard's record as its second argument), else into `fx.NAME`; recursive ones check the
    stack on entry."""
    fl = FunctionLowering(ctx, fn)
    plan = ctx.recursion
    if plan is not None and fn.name in plan.mode:
        fl.depth_check = True
        if plan.mode[fn.name] == "jump":
            fl.llfn, fl.jump = plan.bodies[fn.name], True
    return fl


def lower_unrolled(ctx, fn: ir.Function, clone: ll.Function) -> None:
    """Lower `fn` into `fx.NAME` (or `fx.NAME.r`) calling the clone, and into the clone calling
    it back; only the outer level checks the stack."""
    outer = primary_lowering(ctx, fn)
    outer.self_call = clone
    outer.lower()
    inner = FunctionLowering(ctx, fn)
    inner.llfn, inner.self_call, inner.jump = clone, outer.llfn, getattr(outer, "jump", False)
    inner.lower()


# ---------------------------------------------------------------------------- RecursionError
# Unbounded recursion used to overflow the C stack (a segfault).  Python raises RecursionError;
# so does compiled code now, with a stack-limit check in recursive functions only: every
# entry point that can reach recursion (and every prange worker) stores in the error record
# the lowest stack address recursive code may use on its thread (STACK_BUDGET below its own
# frame); a recursive function compares its own stack position with it on entry.  Functions
# that are not recursive pay nothing.
#
# Two ways to raise, per strongly connected component of the call graph:
#
# * "jump" — every function of the cycle is free of cleanups (no Python objects, no `try`,
#   no prange): each is lowered as `fx.NAME.r(err, rec, params...)`, whose self- and
#   mutual calls pass `rec` along; its check reads the limit from `rec` and on overflow
#   calls `fx_rec_overflow(rec)`, which longjmps back to `fx.NAME` — the guard every other
#   caller calls, with the ordinary signature, which did the setjmp and now raises
#   RecursionError through the ordinary error record.  The frames skipped by the jump hold
#   nothing to release.  The check reads no error record and writes nothing, so a function
#   like fib stays pure for LLVM: its status folds away and the identical calls of the two
#   unrolled levels still merge (benchmarks/SUITE.md, fib(30)).
# * "status" — a cycle with cleanups to run (objects, handlers, threads) or the profiling
#   build: the check raises RecursionError as any error is raised (status 1 through every
#   frame, handlers and finally blocks run, references are dropped).

STACK_BUDGET = 1 << 20      # bytes of stack recursive code may use below an entry point's frame
RECURSION_MESSAGE = "maximum recursion depth exceeded"
_REC_RECORD = ll.ArrayType(ll.IntType(64), 2 + 64)     # {limit, pad, jmp_buf (512 bytes, any libc)}


class Plan:
    """Which functions are recursive and how each checks its depth (see above)."""

    def __init__(self, module: ir.Module, profile: bool):
        self.mode: dict[str, str] = {}          # recursive function → "jump" | "status"
        self.scc: dict[str, int] = {}           # recursive function → its cycle's number
        for k, scc in enumerate(_cycles(module)):
            jump = not profile and all(_unwindable(module.functions[n]) for n in scc)
            for n in scc:
                self.mode[n] = "jump" if jump else "status"
                self.scc[n] = k
        # functions from which recursion can be reached: their entry points set the limit
        self.reaches: set[str] = set()
        for name, fn in module.functions.items():
            if name in self.mode or any(c in self.mode for c in callees(module, name)):
                self.reaches.add(name)
        self.bodies: dict[str, ll.Function] = {}     # jump mode: fx.NAME.r

    def same_cycle(self, a: str, b: str) -> bool:
        return a in self.scc and self.scc.get(b) == self.scc[a]


def _cycles(module: ir.Module) -> list[list[str]]:
    """The recursive strongly connected components (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    out: list[list[str]] = []
    counter = 0
    for root in module.functions:
        if root in index:
            continue
        work = [(root, iter(sorted(c for c in module.functions[root].calls if c in module.functions)))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(c for c in module.functions[child].calls
                                                    if c in module.functions))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    scc = []
                    while True:
                        n = stack.pop()
                        on_stack.discard(n)
                        scc.append(n)
                        if n == node:
                            break
                    if len(scc) > 1 or node in module.functions[node].calls:
                        out.append(sorted(scc))
    return out


def _unwindable(fn: ir.Function) -> bool:
    """Nothing to clean up in its frame when a jump skips it: no Python objects (references),
    no `try` (handlers and finally blocks must run), no prange (threads), CPU code."""
    if fn.objects or fn.target != "cpu":
        return False
    for s in ir.walk(fn.body):
        if isinstance(s, ir.Try) or isinstance(s, ir.ForRange) and s.parallel is not None:
            return False
    return True


def stack_position(ctx, b: ll.IRBuilder) -> ll.Value:
    """This frame's stack position as an integer: the address of the return address on x86-64
    and AArch64 (free: no frame pointer forced), else the frame address."""
    i64 = ll.IntType(64)
    ptr = ll.IntType(8).as_pointer()
    triple = ctx.module.triple or ""
    if triple.startswith(("x86_64", "aarch64", "arm64")):
        fn = ctx.intrinsic("llvm.addressofreturnaddress.p0", ptr, [])
        return b.ptrtoint(b.call(fn, []), i64)
    fn = ctx.intrinsic("llvm.frameaddress.p0", ptr, [ll.IntType(32)])
    return b.ptrtoint(b.call(fn, [ll.IntType(32)(0)]), i64)


def set_stack_limit(ctx, b: ll.IRBuilder, err: ll.Value) -> None:
    """err.stack_limit = this frame's position - STACK_BUDGET (entry points, prange workers)."""
    from fastext.compiler.lower.context import ERR_STACK, I32, I64
    limit = b.sub(stack_position(ctx, b), I64(STACK_BUDGET))
    b.store(limit, b.gep(err, [I32(0), I32(ERR_STACK)]))


def jump_signature(fn: ir.Function) -> ll.FunctionType:
    """`fx.NAME.r`: the native signature with the guard's record after the error record."""
    sig = native_signature(fn)
    return ll.FunctionType(sig.return_type, [sig.args[0], ll.IntType(8).as_pointer(), *sig.args[1:]])


def declare(ctx, module: ir.Module) -> Plan:
    """The plan, and `fx.NAME.r` for every function of a jump-mode cycle."""
    plan = Plan(module, ctx.profile)
    for name, mode in plan.mode.items():
        if mode == "jump":
            body = ll.Function(ctx.module, jump_signature(module.functions[name]), f"fx.{name}.r")
            body.linkage = "internal"
            plan.bodies[name] = body
    ctx.recursion = plan
    return plan


def emit_check(fl) -> None:
    """Before a call within the cycle: RecursionError when this frame is past the stack limit.

    At the call rather than on entry: a call that does not recurse (fib's leaves) then runs
    no check, and LLVM can still keep the frame set-up off that path (shrink-wrapping); the
    checks of one frame's several calls merge.  The unrolled clone does not check: it is
    inlined into the frame that does."""
    from fastext.compiler.lower.context import ERR_STACK, I32, I64
    b = fl.b
    rec = getattr(fl, "rec_ctx", None)
    here = stack_position(fl.ctx, b)
    if rec is not None:
        limit = b.load(b.bitcast(rec, I64.as_pointer()))
        with b.if_then(b.icmp_unsigned("<", here, limit), likely=False):
            overflow = fl.ctx.module.globals.get("fx_rec_overflow") or ll.Function(
                fl.ctx.module, ll.FunctionType(ll.VoidType(), [rec.type]), "fx_rec_overflow")
            b.call(overflow, [rec])
            b.unreachable()
            b.position_at_end(fl.new_block("rec.unreachable"))
        return
    limit = b.load(b.gep(fl.err, [I32(0), I32(ERR_STACK)]))
    fl.fail_if(b.icmp_unsigned("<", here, limit), "RecursionError", RECURSION_MESSAGE)


def emit_guard(ctx, fn: ir.Function) -> None:
    """`fx.NAME` of a jump-mode function: set up the jump target and call `fx.NAME.r`."""
    from fastext.compiler.lower.context import ERR_STACK, I32, fill_error
    guard = ctx.functions[fn.name]
    guard.attributes.add("noinline")      # setjmp keeps its caller's optimisations conservative
    body = ctx.recursion.bodies[fn.name]
    b = ll.IRBuilder(guard.append_basic_block("entry"))
    err, *params = guard.args
    rec = b.alloca(_REC_RECORD, name="rec")
    rec.align = 16
    b.store(b.load(b.gep(err, [I32(0), I32(ERR_STACK)])), b.gep(rec, [I32(0), I32(0)]))
    setjmp = ctx.module.globals.get("_setjmp")
    if setjmp is None:
        setjmp = ll.Function(ctx.module, ll.FunctionType(I32, [ll.IntType(8).as_pointer()]), "_setjmp")
        setjmp.attributes.add("returns_twice")
        setjmp.attributes.add("nounwind")
    jumped = b.call(setjmp, [b.bitcast(b.gep(rec, [I32(0), I32(2)]), ll.IntType(8).as_pointer())])
    overflow, run = guard.append_basic_block("overflow"), guard.append_basic_block("run")
    b.cbranch(b.icmp_signed("!=", jumped, I32(0)), overflow, run)
    b.position_at_end(run)
    result = b.call(body, [err, b.bitcast(rec, ll.IntType(8).as_pointer()), *params])
    if isinstance(result.type, ll.IntType):
        b.ret(result)
    else:
        # rebuilt field by field: when the body's status is always 0 (it cannot raise), LLVM
        # folds it here too and drops it from the body's return type (fib returns a plain i64)
        status, value = b.extract_value(result, 0), b.extract_value(result, 1)
        b.ret(b.insert_value(b.insert_value(ll.Constant(result.type, ll.Undefined), status, 0), value, 1))
    b.position_at_end(overflow)
    fill_error(b, err, ctx, "RecursionError", RECURSION_MESSAGE)
    ret_t = guard.function_type.return_type
    if isinstance(ret_t, ll.IntType):
        b.ret(I32(1))
    else:
        b.ret(b.insert_value(ll.Constant(ret_t, None), I32(1), 0))
