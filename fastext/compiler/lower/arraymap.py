"""Array expressions (`ir.ArrayMap`): one loop nest per whole expression, no temporaries.

An ArrayMap is lowered where its value is used:

* `materialize`: into a new C-contiguous array of the broadcast shape (an assignment to a
  name, an argument, a return value);
* `store`: straight into the target of `a[...] = expr`, `a += expr`, `np.f(x, out=a)` —
  through a temporary only when the target overlaps an operand other than element for
  element (NumPy's result is as if the right side were computed first);
* `iterate` (used by the reductions): each element handed to a callback, nothing stored.

The operands are evaluated once, before the loop, left to right; arrays broadcast with
NumPy's rules (a size-1 axis repeats, missing leading axes repeat; anything else raises
NumPy's `ValueError: operands could not be broadcast together with shapes (3,) (4,) `).

Loops: when every array is C-contiguous with the full shape, one flat loop over all the
elements with typed pointers (LLVM vectorises it, with run-time alias checks); otherwise a
nest, last axis innermost, whose inner loop has two versions — unit strides (vectorised)
and any strides.  The element body is the map's scalar expression, lowered by
`ElementLowering` with the registry's scalar lowerings; checks inside it (NumPy's integer
power error) do not leave the loop: they set a flag tested after it, so the loop stays
vectorisable and raises after finishing, as NumPy does.

A body that applies NumPy's transcendental ufuncs (`np.exp`, ...) runs in chunks instead, so
that NumPy's own inner loop computes them (`lower/mapchunks.py`): the loop drivers hand such
an element (`mapchunks.Staged`) their item count and item pointers rather than calling it per item.
"""
from __future__ import annotations

from dataclasses import dataclass

from llvmlite import ir as ll

from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.lower import arith, mapchunks
from fastext.compiler.lower.context import I1, I32, I64, I8, I8P, memory_type

MESSAGE_BYTES = 512


# ----------------------------------------------------------------------------- the element body

class ElementLowering:
    """Lowers a map's scalar body for one element, inside `fl`'s function.

    Duck-types the part of `FunctionLowering` that expression lowering uses: `Elem(k)` is
    `values[k]`; every other node goes to `FunctionLowering.e_<Node>` with this object as
    `self`; `fail_if` is deferred (see the module docstring).  `done` maps nodes already
    computed (by NumPy's loops over a chunk: lower/mapchunks.py) to a function giving their value."""

    def __init__(self, fl, values: list[ll.Value], checks: "DeferredChecks", done: dict | None = None):
        self.fl, self.values, self.checks, self.done = fl, values, checks, done or {}
        self.b, self.ctx = fl.b, fl.ctx
        self.fast_flags = fl.fast_flags
        self.boundscheck = fl.boundscheck
        self.llfn = fl.llfn

    def expr(self, e: ir.Expr) -> ll.Value:
        if isinstance(e, ir.Elem):
            return self.values[e.index]
        if id(e) in self.done:
            return self.done[id(e)]()
        from fastext.compiler.lower.function import FunctionLowering
        return getattr(FunctionLowering, "e_" + type(e).__name__)(self, e)

    def new_block(self, name: str) -> ll.Block:
        return self.fl.new_block(name)

    def entry_alloca(self, ty: ll.Type) -> ll.Value:
        return self.fl.entry_alloca(ty)

    def fail_if(self, cond: ll.Value, exc: str, fmt: str | None, args: tuple = (), deferrable: bool = False) -> None:
        self.checks.note(self.b, cond, exc, fmt)


class DeferredChecks:
    """Failed checks of an element body: one flag per check site, raised after the loop."""

    def __init__(self, fl):
        self.fl = fl
        self.sites: list[tuple[ll.Value, str, str | None]] = []

    def note(self, b: ll.IRBuilder, cond: ll.Value, exc: str, fmt: str | None) -> None:
        slot = _zeroed_slot(self.fl, I1)
        b.store(b.or_(b.load(slot), cond), slot)
        self.sites.append((slot, exc, fmt))

    def raise_any(self) -> None:
        """After the loop: raise the first check that failed (its flag reset for a later run)."""
        b = self.fl.b
        for slot, exc, fmt in self.sites:
            failed = b.load(slot)
            with b.if_then(failed, likely=False):
                b.store(I1(0), slot)
                self.fl.fail_if(I1(1), exc, fmt)


