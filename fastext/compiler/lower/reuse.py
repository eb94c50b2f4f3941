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
ends, so only the buffer it holds then lives on).  Anything else — another name bound to it or
to a view of it, a call of a `.fx` function, a tuple, an operation whose result may be a view of
it — lets the buffer escape, and the name keeps fresh allocations.
"""
from __future__ import annotations

from fastext.compiler import ir, ops
from fastext.compiler import types as T


def confined(fn: ir.Function) -> set[int]:
    """The ids of `fn`'s local array variables whose buffers never escape (module docstring)."""
    candidates = {id(v) for v in fn.locals if isinstance(v.type, T.Array)}
    escaped: set[int] = set()

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
            op = ops.find(e.name)
            keeps = op is None or op.aliases or isinstance(e.type, (T.Tuple,)) or op.needs_gil
            for k, a in enumerate(e.args):
                visit(a, not keeps)
            return
        for c in ir.children(e):
            visit(c, isinstance(c.type, T.Scalar))

    for s in ir.walk(fn.body):
        if isinstance(s, ir.Assign):
            # `y = x`, `y = x[1:]`: y holds x's buffer (x escapes); a fresh result keeps nothing
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
    return candidates - escaped


def _fresh(e: ir.Expr) -> bool:
    """A value that is a new array no other name holds: an element-wise expression's result, or
    an operation's new array (`np.zeros_like(x)`; not a view such as `a.reshape(...)`)."""
    if isinstance(e, ir.Intrinsic):
        op = ops.find(e.name)
        return op is not None and op.allocates and not op.aliases and isinstance(e.type, T.Array)
    return isinstance(e, ir.ArrayMap)
