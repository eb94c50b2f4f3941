"""Speculative inner loops: a pure reduction loop runs without early exits, and is replayed
with its checks on when anything failed.

`for j in range(n): s += _a(i, j) * v[j]` calls a function that may raise
(`_a` divides, so it returns a ZeroDivisionError status); written inline,
`s += 1.0 / (i + j + 1) * v[j]` has the division's own zero-divisor check.  Lowered plainly, each call is
followed by a branch out of the loop, and LLVM's loop vectoriser refuses loops with an
early exit and a reduction.  Here such a loop is emitted twice:

1. the speculative loop: calls get a scratch copy of the error record and their status
   is OR-ed into a flag instead of leaving the loop (after inlining, the callee's error
   branch becomes a `select` and the scratch record's stores disappear), and so is the
   zero-divisor test of an inline `/`, `//` or `%` (an integer divide gets a divisor of 1
   instead of the zero), so LLVM can vectorise it; any other failed check (bounds, `int()`
   range, …) leaves for the replay;
2. if the flag is set (or a check left), the loop's locals get their values from before
   the loop back and the ordinary loop runs from the start, raising the first error
   exactly where Python does.

Up to the first failure both loops compute the same values in the same order, so a
loop that does not fail has exactly the plain result; one that fails replays.  What
makes running on after a failure harmless is checked by `applies`: the body only assigns
scalar locals (no stores, no control flow, no Python objects), and every function it
calls (transitively) writes no array, allocates nothing, has no loop or recursion (so it
ends), touches no Python object and uses only side-effect-free builtins; where bounds checks
are off (`--no-boundscheck`, `@boundscheck(False)`) no array may be read either, since
an unchecked read past the failure could be out of bounds where the program never reads.
"""
from __future__ import annotations

import dataclasses

import llvmlite.ir as ll

from fastext.compiler import ir, ops, types as T
from fastext.compiler.lower.context import I32

_PURE_EXPRS = (ir.Const, ir.Load, ir.Cast, ir.BinOp, ir.UnaryOp, ir.Compare, ir.BoolOp, ir.Truth, ir.IfExp,
               ir.Call, ir.Intrinsic, ir.Index, ir.ArrayDim, ir.ArraySize, ir.MakeTuple, ir.TupleGet)


@dataclasses.dataclass
class Speculation:
    """Lowering state while the speculative copy of a loop is emitted."""
    err: ll.Value          # the scratch error record the calls get
    flag: ll.Value         # i1 slot: some call failed
    replay: ll.Block       # where a failed check goes


def _pure_expr(e: ir.Expr, callee_ok, checked: bool = True) -> bool:
    """Side-effect free; with `checked` False (bounds checks off) also free of array reads,
    which running past a failure could make at indices the program never reaches."""
    if not isinstance(e, _PURE_EXPRS) or isinstance(e.type, (T.PyObj, T.Str)):
        return False
    if isinstance(e, ir.Index) and not checked:
        return False
    if isinstance(e, (ir.MakeTuple, ir.Index)) and isinstance(e.type, T.Struct) and e.type.mutable:
        return False      # allocates a record: a replay would allocate again
    if isinstance(e, ir.Intrinsic) and not _cheap_and_pure(e.name):
        return False
    if isinstance(e, ir.Call) and not callee_ok(e.func):
        return False
    return all(_pure_expr(c, callee_ok, checked) for c in ir.children(e))


def _cheap_and_pure(name: str) -> bool:
    """A registry operation without side effects that does no array-sized work."""
    op = ops.get(name)
    return op.pure and not op.loops and not op.allocates and not op.needs_gil


def _stmts_pure(stmts: list[ir.Stmt], callee_ok, allow_return: bool, checked: bool) -> bool:
    """Straight-line code (a callee may also branch and return) that only assigns scalars."""
    for s in stmts:
        if isinstance(s, ir.Assign):
            if not scalar_like(s.var.type) or not _pure_expr(s.value, callee_ok, checked):
                return False
        elif allow_return and isinstance(s, ir.Return):
            if s.value is not None and not _pure_expr(s.value, callee_ok, checked):
                return False
        elif allow_return and isinstance(s, ir.If):
            if not (_pure_expr(s.cond, callee_ok, checked) and _stmts_pure(s.then, callee_ok, True, checked)
                    and _stmts_pure(s.orelse, callee_ok, True, checked)):
                return False
        elif allow_return and isinstance(s, ir.Raise):
            continue
        else:
            return False
    return True