def _zeroed_slot(fl, ty: ll.Type) -> ll.Value:
    """An alloca in the entry block, zeroed there (once per call of the function)."""
    b = fl.b
    with b.goto_entry_block():
        if b.block.instructions:
            b.position_before(b.block.instructions[0])
        slot = b.alloca(ty)
        b.store(ll.Constant(ty, None), slot)
    return slot


# ----------------------------------------------------------------------------- operands

@dataclass
class Operand:
    """An evaluated operand: an array (`value` is its view, `type` its Array) or a scalar."""

    value: ll.Value
    type: T.Type

    @property
    def is_array(self) -> bool:
        return isinstance(self.type, T.Array)


def evaluate(fl, operands: list[ir.Expr]) -> list[Operand]:
    """Each operand once, left to right."""
    return [Operand(fl.expr(o), o.type) for o in operands]


def dims(fl, op: Operand) -> list[ll.Value]:
    return [fl.b.extract_value(op.value, [1, k]) for k in range(op.type.ndim)]


def broadcast_shape(fl, ops: list[Operand], ndim: int, exc: str = "ValueError",
                    text: str = "operands could not be broadcast together with shapes") -> list[ll.Value]:
    """NumPy's broadcast shape of the array operands (ValueError when they do not broadcast;
    index arrays give `exc` IndexError and their own `text`)."""
    b = fl.b
    shape = [I64(1)] * ndim
    bad = I1(0)
    for op in ops:
        if not op.is_array:
            continue
        lead = ndim - op.type.ndim
        for j, d in enumerate(dims(fl, op)):
            k = lead + j
            current = shape[k]
            bad = b.or_(bad, b.and_(b.icmp_signed("!=", d, I64(1)),
                                    b.and_(b.icmp_signed("!=", current, I64(1)), b.icmp_signed("!=", current, d))))
            shape[k] = b.select(b.icmp_signed("==", d, I64(1)), current, d)
    with b.if_then(bad, likely=False):
        shape_error(fl, text, [o for o in ops if o.is_array], exc=exc)
    return shape


def check_into(fl, ops: list[Operand], target: list[ll.Value], target_type: T.Array) -> None:
    """Every array operand broadcasts into the fixed shape `target` (an assignment's)."""
    b = fl.b
    ndim = len(target)
    bad = I1(0)
    for op in ops:
        if not op.is_array:
            continue
        if op.type.ndim > ndim:
            raise ValueError("operand of higher rank than the target")   # excluded by the front end
        lead = ndim - op.type.ndim
        for j, d in enumerate(dims(fl, op)):
            bad = b.or_(bad, b.and_(b.icmp_signed("!=", d, I64(1)), b.icmp_signed("!=", d, target[lead + j])))
    with b.if_then(bad, likely=False):
        arrays = [o for o in ops if o.is_array]
        if len(arrays) == 1:
            shape_error(fl, "could not broadcast input array from shape", arrays, into=target)
        else:
            shape_error(fl, "operands could not be broadcast together with shapes", arrays, into=target)


def shape_error(fl, text: str, ops: list[Operand], into: list[ll.Value] | None = None,
                exc: str = "ValueError") -> None:
    """Raise `exc` (ValueError) with NumPy's text and the shapes, formatted at run time."""
    fmt = text + " " + " ".join(_shape_format(o.type.ndim) for o in ops) + " "
    values = [d for o in ops for d in dims(fl, o)]
    if into is not None:
        if len(ops) == 1:
            fmt = text + " " + _shape_format(ops[0].type.ndim) + " into shape " + _shape_format(len(into))
        else:
            fmt += "into shape " + _shape_format(len(into))
        values += into
    formatted_error(fl, exc, fmt, values, text)


