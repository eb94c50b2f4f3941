"""Bounded memory for array expressions assigned in loops: each assignment site recycles buffers.

Every array a call allocates lives until the call returns (the arena, lower/alloc.py), so a
time-stepping loop in NumPy style — `for t in range(steps): lap = u[:-2] - 2 * u[1:-1] + u[2:]`
— would hold `steps` arrays.  NumPy frees each temporary as its reference count drops; here a
name that is *confined* gets the same bound without reference counts: an assignment of a new
array to it keeps two buffers per site and computes into the one the name does not hold (its
previous value is dead: nothing else can reach it), allocating only when both are too small.

A local array name is confined when every use of it reads items or hands it to an operation
that keeps no reference: an operand of an element-wise expression, the source of a reduction,
an item read or store, `len`/`.shape`, the target of a store into its items, a slice used in
those same ways, or a `return` of the name itself (alone or in a returned tuple: the call
ends, so only the buffer it holds then lives on).  Names that pass buffers to each other —
`prev = cur`, `prev, cur = cur, nxt` of a time-stepping loop — form a *group*: a site of the
group keeps one buffer more than the group has names and computes into one that no name of the
group holds, so a rotation of three names holds four buffers however many steps run.  A name
may also be given a parameter's array (`cur = u1`), or be the parameter itself (`x = f(x)`): sites
never compute into a buffer they did not allocate.  Anything else — a name bound to a view of it, a call of a `.fx` function, a
tuple kept as a value, an operation whose result may be a view of it, a list or dict that stores
it (`xs.append(a)`, `[x ** d for d in ...]`: ops' `keeps`) — lets the buffer escape,
and the whole group keeps fresh allocations.
"""
from __future__ import annotations

from fastext.compiler import ir, ops
from fastext.compiler import types as T


def confined(fn: ir.Function) -> dict[int, tuple[ir.Var, ...]]:
    """`fn`'s local array variables whose buffers never escape, each mapped to its group: the
    names that pass buffers to each other (`prev = cur`, `prev, cur = cur, nxt`) — module docstring."""
    candidates = {id(v): v for v in fn.locals if isinstance(v.type, T.Array)}
    # a parameter assigned in the body (`x = np.where(m, x * 0.5, x)` stepping the caller's array)
    # is a name like the others: its first buffer is the caller's, which no site ever computes into
    assigned = {id(s.var) for s in ir.walk(fn.body) if isinstance(s, ir.Assign)}
    candidates.update({id(p.var): p.var for p in fn.params
                       if isinstance(p.var.type, T.Array) and id(p.var) in assigned})
    escaped: set[int] = set()
    parent: dict[int, int] = {k: k for k in candidates}

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def visit(e: ir.Expr, safe: bool) -> None:
        """`safe`: `e`'s value is consumed without a reference being kept."""
        if isinstance(e, ir.Load):
            if not safe:
                escaped.add(id(e.var))
            return
        if isinstance(e, ir.ArraySlice):
            visit(e.array, safe)
            for item in e.items:
                for v in (item.index, item.start, item.stop, item.step):
                    if v is not None:
                        visit(v, True)
            return
        if isinstance(e, ir.ArrayMap):
            for o in e.operands:
                visit(o, True)
            return
        if isinstance(e, (ir.Index, ir.ArrayDim, ir.ArraySize)):
            visit(e.array, True)
            for c in ir.children(e)[1:]:
                visit(c, True)
            return
        if isinstance(e, ir.Intrinsic):
            keeps = _keeps(e)
            for k, a in enumerate(e.args):
                visit(a, not keeps)
            return
        for c in ir.children(e):
            visit(c, isinstance(c.type, T.Scalar))

    swaps = _swap_temporaries(fn, candidates)      # `$t = (cur, nxt)` of `prev, cur = cur, nxt`
    for s in ir.walk(fn.body):
        if isinstance(s, ir.Assign):
            source = _passed_name(s.value, swaps)
            if id(s.var) in candidates and source is not None:
                if id(source) in candidates:     # `prev = cur`: one group, the buffer moves between them
                    parent[root(id(s.var))] = root(id(source))
                continue                         # a parameter's buffer: never one a site computes into
            if id(s.var) in swaps:
                continue
            # `y = x[1:]`: y holds x's buffer (x escapes); a fresh result keeps nothing
            visit(s.value, isinstance(s.var.type, T.Scalar) or _fresh(s.value))
            if isinstance(s.var.type, T.Array) and not _fresh(s.value):
                escaped.add(id(s.var))       # and y may hold a buffer another name holds
        elif isinstance(s, ir.Return):
            # `return y` (or a tuple of names) hands out the buffer y holds now and ends the call:
            # y's earlier buffers are dead, so recycling them is safe (`y = y * x + c` in a loop)
            values = s.value.items if isinstance(s.value, ir.MakeTuple) else [s.value] if s.value else []
            for c in values:
                visit(c, isinstance(c, ir.Load))
        else:   # stores into items, conditions, loop bounds, statements of calls (`a[...] = e`, fills)
            for c in ir.children(s):
                visit(c, not isinstance(s, ir.ObjStore))
    groups: dict[int, list[ir.Var]] = {}
    for k, v in candidates.items():
        groups.setdefault(root(k), []).append(v)
    out: dict[int, tuple[ir.Var, ...]] = {}
    for members in groups.values():
        if not any(id(v) in escaped for v in members):
            for v in members:
                out[id(v)] = tuple(members)
    return out