def scalar_like(t: T.Type) -> bool:
    """A value held in registers: a scalar, or a tuple of them (`enumerate`'s `(j, u[j])`)."""
    return isinstance(t, T.Scalar) or (isinstance(t, T.Tuple) and all(scalar_like(x) for x in t.items))


def _pure_function(module: ir.Module, name: str, seen: set[str], checked: bool) -> bool:
    fn = module.functions.get(name)
    if fn is None or fn.writes or fn.loops or fn.objects or fn.target != "cpu":
        return False
    if any(isinstance(p.var.type, (T.PyObj, T.Str)) for p in fn.params):
        return False
    if name in seen:
        return True
    seen.add(name)
    return _stmts_pure(fn.body, lambda f: _pure_function(module, f, seen, checked), True,
                       checked and fn.boundscheck)


def applies(fl, s: ir.ForRange) -> bool:
    """Whether `s` is a loop worth and safe to speculate (see the module doc)."""
    module = getattr(fl.ctx, "ir_module", None)
    if module is None or s.parallel is not None or s.orelse or not s.body:
        return False
    if not (isinstance(s.step, ir.Const) and s.step.value == 1):
        return False
    seen: set[str] = set()
    checked = fl.ctx.boundscheck
    return worth(s.body) and _stmts_pure(s.body, lambda f: _pure_function(module, f, seen, checked), False,
                                         fl.boundscheck)


def worth(body: list[ir.Stmt]) -> bool:
    """The body has a check that speculation takes off the loop's path: a call's status, or
    the zero-divisor test of `/`, `//`, `%` (deferred: `FunctionLowering.fail_if`)."""
    return any(isinstance(e, ir.Call) or (isinstance(e, ir.BinOp) and e.op in ("/", "//", "%"))
               for st in body if isinstance(st, ir.Assign) for e in ir.walk_exprs(st.value))




def lower(fl, s: ir.ForRange) -> None:
    """Emit the speculative loop, then the replay (the ordinary loop) behind the flag."""
    b = fl.b
    start, stop, step = fl.expr(s.start), fl.expr(s.stop), fl.expr(s.step)
    assigned = {id(st.var): st.var for st in s.body if isinstance(st, ir.Assign)}
    assigned[id(s.var)] = s.var
    saved = [(fl.slots[k], b.load(fl.slots[k])) for k in assigned]
    scratch = fl.entry_alloca(fl.err.type.pointee)
    b.store(b.load(fl.err), scratch)     # the arena pointer and the rest, as the callee may read them
    flag = fl.entry_alloca(ll.IntType(1))
    b.store(ll.Constant(ll.IntType(1), 0), flag)
    replay, done = fl.new_block("spec.replay"), fl.new_block("spec.done")
    fl.speculation = Speculation(scratch, flag, replay)
    try:
        fl.range_loop(s, start, stop, step)
    finally:
        fl.speculation = None
    b.cbranch(b.load(flag), replay, done)
    b.position_at_end(replay)
    for slot, value in saved:
        b.store(value, slot)
    fl.range_loop(s, start, stop, step)
    if not b.block.is_terminated:
        b.branch(done)
    b.position_at_end(done)


def call(fl, e: ir.Call) -> ll.Value:
    """A call inside the speculative loop: scratch error record, status into the flag."""
    b, spec = fl.b, fl.speculation
    args = [fl.expr(a) for a in e.args]
    if e.intargs is not None:
        from fastext.compiler.lower.intrinsics import store_intargs
        store_intargs(fl, e, spec.err)
    result = b.call(fl.ctx.functions[e.func], [spec.err] + args)
    status = result if e.type == T.NONE else b.extract_value(result, 0)
    b.store(b.or_(b.load(spec.flag), b.icmp_unsigned("!=", status, I32(0))), spec.flag)
    return ll.Constant(ll.IntType(1), 0) if e.type == T.NONE else b.extract_value(result, 1)
