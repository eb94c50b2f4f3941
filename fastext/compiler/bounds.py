"""Bounds facts: the indexings of a `for ... in range` loop that stay in range on every
iteration once one check before the loop has passed.

`for i in range(n): s += a[i] * b[i + 1]` reads `a[i]` for `i` in `[0, n - 1]` and `b[i + 1]`
for `i + 1` in `[1, n]`: checking `0 <= 0`, `n - 1 < len(a)` and `n < len(b)` once, before the
loop, proves every one of those reads in range.  `loop_facts(loop)` finds such indexings
(array items, native list items) and the symbolic interval of each index; `lower/hoist.py`
evaluates the intervals before the loop and versions it: the loop without those checks when
every interval is inside its length, the ordinary checked loop otherwise (so an IndexError
is raised exactly where, and after exactly the side effects, plain Python raises it).

An interval is a small tree over values that cannot change while the loop runs:

    ("const", k)                 a literal
    ("var", v)                   an int variable the loop never assigns: its value before the loop
    ("dim", v, axis)             the length of axis `axis` of an array variable the loop never assigns
    ("len", v)                   the length of a list variable the loop cannot resize
    ("range", lo, hi, step > 0)  the variable of a loop (this one or a nested one) inside its body:
                                 in [lo, hi - 1] for a positive step, [hi + 1, lo] for a negative one
    ("add", a, b), ("sub", a, b), ("mul", a, b), ("neg", a)

A nested loop's variable has its range only lexically inside that loop's body (after the loop
it may still hold a value from before it), and only when nothing else in the versioned loop
assigns it.  Intervals over-approximate: an access that runs in no iteration may make the
check fail, which only costs the checked loop.
"""
from __future__ import annotations

from dataclasses import dataclass

from fastext.compiler import ir
from fastext.compiler import types as T

# list operations that keep every list's length (anything else on a list, or a call, may resize one)
_LIST_KEEPS_SIZE = {"get", "set", "len", "contains", "index", "count", "slice", "copy", "concat", "repeat",
                    "display", "empty", "from_range", "from_array", "from_strs", "sort", "reverse", "unpack"}

# statements whose lowering may be emitted twice (once per version of the loop); others keep
# per-site state (handlers, outlined prange workers) and stay in one copy
_SIMPLE_STMTS = (ir.Assign, ir.Store, ir.ExprStmt, ir.If, ir.While, ir.ForRange, ir.Break, ir.Continue,
                 ir.Return, ir.Raise, ir.Assert, ir.SetField)


@dataclass(eq=False)
class Access:
    """One indexing to prove: `node` (an `ir.Index`, `ir.Store` or `list.get`/`list.set`
    intrinsic) with, per index, its interval and the length it must stay below."""

    node: object
    checks: list[tuple[tuple, tuple]]


def loop_facts(loop: ir.ForRange, private: frozenset = frozenset()) -> list[Access]:
    """The indexings in `loop` (its body and nested loops) provable by one check before it;
    empty when the loop cannot be versioned (see `_SIMPLE_STMTS`) or nothing is provable.
    `private`: ids of list variables no other name can reach (`private_lists`)."""
    if loop.parallel is not None or not (isinstance(loop.step, ir.Const) and loop.step.value != 0):
        return []
    if not _versionable(loop.body) or not _versionable(loop.orelse):
        return []
    written, bound_by_loops, dirty = _writes(loop)
    facts = _Facts(written, dirty, _resized([loop], private))
    facts.counters = _counters(loop)
    own = facts.loop_range(loop, {})
    if own is None:
        return []
    facts.stmts(loop.body, {id(loop.var): own}, facts.trips(loop, {}))
    return facts.found


# statements a straight-line region (`region_facts`) may hold
_STRAIGHT = (ir.Assign, ir.Store, ir.ExprStmt, ir.SetField)


def region_end(stmts: list[ir.Stmt], k: int) -> int:
    """The end of the run of straight-line statements starting at `stmts[k]` (k itself when none)."""
    end = k
    while end < len(stmts) and isinstance(stmts[end], _STRAIGHT) and _versionable([stmts[end]]):
        end += 1
    return end


def region_facts(stmts: list[ir.Stmt], private: frozenset = frozenset()) -> list[Access]:
    """The indexings of straight-line `stmts` provable by one check before the first of them:
    those over containers and index variables the statements do not assign, e.g. the
    `v[0]`, `v[1]`, `v[2]` of three consecutive updates (each check of its own would stay
    in the code, as each may fail after different side effects)."""
    written: set[int] = set()
    for s in ir.walk(stmts):
        var = getattr(s, "var", None)
        if isinstance(var, ir.Var):
            written.add(id(var))
    facts = _Facts(written, written, _resized(stmts, private))
    facts.stmts(stmts, {})
    return facts.found