def formatted_error(fl, exc: str, fmt: str, values: list[ll.Value], fallback: str) -> None:
    """Raise `exc` with a message printf-formatted at run time from any number of i64 `values`
    (snprintf into a block of the call's arena, freed after the exception is raised; `fallback`
    is the text when that block cannot be had)."""
    b = fl.b
    from fastext.compiler.lower.alloc import arena_alloc
    from fastext.compiler.lower.context import fill_error
    buf = b.call(arena_alloc(fl.ctx), [fl.err, I64(MESSAGE_BYTES)])
    with b.if_else(b.icmp_unsigned("==", buf, ll.Constant(I8P, None))) as (no_memory, ok):
        with no_memory:
            fill_error(b, fl.err, fl.ctx, exc, fallback.replace("%", "%%"))
        with ok:
            snprintf = fl.ctx.module.globals.get("snprintf") or ll.Function(
                fl.ctx.module, ll.FunctionType(I32, [I8P, I64, I8P], var_arg=True), "snprintf")
            b.call(snprintf, [buf, I64(MESSAGE_BYTES), fl.ctx.cstring(fmt)] + values)
            fill_error(b, fl.err, fl.ctx, exc, "%s", (b.ptrtoint(buf, I64),))
    fl.error_exit()


def _shape_format(ndim: int) -> str:
    if ndim == 1:
        return "(%lld,)"
    return "(" + ",".join(["%lld"] * ndim) + ")"


def strides_in(fl, op: Operand, shape: list[ll.Value]) -> list[ll.Value]:
    """The byte strides with which `op` walks the iteration `shape`: 0 along broadcast axes."""
    b = fl.b
    ndim = len(shape)
    lead = ndim - op.type.ndim
    out = [I64(0)] * lead
    for j in range(op.type.ndim):
        d = b.extract_value(op.value, [1, j])
        s = b.extract_value(op.value, [2, j])
        out.append(b.select(b.icmp_signed("==", d, I64(1)), I64(0), s))
    return out


def unit_axes(fl, e: ir.Expr, seen: frozenset = frozenset()) -> frozenset:
    """The axes of array expression `e` that have size 1 by construction: new axes (`x[:, None]`),
    reduced axes kept (`keepdims=True`), through transposes, maps and local names every
    assignment of which has them.  An operand that is size 1 along the inner axis of a loop is
    loaded once per line instead of per item, so the inner loop stays a vectorisable one
    (`x - x.mean(axis=1, keepdims=True)`)."""
    if isinstance(e, ir.ArraySlice):
        out, axis_in = set(), -1
        base = unit_axes(fl, e.array, seen)
        k = 0
        consumed = sum(1 for item in e.items if not item.newaxis)
        items = list(e.items) + [ir.SliceItem() for _ in range(e.array.type.ndim - consumed)]
        for item in items:
            if item.newaxis:
                out.add(k)
                k += 1
                continue
            axis_in += 1
            if item.index is not None:
                continue
            if axis_in in base and item.start is None and item.stop is None and item.step is None:
                out.add(k)
            k += 1
        return frozenset(out)
    if isinstance(e, ir.Intrinsic):
        if e.attrs.get("keepdims"):
            axis = e.attrs.get("axis")
            return frozenset(range(e.type.ndim)) if axis is None else \
                frozenset(axis if isinstance(axis, tuple) else {axis})
        if "axes" in e.attrs and e.name in ("array.transpose",):
            base = unit_axes(fl, e.args[0], seen)
            return frozenset(k for k, a in enumerate(e.attrs["axes"]) if a in base)
        return frozenset()
    if isinstance(e, ir.ArrayMap):
        nd = e.type.ndim
        out = set(range(nd))
        for o in e.operands:
            if isinstance(o.type, T.Array):
                lead = nd - o.type.ndim
                units = unit_axes(fl, o, seen)
                out &= set(range(lead)) | {lead + a for a in units}
        return frozenset(out)
    if isinstance(e, ir.Load) and not e.var.is_param and id(e.var) not in seen:
        values = _assignments(fl).get(id(e.var), [])
        if not values:
            return frozenset()
        out = None
        for v in values:
            units = unit_axes(fl, v, seen | {id(e.var)})
            out = units if out is None else out & units
        return out
    return frozenset()


def _assignments(fl) -> dict[int, list[ir.Expr]]:
    """The values assigned to each local of the function being lowered (cached on `fl`)."""
    found = getattr(fl, "_assigned", None)
    if found is None:
        found = {}
        for st in ir.walk(fl.fn.body):
            if isinstance(st, ir.Assign):
                found.setdefault(id(st.var), []).append(st.value)
        fl._assigned = found
    return found