# impure operations that only read or write the items of their array arguments (the others —
# `xs.append(a)`, `d[k] = a`, heapq, itertools, module stores — may keep a reference to the buffer)
_ITEMS_ONLY = ("array.", "index.", "np.", "Generator.", "random.", "linalg.")


def _keeps(e: ir.Intrinsic) -> bool:
    """Whether operation `e` may keep a reference to an array argument's buffer: in its result
    (a view, a tuple) or somewhere else (a container it stores into)."""
    op = ops.find(e.name)
    if op is None or op.aliases or op.keeps or op.needs_gil or isinstance(e.type, T.Tuple):
        return True
    return not (op.pure or e.name.startswith(_ITEMS_ONLY))


def _passed_name(value: ir.Expr, swaps: dict[int, list[ir.Var | None]]) -> ir.Var | None:
    """The array variable whose buffer an assignment passes on (`y = x`, `y = $t[1]` of a swap)."""
    if isinstance(value, ir.Load) and isinstance(value.type, T.Array):
        return value.var
    if isinstance(value, ir.TupleGet) and isinstance(value.value, ir.Load) and id(value.value.var) in swaps:
        return swaps[id(value.value.var)][value.index]
    return None


def _swap_temporaries(fn: ir.Function, candidates: dict) -> dict[int, list[ir.Var | None]]:
    """The front end's temporaries of tuple assignments whose items are array names
    (`$t = (cur, nxt)`), read only by `name = $t[i]`: id → the item variables."""
    made: dict[int, list[ir.Var | None]] = {}
    other_uses: set[int] = set()
    for s in ir.walk(fn.body):
        if isinstance(s, ir.Assign) and isinstance(s.value, ir.MakeTuple) and s.var.name.startswith("$") \
                and all(isinstance(i, ir.Load) and id(i.var) in candidates for i in s.value.items):
            if id(s.var) in made:
                other_uses.add(id(s.var))
            made[id(s.var)] = [i.var for i in s.value.items]
            continue
        reads = [s.value] if isinstance(s, ir.Assign) and isinstance(s.value, ir.TupleGet) else ir.children(s)
        for c in reads:
            if isinstance(c, ir.TupleGet) and isinstance(c.value, ir.Load):
                continue
            for e in ir.walk_exprs(c):
                if isinstance(e, ir.Load):
                    other_uses.add(id(e.var))
    return {k: v for k, v in made.items() if k not in other_uses}


def _fresh(e: ir.Expr) -> bool:
    """A value that is a new array no other name holds: an element-wise expression's result, or
    an operation's new array (`np.zeros_like(x)`; not a view such as `a.reshape(...)`)."""
    if isinstance(e, ir.Intrinsic):
        op = ops.find(e.name)
        return op is not None and op.allocates and not op.aliases and isinstance(e.type, T.Array)
    return isinstance(e, ir.ArrayMap)


def temporaries(fn: ir.Function) -> set[int]:
    """The array values a loop's statement makes and consumes at once (ids of `ir.ArrayMap`s and
    allocating operations), each a *site* that recycles one buffer per call frame.

    `total += np.sum(x[m])`, `y = np.sort(np.abs(x))[k]`: the inner array is an operand of an
    operation that keeps no reference to it (module docstring: an element-wise expression, a
    reduction, an item read, ...), so it is dead once the statement has evaluated it, and the
    site's next evaluation — the next iteration — may compute into the same buffer.  Without this
    each iteration left one more array in the call's arena.  prange bodies are left out (their
    iterations run at once on several threads)."""
    sites: set[int] = set()

    def made(e: ir.Expr) -> bool:
        if isinstance(e, ir.ArrayMap):
            return True
        if isinstance(e, ir.Intrinsic) and isinstance(e.type, T.Array):
            op = ops.find(e.name)
            return op is not None and op.allocates and not op.aliases
        return False

    def consumes(parent: ir.Expr, child: ir.Expr) -> bool:
        """`parent` reads `child`'s items and keeps no reference to its buffer."""
        if isinstance(parent, ir.ArrayMap):
            return any(o is child for o in parent.operands)
        if isinstance(parent, (ir.Index, ir.ArrayDim, ir.ArraySize)):
            return parent.array is child
        if isinstance(parent, ir.Intrinsic):
            if _keeps(parent):
                return False
            # an array result that is not a new array may be the argument itself (`array.owned`)
            return not isinstance(parent.type, T.Array) or made(parent)
        return False

    def statements(stmts: list[ir.Stmt], looped: bool) -> None:
        for s in stmts:
            if isinstance(s, ir.ForRange) and s.parallel is not None:
                continue
            if looped:
                stack = [(None, c) for c in ir.children(s)]
                while stack:
                    parent, e = stack.pop()
                    if parent is not None and made(e) and consumes(parent, e):
                        sites.add(id(e))
                    stack.extend((e, c) for c in ir.children(e))
            for b in ir.bodies(s):
                statements(b, looped or isinstance(s, (ir.ForRange, ir.While)))

    statements(fn.body, False)
    return sites