def _versionable(stmts: list[ir.Stmt]) -> bool:
    for s in ir.walk(stmts):
        if not isinstance(s, _SIMPLE_STMTS) or (isinstance(s, ir.ForRange) and s.parallel is not None):
            return False
        for e in ir.children(s):
            for sub in ir.walk_exprs(e):
                if isinstance(sub, (ir.StmtExpr, ir.ArrayMap)) or isinstance(sub.type, T.PyObj):
                    return False
    return True


def _writes(loop: ir.ForRange) -> tuple[set[int], dict[int, int], set[int]]:
    """Variables the loop (header included) writes; loop variables of nested loops; and the
    "dirty" ones: written other than as a loop variable, or bound by a loop nested in another
    loop over the same variable."""
    written: set[int] = set()
    bound: dict[int, int] = {}
    dirty: set[int] = set()

    def visit(stmts: list[ir.Stmt], scope: frozenset) -> None:
        for s in stmts:
            if isinstance(s, ir.ForRange):
                written.add(id(s.var))
                bound[id(s.var)] = bound.get(id(s.var), 0) + 1
                if id(s.var) in scope:
                    dirty.add(id(s.var))
                visit(s.body, scope | {id(s.var)})
                visit(s.orelse, scope)
                continue
            var = getattr(s, "var", None)
            if isinstance(var, ir.Var):
                written.add(id(var))
                dirty.add(id(var))
            for body in ir.bodies(s):
                visit(body, scope)
    visit([loop], frozenset())
    for s in ir.walk([loop]):        # assignments inside statement expressions of the header
        var = getattr(s, "var", None)
        if isinstance(var, ir.Var) and not isinstance(s, ir.ForRange):
            written.add(id(var))
            dirty.add(id(var))
    return written, bound, dirty


def written_in(loop: ir.ForRange) -> set[int]:
    """Ids of the variables `loop` (header included) may assign."""
    return _writes(loop)[0]


def _counters(loop: ir.ForRange) -> dict[int, tuple[ir.Assign, int]]:
    """Counters: i64 variables the loop writes only in one `k += c` (c > 0), a statement
    directly in the body of a `for` loop (`y[k] = x[i]; k += 1`)."""
    found: dict[int, tuple[ir.Assign, int]] = {}
    spoiled: set[int] = set()
    direct = {id(s) for f in ir.walk([loop]) if isinstance(f, ir.ForRange) for s in f.body}
    for s in ir.walk([loop]):
        var = getattr(s, "var", None)
        if not isinstance(var, ir.Var):
            continue
        v = getattr(s, "value", None)
        if isinstance(s, ir.Assign) and id(s) in direct and var.type == T.I64 and isinstance(v, ir.BinOp) \
                and v.op == "+" and isinstance(v.left, ir.Load) and v.left.var is var \
                and isinstance(v.right, ir.Const) and isinstance(v.right.value, int) and v.right.value > 0 \
                and id(var) not in found:
            found[id(var)] = (s, v.right.value)
        else:
            spoiled.add(id(var))
    return {k: c for k, c in found.items() if k not in spoiled}


# list operations whose result is a new list no other name holds yet
_FRESH_LISTS = {"display", "empty", "repeat", "concat", "copy", "slice", "from_range", "from_array", "from_strs"}


def private_lists(fn: ir.Function) -> frozenset:
    """List variables only ever holding new lists and only used by list operations (and
    returned, or as a comprehension's result): resizing one cannot change the length of a
    list any other name holds, e.g. the result of `[f(x) for x in xs if ...]`."""
    candidates: set[int] = set()
    spoiled: set[int] = set()
    for s in ir.walk(fn.body):
        if isinstance(s, ir.Assign) and isinstance(s.var.type, T.List):
            fresh = isinstance(s.value, ir.Intrinsic) and s.value.name.startswith("list.") and \
                s.value.name.partition(".")[2] in _FRESH_LISTS
            (candidates if fresh else spoiled).add(id(s.var))
    for p in fn.params:
        spoiled.add(id(p.var))
    allowed: set[int] = set()     # ids of the Loads that are fine uses
    for s in ir.walk(fn.body):
        if isinstance(s, ir.Return) and isinstance(s.value, ir.Load):
            allowed.add(id(s.value))
        for e in ir.children(s):
            for sub in ir.walk_exprs(e):
                if isinstance(sub, ir.Intrinsic) and sub.name.startswith("list.") and sub.args and \
                        isinstance(sub.args[0], ir.Load):
                    allowed.add(id(sub.args[0]))
                elif isinstance(sub, ir.StmtExpr) and isinstance(sub.result, ir.Load):
                    allowed.add(id(sub.result))
    for s in ir.walk(fn.body):
        for e in ir.children(s):
            for sub in ir.walk_exprs(e):
                if isinstance(sub, ir.Load) and id(sub.var) in candidates and id(sub) not in allowed:
                    spoiled.add(id(sub.var))
    return frozenset(candidates - spoiled)