def inner_static_unit(fl, e: ir.Expr) -> bool:
    """Whether the last axis of array expression `e` has size 1 by construction."""
    return e.type.ndim - 1 in unit_axes(fl, e)


# ----------------------------------------------------------------------------- loops

@dataclass
class Access:
    """One array walked by a loop nest: its data pointer, byte strides over the iteration
    shape, item type, and whether its inner stride is 0 by construction."""

    data: ll.Value
    strides: list[ll.Value]
    dtype: T.Scalar
    invariant_inner: bool = False


def load(fl, ptr: ll.Value, dtype: T.Scalar) -> ll.Value:
    v = fl.b.load(ptr, align=dtype.align)
    return fl.b.icmp_unsigned("!=", v, I8(0)) if dtype.is_bool else v


def store_item(fl, ptr: ll.Value, value: ll.Value, dtype: T.Scalar) -> None:
    if dtype.is_bool:
        value = fl.b.zext(value, I8)
    fl.b.store(value, ptr, align=dtype.align)


def _typed(fl, data: ll.Value, dtype: T.Scalar) -> ll.Value:
    return fl.b.bitcast(data, memory_type(dtype).as_pointer())


def loop_nest(fl, shape: list[ll.Value], accesses: list[Access], element, name: str = "map",
              order: str = "C") -> None:
    """Run `element(pointers)` for every index of `shape`; `pointers[k]` is the address of access
    k's item (typed).  Chooses the flat, unit-stride or general loop at run time (see the module
    docstring).  `order="C"`: in C order (callers that count items rely on it); `"K"`: in the
    memory order of the first access, as NumPy's iterator does (`memory_order`)."""
    b = fl.b
    if order == "K":
        shape, accesses = memory_order(fl, shape, accesses)
    ndim = len(shape)
    if ndim == 1:     # the inner loop's unit-stride version is the flat loop already
        _nest(fl, shape, accesses, element, name)
        return
    contiguous = all_contiguous(fl, shape, accesses)
    total = I64(1)
    for d in shape:
        total = b.mul(total, d)
    done = fl.new_block(f"{name}.done")
    with b.if_else(contiguous, likely=True) as (flat, nested):
        with flat:
            bases = [_typed(fl, a.data, a.dtype) for a in accesses]
            _element_loop(fl, total, lambda i: [b.gep(p, [i]) for p in bases], element, f"{name}.flat")
        with nested:
            _nest(fl, shape, accesses, element, name)
    b.branch(done)
    b.position_at_end(done)


def memory_order(fl, shape: list[ll.Value], accesses: list[Access]) -> tuple[list[ll.Value], list[Access]]:
    """The iteration shape and accesses with the axes reversed when the first access is laid
    out Fortran-like (its first axis has the smallest stride): `x.T * 2` then reads `x` and
    writes its result in memory order.  Reversal is a run-time choice (selects on the shape and
    strides, one loop nest); an access loaded once per line (`invariant_inner`) keeps C order."""
    b = fl.b
    ndim = len(shape)
    if ndim < 2 or not accesses or any(a.invariant_inner for a in accesses):
        return shape, accesses
    first, last = accesses[0].strides[0], accesses[0].strides[-1]
    magnitude = lambda v: b.select(b.icmp_signed("<", v, I64(0)), b.sub(I64(0), v), v)   # noqa: E731
    rev = b.and_(b.icmp_signed("<", magnitude(first), magnitude(last)),
                 b.and_(b.icmp_signed(">", shape[0], I64(1)), b.icmp_signed(">", shape[-1], I64(1))))
    flip = lambda values: [b.select(rev, values[ndim - 1 - k], values[k]) for k in range(ndim)]   # noqa: E731
    return flip(shape), [Access(a.data, flip(a.strides), a.dtype) for a in accesses]


