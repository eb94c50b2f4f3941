"""Bounds checks hoisted out of loops by versioning (the facts come from compiler/bounds.py).

Before a `for ... in range` loop whose indexings have known intervals, one test decides
which of two copies of the loop runs:

    ok = every proven index interval lies inside its length (computed without overflow)
    if ok:  the loop with those indexings unchecked (no negative-index wrap, no branch out)
    else:   the ordinary loop, every check in place

The test only reads values the loop cannot change, and has no side effect, so when it fails
the checked loop raises the same IndexError, at the same iteration, after the same side
effects as plain Python.  Loops nested in the unchecked copy may be versioned again for the
indexings still checked there; the checked copy never is (the copies would multiply).
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler import bounds, ir
from fastext.compiler.lower.context import I1, I64


def lower(fl, s: ir.ForRange, rest) -> bool:
    """Version `s` when it has provable indexings; `rest(lowering, s)` lowers one copy of the
    loop.  Returns False (emitting nothing) when the loop is not versioned."""
    if fl.in_fallback:
        return False
    facts = [a for a in bounds.loop_facts(s, _private(fl)) if id(a.node) not in fl.proven]
    if not facts:
        return False
    _version(fl, facts, lambda lowering: rest(lowering, s), ("loop", id(s)), s)
    return True


def lower_block(fl, stmts: list[ir.Stmt]) -> None:
    """Lower `stmts` (a loop's body or part of it), versioning each run of straight-line
    statements that has two or more provable indexings (`bounds.region_facts`) from the
    statement where the most become provable (after the assignments of the names they use)."""
    k = 0
    while k < len(stmts) and not fl.b.block.is_terminated:
        end = bounds.region_end(stmts, k)
        best, start = [], end
        # where to start: the run's first statement or one right after an assignment (at most 16 tries)
        starts = [k] + [p for p in range(k + 1, end - 1) if isinstance(stmts[p - 1], ir.Assign)][:15]
        for p in starts:
            facts = [a for a in bounds.region_facts(stmts[p:end], _private(fl)) if id(a.node) not in fl.proven]
            if len(facts) > len(best):
                best, start = facts, p
        if len(best) < 2:
            start = end = max(end, k + 1)
        fl.plain_block(stmts[k:start])
        if start < end:
            run = stmts[start:end]
            _version(fl, best, lambda lowering: lowering.plain_block(run), ("run", id(run[0]), len(run)), run[0])
        k = end


def _private(fl) -> frozenset:
    """The function's private list variables (`bounds.private_lists`), computed once."""
    found = fl.__dict__.get("_private_lists")
    if found is None:
        found = fl._private_lists = bounds.private_lists(fl.fn)
    return found


PROVEN_WEIGHT = 2000


def _version(fl, facts: list[bounds.Access], emit, key: tuple, first: ir.Stmt) -> None:
    """The check of `facts`, then `emit(lowering)` twice: with the facts proven, and checked
    (outlined where it can be: lower/coldloops.py; `key` names the region there)."""
    b = fl.b
    ev = _Evaluator(fl)
    ok = I1(1)
    # each distinct (index, length) pair once: n-body's `pos[i, 0]`, `pos[i, 1]`, ... all ask
    # `i < len(pos)`, and the repeats were most of the test's IR
    pairs = list(dict.fromkeys(pair for access in facts for pair in access.checks))
    for index, length in pairs:
        lo, hi = ev.interval(index)
        n, _ = ev.interval(length)
        ok = b.and_(ok, b.and_(b.icmp_signed(">=", lo, I64(0)), b.icmp_signed("<", hi, n)))
    ok = b.and_(ok, ev.no_overflow)
    fast, slow, join = fl.new_block("bounds.proven"), fl.new_block("bounds.checked"), fl.new_block("bounds.join")
    # the checked copy runs only where an index is about to be out of range: cold, so the
    # proven loop gets the hot layout (LLVM aligned neither loop's header without weights)
    b.cbranch(ok, fast, slow).set_weights([PROVEN_WEIGHT, 1])

    b.position_at_end(fast)
    saved = fl.proven
    fl.proven = saved | {id(a.node) for a in facts}
    emit(fl)
    fl.proven = saved
    if not b.block.is_terminated:
        b.branch(join)

    b.position_at_end(slow)
    from fastext.compiler.lower import coldloops
    # (whole loops only: a straight-line run sits inside a loop, and a call there, even on
    # its cold path, keeps LLVM from hoisting loads out of that loop -- the n-body program's
    # `v1[0] -= ...` runs ran 1.25x slower with theirs outlined)
    # a copy that runs only on the way to an IndexError keeps its loops scalar and rolled: LLVM
    # would otherwise vectorise, unroll and version every one of them in every body variant
    fl.doomed = key[0] == "loop" and bounds.fails_only_into_error(first, facts)
    if key[0] == "loop" and len(facts) >= coldloops.MIN_ACCESSES and coldloops.applies(fl):
        coldloops.emit_checked(fl, key, first, emit)
    else:
        fl.in_fallback = True
        emit(fl)
        fl.in_fallback = False
    fl.doomed = False
    if not b.block.is_terminated:
        b.branch(join)
    b.position_at_end(join)


class _Evaluator:
    """Evaluates bounds intervals (compiler/bounds.py) before the loop: each to (lo, hi) i64
    values; `no_overflow` is false when some bound overflowed i64 (the check then fails)."""

    def __init__(self, fl):
        self.fl, self.b = fl, fl.b
        self.no_overflow = I1(1)
        self.memo: dict[tuple, tuple[ll.Value, ll.Value]] = {}

    def interval(self, t: tuple) -> tuple[ll.Value, ll.Value]:
        # by value: equal trees (the same index spelled twice) are evaluated once
        got = self.memo.get(t)
        if got is None:
            got = self.memo[t] = getattr(self, "_" + t[0])(*t[1:])
        return got

    def _const(self, k: int):
        if not -2 ** 63 <= k < 2 ** 63:
            self.no_overflow = I1(0)
            k = 0
        return I64(k), I64(k)

    def _var(self, v: ir.Var):
        x = self.b.load(self.fl.slots[id(v)])
        if x.type != I64:
            x = self.b.sext(x, I64) if v.type.signed else self.b.zext(x, I64)
        return x, x

    _var0 = _var      # a counter's value before the loop

    def _span(self, x: tuple):
        """[0, x]: how many times something ran, at most."""
        return I64(0), self.interval(x)[1]

    def _trips(self, start: tuple, stop: tuple, up: bool):
        """[0, max(0, stop - start)] (a negative step: start - stop): iterations, at most."""
        d = self._checked("ssub", self.interval(stop)[1], self.interval(start)[0]) if up else \
            self._checked("ssub", self.interval(start)[1], self.interval(stop)[0])
        return I64(0), self.b.select(self.b.icmp_signed("<", d, I64(0)), I64(0), d)

    def _dim(self, v: ir.Var, axis: int):
        x = self.b.extract_value(self.b.load(self.fl.slots[id(v)]), [1, axis])
        return x, x

    def _len(self, v: ir.Var):
        # a list variable not assigned yet holds NULL: its length reads as -1 (nothing fits below it)
        from fastext.compiler.lower.lists import length
        b = self.b
        lst = b.load(self.fl.slots[id(v)])
        pre = b.block
        with b.if_then(b.icmp_unsigned("!=", lst, ll.Constant(lst.type, None))) as _:
            n = length(self.fl, lst)
            got = b.block
        phi = b.phi(I64)
        phi.add_incoming(I64(-1), pre)
        phi.add_incoming(n, got)
        return phi, phi

    def _range(self, start: tuple, stop: tuple, up: bool):
        if up:      # i in [start, stop - 1]
            return self.interval(start)[0], self._checked("ssub", self.interval(stop)[1], I64(1))
        return self._checked("sadd", self.interval(stop)[0], I64(1)), self.interval(start)[1]

    def _add(self, x: tuple, y: tuple):
        (a, b), (c, d) = self.interval(x), self.interval(y)
        return self._checked("sadd", a, c), self._checked("sadd", b, d)

    def _sub(self, x: tuple, y: tuple):
        (a, b), (c, d) = self.interval(x), self.interval(y)
        return self._checked("ssub", a, d), self._checked("ssub", b, c)

    def _neg(self, x: tuple):
        a, b = self.interval(x)
        return self._checked("ssub", I64(0), b), self._checked("ssub", I64(0), a)

    def _mul(self, x: tuple, y: tuple):
        (a, b), (c, d) = self.interval(x), self.interval(y)
        if x[0] == "const" and y[0] != "const":
            (a, b), (c, d) = (c, d), (a, b)
            x, y = y, x
        if y[0] == "const":     # scaling by a constant: its sign orders the ends
            k = y[1]
            lo, hi = self._checked("smul", a, c), self._checked("smul", b, c)
            return (lo, hi) if k >= 0 else (hi, lo)
        products = [self._checked("smul", p, q) for p in (a, b) for q in (c, d)]
        lo = hi = products[0]
        for p in products[1:]:
            lo = self.b.select(self.b.icmp_signed("<", p, lo), p, lo)
            hi = self.b.select(self.b.icmp_signed(">", p, hi), p, hi)
        return lo, hi

    def _checked(self, op: str, a: ll.Value, c: ll.Value) -> ll.Value:
        pair = ll.LiteralStructType([I64, I1])
        fn = self.fl.ctx.intrinsic(f"llvm.{op}.with.overflow.i64", pair, [I64, I64])
        r = self.b.call(fn, [a, c])
        self.no_overflow = self.b.and_(self.no_overflow, self.b.not_(self.b.extract_value(r, 1)))
        return self.b.extract_value(r, 0)