def _resized(stmts: list[ir.Stmt], private: frozenset) -> set[int] | None:
    """The list variables that may change length while `stmts` run, or None for "any list":
    a resizing list operation on a list other than a private one (`private_lists`), or a
    call (a callee may resize a list it is passed or reaches)."""
    resized: set[int] = set()
    for e in ir.all_exprs(stmts):
        if isinstance(e, ir.Call):
            return None
        if isinstance(e, ir.Intrinsic) and e.name.startswith("list.") and \
                e.name.partition(".")[2] not in _LIST_KEEPS_SIZE:
            lst = e.args[0] if e.args else None
            if not (isinstance(lst, ir.Load) and id(lst.var) in private):
                return None
            resized.add(id(lst.var))
    return resized


class _Facts:
    def __init__(self, written: set[int], dirty: set[int], resized: set[int] | None):
        self.written, self.dirty, self.resized = written, dirty, resized
        self.found: list[Access] = []

    def keeps_size(self, var: ir.Var) -> bool:
        return self.resized is not None and id(var) not in self.resized

    def loop_range(self, s: ir.ForRange, scope: dict) -> tuple | None:
        if id(s.var) in self.dirty or not isinstance(s.step, ir.Const) or s.step.value == 0:
            return None
        lo, hi = self.bound(s.start, scope), self.bound(s.stop, scope)
        if lo is None or hi is None:
            return None
        return ("range", lo, hi, s.step.value > 0)

    counters: dict = {}

    def trips(self, s: ir.ForRange, scope: dict) -> tuple | None:
        """An upper bound of the iterations of `s` (|step| >= 1): [0, max(0, stop - start)]."""
        lo, hi = self.bound(s.start, scope), self.bound(s.stop, scope)
        if lo is None or hi is None or not isinstance(s.step, ir.Const):
            return None
        return ("trips", lo, hi, s.step.value > 0)

    def stmts(self, stmts: list[ir.Stmt], scope: dict, trips: tuple | None = None) -> None:
        """`trips`: given when `stmts` is a `for` body, a bound of its iterations (this body's
        and every enclosing one's, inside the versioned loop)."""
        at = {}
        if trips is not None:      # a counter bumped here: before its `k += c`, k0 + c*[0, trips-1]
            for vid, (inc, c) in self.counters.items():
                for pos, s in enumerate(stmts):
                    if s is inc:
                        k0 = ("var0", inc.var)
                        at[pos] = (vid, ("add", k0, ("mul", ("const", c), ("span", ("sub", trips, ("const", 1))))),
                                   ("add", k0, ("mul", ("const", c), ("span", trips))))
        for pos, s in enumerate(stmts):
            for inc_pos, (vid, before, after) in at.items():
                scope = {**scope, vid: before if pos <= inc_pos else after}
            for e in ir.children(s):
                self.exprs(e, scope)
            if isinstance(s, ir.Store):
                self.access(s, s.array, s.indices, scope)
            if isinstance(s, ir.ForRange):
                inner = self.loop_range(s, scope)
                inner_trips = self.trips(s, scope)
                self.stmts(s.body, {**scope, id(s.var): inner} if inner is not None else
                           {k: v for k, v in scope.items() if k != id(s.var)},
                           ("mul", trips, inner_trips) if trips is not None and inner_trips is not None else None)
                self.stmts(s.orelse, {k: v for k, v in scope.items() if k != id(s.var)})
                continue
            for body in ir.bodies(s):
                self.stmts(body, scope)

    def exprs(self, e: ir.Expr, scope: dict) -> None:
        for sub in ir.walk_exprs(e):
            if isinstance(sub, ir.Index):
                self.access(sub, sub.array, sub.indices, scope)
            elif isinstance(sub, ir.Intrinsic) and sub.name in ("list.get", "list.set"):
                lst = sub.args[0]
                if isinstance(lst, ir.Load) and id(lst.var) not in self.written and self.keeps_size(lst.var):
                    k = self.bound(sub.args[1], scope)
                    if k is not None:
                        self.found.append(Access(sub, [(k, ("len", lst.var))]))

    def access(self, node, array: ir.Expr, indices: list[ir.Expr], scope: dict) -> None:
        if not (isinstance(array, ir.Load) and isinstance(array.type, T.Array)
                and id(array.var) not in self.written and len(indices) == array.type.ndim):
            return
        checks = []
        for axis, idx in enumerate(indices):
            k = self.bound(idx, scope)
            if k is None:
                return
            checks.append((k, ("dim", array.var, axis)))
        self.found.append(Access(node, checks))

    def bound(self, e: ir.Expr, scope: dict) -> tuple | None:
        """The interval of integer expression `e` over the loop, or None when unknown."""
        if isinstance(e, ir.Const):
            return ("const", int(e.value)) if isinstance(e.value, (int, bool)) else None
        if isinstance(e, ir.Load):
            if id(e.var) in scope:
                return scope[id(e.var)]
            return ("var", e.var) if _int64_able(e.var.type) and id(e.var) not in self.written else None
        if isinstance(e, ir.Cast) and isinstance(e.value, ir.Load) and e.type == T.I64:
            inner = self.bound(e.value, scope)
            return inner if inner is not None and inner[0] == "var" else None
        if isinstance(e, ir.ArrayDim) and isinstance(e.array, ir.Load) and id(e.array.var) not in self.written:
            return ("dim", e.array.var, e.axis)
        if isinstance(e, ir.Intrinsic) and e.name == "list.len" and isinstance(e.args[0], ir.Load) and \
                self.keeps_size(e.args[0].var) and id(e.args[0].var) not in self.written:
            return ("len", e.args[0].var)
        if e.type != T.I64:
            return None
        if isinstance(e, ir.BinOp) and e.op in ("+", "-", "*"):
            a, b = self.bound(e.left, scope), self.bound(e.right, scope)
            if a is None or b is None:
                return None
            return ({"+": "add", "-": "sub", "*": "mul"}[e.op], a, b)
        if isinstance(e, ir.UnaryOp) and e.op == "neg":
            a = self.bound(e.operand, scope)
            return None if a is None else ("neg", a)
        return None