def reversed_layout(fl, atype: T.Array, dims: list[ll.Value], like: Access | None,
                    reuse: tuple | None = None) -> ll.Value:
    """A new array of shape `dims` laid out like `like` (C order, or with the axes reversed —
    Fortran order — when `like` is Fortran-like): NumPy's `order="K"` for results."""
    from fastext.compiler.lower.alloc import allocate
    b = fl.b
    ndim = len(dims)
    if ndim < 2 or like is None:
        return allocate(fl, atype, dims, reuse)
    magnitude = lambda v: b.select(b.icmp_signed("<", v, I64(0)), b.sub(I64(0), v), v)   # noqa: E731
    rev = b.and_(b.icmp_signed("<", magnitude(like.strides[0]), magnitude(like.strides[-1])),
                 b.and_(b.icmp_signed(">", dims[0], I64(1)), b.icmp_signed(">", dims[-1], I64(1))))
    flip = lambda values: [b.select(rev, values[ndim - 1 - k], values[k]) for k in range(ndim)]   # noqa: E731
    out = allocate(fl, atype, flip(dims), reuse)
    strides = flip([b.extract_value(out, [2, k]) for k in range(ndim)])
    for k in range(ndim):
        out = b.insert_value(out, dims[k], [1, k])
        out = b.insert_value(out, strides[k], [2, k])
    return out


def all_contiguous(fl, shape: list[ll.Value], accesses: list[Access]) -> ll.Value:
    """i1: every access walks `shape` C-contiguously (no broadcasting; axes of size 1 aside)."""
    b = fl.b
    contiguous = I1(1)
    for acc in accesses:
        expected = I64(acc.dtype.nbytes)
        for k in reversed(range(len(shape))):
            ok = b.or_(b.icmp_signed("<=", shape[k], I64(1)), b.icmp_signed("==", acc.strides[k], expected))
            contiguous = b.and_(contiguous, ok)
            expected = b.mul(expected, shape[k])
    return contiguous


def _element_loop(fl, n: ll.Value, pointers_at, element, name: str) -> None:
    """element(pointers_at(i)) for i in range(n); a staged element (lower/mapchunks.py) runs
    its chunks instead."""
    from fastext.compiler.lower.mapchunks import Staged
    if isinstance(element, Staged):
        element.run(n, pointers_at, name)
    else:
        _counted_loop(fl, n, lambda i: element(pointers_at(i)), name)


def _counted_loop(fl, n: ll.Value, body, name: str) -> None:
    """for i in range(n): body(i) — the canonical form LLVM's vectoriser expects."""
    b = fl.b
    pre = b.block
    head, loop, end = fl.new_block(f"{name}.head"), fl.new_block(f"{name}.body"), fl.new_block(f"{name}.end")
    b.branch(head)
    b.position_at_end(head)
    i = b.phi(I64, name="i")
    i.add_incoming(I64(0), pre)
    b.cbranch(b.icmp_signed("<", i, n), loop, end)
    b.position_at_end(loop)
    body(i)
    i.add_incoming(b.add(i, I64(1)), b.block)
    b.branch(head)
    b.position_at_end(end)


def _nest(fl, shape: list[ll.Value], accesses: list[Access], element, name: str) -> None:
    b = fl.b
    ndim = len(shape)

    def level(axis: int, offsets: list[ll.Value]) -> None:
        if axis == ndim - 1:
            _inner(fl, shape[axis], accesses, offsets, element, name)
            return
        def body(k):
            level(axis + 1, [b.add(off, b.mul(k, a.strides[axis])) for off, a in zip(offsets, accesses)])
        _counted_loop(fl, shape[axis], body, f"{name}.{axis}")

    level(0, [I64(0)] * len(accesses))


def _inner(fl, n: ll.Value, accesses: list[Access], offsets: list[ll.Value], element, name: str) -> None:
    """The innermost loop: a unit-stride version (typed pointers, vectorisable) when every
    access moves by its item size or is invariant, else byte strides."""
    b = fl.b
    unit = I1(1)
    for a in accesses:
        if not a.invariant_inner:
            unit = b.and_(unit, b.icmp_signed("==", a.strides[-1], I64(a.dtype.nbytes)))
    rows = [b.gep(a.data, [off]) for a, off in zip(accesses, offsets)]
    with b.if_else(unit, likely=True) as (fast, general):
        with fast:
            bases = [_typed(fl, row, a.dtype) for row, a in zip(rows, accesses)]
            _element_loop(fl, n, lambda i: [p if a.invariant_inner else b.gep(p, [i])
                                            for p, a in zip(bases, accesses)], element, f"{name}.unit")
        with general:
            def pointers(i):
                return [_typed(fl, b.gep(row, [b.mul(i, a.strides[-1])]), a.dtype) for row, a in zip(rows, accesses)]
            _element_loop(fl, n, pointers, element, f"{name}.strided")


# ----------------------------------------------------------------------------- the three uses

def _accesses(fl, e: ir.ArrayMap, ops: list[Operand], shape: list[ll.Value]) -> tuple[list[Access], list[int]]:
    accesses, which = [], []
    for k, (op, src) in enumerate(zip(ops, e.operands)):
        if op.is_array:
            accesses.append(Access(fl.b.extract_value(op.value, 0), strides_in(fl, op, shape), op.type.dtype,
                                   inner_static_unit(fl, src)))
            which.append(k)
    return accesses, which


def _element_values(fl, ops: list[Operand], which: list[int], pointers: list[ll.Value]) -> list[ll.Value]:
    values = [None if op.is_array else op.value for op in ops]
    for k, ptr in zip(which, pointers):
        values[k] = load(fl, ptr, ops[k].type.dtype)
    return values


def run_into(fl, e: ir.ArrayMap, ops: list[Operand], shape: list[ll.Value], dest: ll.Value,
             dest_type: T.Array) -> None:
    """dest[idx] = body(operands[idx]) over `shape` (dest already of that shape)."""
    b = fl.b
    accesses, which = _accesses(fl, e, ops, shape)
    target = Access(b.extract_value(dest, 0), [b.extract_value(dest, [2, k]) for k in range(dest_type.ndim)],
                    dest_type.dtype)
    checks = DeferredChecks(fl)

    def finish(pointers, v):
        store_item(fl, pointers[0], arith.cast(fl, v, e.type.dtype, dest_type.dtype), dest_type.dtype)

    def values(pointers):
        return _element_values(fl, ops, which, pointers[1:])

    def element(pointers):
        finish(pointers, ElementLowering(fl, values(pointers), checks).expr(e.body))
    calls = mapchunks.nodes(fl, e.body)
    staged = calls and mapchunks.Staged(fl, e.body, calls, checks, values, finish, ops, e.type.ndim,
                                        {k: 1 + p for p, k in enumerate(which)},
                                        0 if dest_type.dtype == e.type.dtype else None)
    loop_nest(fl, shape, [target] + accesses, staged or element, order="K")     # in the target's memory order
    checks.raise_any()


def materialize(fl, e: ir.ArrayMap, reuse: tuple | None = None) -> ll.Value:
    """The map's value as a new array in the call's arena (`reuse`: alloc.allocate's)."""
    ops = evaluate(fl, e.operands)
    return materialize_evaluated(fl, e, ops, reuse)


def materialize_evaluated(fl, e: ir.ArrayMap, ops: list[Operand], reuse: tuple | None = None) -> ll.Value:
    """The result is laid out like its first operand of full rank (NumPy's `order="K"`:
    `x.T * 2` is Fortran-ordered, computed in one pass over `x`'s memory)."""
    shape = broadcast_shape(fl, ops, e.type.ndim)
    lead = next((op for op in ops if op.is_array and op.type.ndim == e.type.ndim), None)
    like = None if lead is None else Access(fl.b.extract_value(lead.value, 0), strides_in(fl, lead, shape),
                                            lead.type.dtype)
    out = reversed_layout(fl, e.type, shape, like, reuse)
    run_into(fl, e, ops, shape, out, e.type)
    return out