def fails_only_into_error(loop: ir.ForRange, facts: list[Access]) -> bool:
    """Whether a failed check of `facts` before `loop` means the loop will raise IndexError, so
    its checked copy runs only on the way to that error and need not be fast (lower/hoist.py
    keeps the vectoriser and unroller off it).  True when nothing can leave the loop or skip an
    indexing early (no `if`, `while`, `break`, `continue`, `return`, conditional expression or
    `and`/`or`), every loop in it steps by 1 or -1 (so each range's last value is reached), and
    every index interval is reached at both ends: its lower end is provably >= 0 (a failing
    `lo >= 0` test could otherwise be a valid negative index) and it mentions one loop variable
    at most, once (`a[i - j]` over `j in range(i)` is wider than the indices the loop reaches,
    and there the checked copy is what runs)."""
    guards = (ir.If, ir.While, ir.Break, ir.Continue, ir.Return)
    for st in ir.walk([loop]):      # (its `else` too: it runs when nothing breaks)
        if isinstance(st, guards):
            return False
        if isinstance(st, ir.ForRange) and not (isinstance(st.step, ir.Const) and st.step.value in (1, -1)):
            return False
    if any(isinstance(e, (ir.IfExp, ir.BoolOp)) for e in ir.all_exprs([loop])):
        return False
    return all(_reached(index) and _nonnegative(index) for access in facts for index, _ in access.checks)


def _reached(t: tuple) -> bool:
    """Both ends of interval `t` are indices the loop reaches (see `fails_only_into_error`)."""
    ranges = [x for x in _leaves(t) if x[0] == "range"]
    if len(ranges) > 1 or any(x[0] in ("var0", "span", "trips") for x in _leaves(t)):
        return False
    return all(_reached(r[1]) and _reached(r[2]) for r in ranges)


def _leaves(t: tuple):
    """The leaves of interval `t`, not looking inside a range's bounds."""
    if t[0] in ("add", "sub", "mul"):
        yield from _leaves(t[1])
        yield from _leaves(t[2])
    elif t[0] == "neg":
        yield from _leaves(t[1])
    else:
        yield t


def _nonnegative(t: tuple) -> bool:
    """Interval `t`'s lower end is >= 0 whatever the values it reads."""
    kind = t[0]
    if kind == "const":
        return t[1] >= 0
    if kind in ("dim", "len"):
        return True
    if kind == "range":      # up: its start; down: its stop + 1
        return _nonnegative(t[1]) if t[3] else (t[2][0] == "const" and t[2][1] >= -1)
    if kind in ("add", "mul"):
        return _nonnegative(t[1]) and _nonnegative(t[2])
    return False


def _int64_able(t: T.Type) -> bool:
    """An integer type whose every value is an i64 (u64 is not)."""
    return isinstance(t, T.Scalar) and t.is_int and (t.signed or t.bits < 64)