def store(fl, e: ir.ArrayMap, dest: ll.Value, dest_type: T.Array, ops: list[Operand]) -> None:
    """`dest[...] = e` with NumPy's rules: the operands broadcast into dest's shape; an operand
    that overlaps dest other than element for element goes through a temporary."""
    b = fl.b
    shape = [b.extract_value(dest, [1, k]) for k in range(dest_type.ndim)]
    check_into(fl, ops, shape, dest_type)
    from fastext.compiler.lower.alloc import _extent, assign
    empty = I1(0)
    for d in shape:
        empty = b.or_(empty, b.icmp_signed("==", d, I64(0)))
    dlo, dhi = _extent(fl, dest, dest_type)
    dstrides = [b.extract_value(dest, [2, k]) for k in range(dest_type.ndim)]
    unsafe = I1(0)
    for op in ops:
        if not op.is_array:
            continue
        lo, hi = _extent(fl, op.value, op.type)
        overlap = b.and_(b.icmp_unsigned("<", lo, dhi), b.icmp_unsigned("<", dlo, hi))
        same = b.icmp_unsigned("==", b.extract_value(op.value, 0), b.extract_value(dest, 0))
        if op.type.ndim == dest_type.ndim:
            for s, d in zip(strides_in(fl, op, shape), dstrides):
                same = b.and_(same, b.icmp_signed("==", s, d))
        else:
            same = I1(0)
        unsafe = b.or_(unsafe, b.and_(overlap, b.not_(same)))
    unsafe = b.and_(unsafe, b.not_(empty))
    with b.if_else(unsafe, likely=False) as (through_temp, direct):
        with through_temp:
            # a malloc'd temporary freed at once (not the arena: in a time-stepping loop
            # `u[1:-1] = u[:-2] + u[2:]` would otherwise hold one per step until the call ends)
            from fastext.compiler.lower.alloc import temporary
            temp_shape = broadcast_shape(fl, ops, e.type.ndim)
            temp, block = temporary(fl, e.type, temp_shape)
            run_into(fl, e, ops, temp_shape, temp, e.type)
            assign(fl, dest, dest_type, temp, e.type)
            b.call(fl.ctx.intrinsic("free", ll.VoidType(), [I8P]), [block])
        with direct:
            run_into(fl, e, ops, shape, dest, dest_type)


def iterate(fl, e: ir.Expr, visit, name: str = "reduce") -> list[ll.Value]:
    """Call `visit(value)` on every element of the array expression `e` in C order (a map's
    elements computed on the fly, nothing stored); returns the iteration shape."""
    if isinstance(e, ir.ArrayMap):
        ops = evaluate(fl, e.operands)
        shape = broadcast_shape(fl, ops, e.type.ndim)
        accesses, which = _accesses(fl, e, ops, shape)
        checks = DeferredChecks(fl)

        def values(pointers):
            return _element_values(fl, ops, which, pointers)

        def element(pointers):
            visit(ElementLowering(fl, values(pointers), checks).expr(e.body))
        calls = mapchunks.nodes(fl, e.body)
        staged = calls and mapchunks.Staged(fl, e.body, calls, checks, values, lambda pointers, v: visit(v), ops,
                                            e.type.ndim, {k: p for p, k in enumerate(which)})
        loop_nest(fl, shape, accesses, staged or element, name)
        checks.raise_any()
        return shape
    array = fl.expr(e)
    op = Operand(array, e.type)
    shape = dims(fl, op)
    access = Access(fl.b.extract_value(array, 0), [fl.b.extract_value(array, [2, k]) for k in range(e.type.ndim)],
                    e.type.dtype)
    loop_nest(fl, shape, [access], lambda pointers: visit(load(fl, pointers[0], e.type.dtype)), name)
    return shape


def lower_assign(fl, e: ir.Intrinsic, args: list[ir.Expr]) -> ll.Value:
    """`array.assign(view, value)` (lazy): a map is stored straight into the view; any other
    array goes through `alloc.assign` (broadcasting and overlap rules)."""
    from fastext.compiler.lower.alloc import assign
    target, value = args
    if isinstance(value, ir.ArrayMap):
        ops = evaluate(fl, value.operands)     # the right side first, as Python evaluates it
        dest = fl.expr(target)
        store(fl, value, dest, target.type, ops)
    else:
        src = fl.expr(value)
        dest = fl.expr(target)
        assign(fl, dest, target.type, src, value.type)
    return I1(0)


def value_of(fl, e: ir.Expr) -> ll.Value:
    """An array expression's value (a map materialised)."""
    return materialize(fl, e) if isinstance(e, ir.ArrayMap) else fl.expr(e)

