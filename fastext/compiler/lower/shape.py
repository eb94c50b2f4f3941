"""Shape functions (`ops/shape.py`) in native code: concatenate (and the stacks, which the
front end types as concatenations), tile, repeat, roll, diff.

Each result is a new C-contiguous array.  Copies are strided loops over *views*: a block of
the result is written through a view of it (a data pointer, shape and strides), and the
repetitions of tile and repeat are extra axes of a view whose source stride is 0 — one loop
nest per copy, with its vectorised unit-stride inner loop.
"""
from __future__ import annotations

from itertools import product

from llvmlite import ir as ll

from fastext.compiler import ir, ops
from fastext.compiler import types as T
from fastext.compiler.lower import arith
from fastext.compiler.lower.alloc import _contiguous_view, _copy, allocate
from fastext.compiler.lower.arraymap import (
    Access, broadcast_shape, evaluate, load, loop_nest, materialize_evaluated, run_into, store_item,
)
from fastext.compiler.lower.context import I64
from fastext.compiler.lower.reshape import c_contiguous, contiguous_copy, shape_of, size_of, strides_of, view


class Piece:
    """An array argument, evaluated: its shape, and how to write its items into a view of that
    shape (an element-wise expression is computed straight into it, no temporary)."""

    def __init__(self, fl, e: ir.Expr):
        self.fl, self.expr, self.type = fl, e, e.type
        if isinstance(e, ir.ArrayMap):
            self.ops = evaluate(fl, e.operands)
            self.shape = broadcast_shape(fl, self.ops, e.type.ndim)
            self.value = None
        else:
            self.value = fl.expr(e)
            self.shape = shape_of(fl, self.value, e.type.ndim)

    def write(self, dest: ll.Value, dest_type: T.Array) -> None:
        if self.value is None:
            run_into(self.fl, self.expr, self.ops, self.shape, dest, dest_type)
        else:
            _copy(self.fl, self.shape, [(dest, dest_type), (self.value, self.type)])


def _part(fl, array: ll.Value, atype: T.Array, axis: int, start: ll.Value, length: ll.Value) -> ll.Value:
    """The view array[..., start:start+length, ...] along `axis` (no bounds check: the caller's)."""
    b = fl.b
    stride = b.extract_value(array, [2, axis])
    moved = b.insert_value(array, b.gep(b.extract_value(array, 0), [b.mul(start, stride)]), 0)
    return b.insert_value(moved, length, [1, axis])


# ----------------------------------------------------------------------------- concatenate & the stacks

def lower_concatenate(fl, e: ir.Intrinsic, args: list[ir.Expr]) -> ll.Value:
    """`array.concatenate(a, b, ...)` {axis, stack}: every argument has the result's rank, or one
    less (a size-1 axis at `axis`: np.stack, a 1-D row of vstack, a column of column_stack);
    axis None joins the flattened arguments."""
    b = fl.b
    otype: T.Array = e.type
    dtype = otype.dtype
    pieces = [Piece(fl, a) for a in args]
    axis = e.attrs["axis"]
    if axis is None:
        sizes = [size_of(fl, p.shape) for p in pieces]
        total = I64(0)
        for s in sizes:
            total = b.add(total, s)
        out = allocate(fl, otype, [total])
        offset = I64(0)
        for p, s in zip(pieces, sizes):
            ptype = T.Array(dtype, len(p.shape))
            data = b.gep(b.extract_value(out, 0), [b.mul(offset, I64(dtype.nbytes))])
            p.write(_contiguous_view(fl, ptype, data, p.shape), ptype)
            offset = b.add(offset, s)
        return out
    nd = otype.ndim
    dims = [p.shape if len(p.shape) == nd else p.shape[:axis] + [I64(1)] + p.shape[axis:] for p in pieces]
    pairs = [(k, d) for k in range(1, len(pieces)) for d in range(nd) if d != axis]
    if e.attrs.get("stack") == "array":      # np.array([a, b]): the first axis where any differs
        pairs.sort(key=lambda kd: kd[1])
    for k, d in pairs:
        differ = b.icmp_signed("!=", dims[k][d], dims[0][d])
        if e.attrs.get("stack") == "array":
            shown = dims[0][1:d]
            if len(shown) <= 3:
                detected = "(" + ", ".join([str(len(pieces))] + ["%lld"] * len(shown)) + ("," if d == 1 else "") + ")"
                fl.fail_if(differ, "ValueError", "setting an array element with a sequence. The requested array has "
                                                 f"an inhomogeneous shape after {d} dimensions. The detected shape "
                                                 f"was {detected} + inhomogeneous part.", tuple(shown))
            else:
                fl.fail_if(differ, "ValueError", "setting an array element with a sequence. The requested array "
                                                 f"has an inhomogeneous shape after {d} dimensions.")
        elif e.attrs.get("stack"):
            fl.fail_if(differ, "ValueError", "all input arrays must have the same shape")
        else:
            fl.fail_if(differ, "ValueError", "all the input array dimensions except for the concatenation axis "
                                             f"must match exactly, but along dimension {d}, the array at index 0 "
                                             f"has size %lld and the array at index {k} has size %lld",
                       (dims[0][d], dims[k][d]))
    total = I64(0)
    for pd in dims:
        total = b.add(total, pd[axis])
    out = allocate(fl, otype, dims[0][:axis] + [total] + dims[0][axis + 1:])
    if axis == nd - 1 and all(len(p.shape) == nd - 1 for p in pieces):
        _interleave(fl, pieces, out, otype)
        return out
    strides = strides_of(fl, out, nd)
    offset = I64(0)
    for p, pd in zip(pieces, dims):
        data = b.gep(b.extract_value(out, 0), [b.mul(offset, strides[axis])])
        if len(p.shape) == nd:
            p.write(view(fl, otype, data, pd, strides), otype)
        else:
            ptype = T.Array(dtype, nd - 1)
            p.write(view(fl, ptype, data, p.shape, strides[:axis] + strides[axis + 1:]), ptype)
        offset = b.add(offset, pd[axis])
    return out


def _interleave(fl, pieces: list[Piece], out: ll.Value, otype: T.Array) -> None:
    """np.stack(..., axis=-1), np.column_stack of 1-D arrays: out[..., j] = piece_j[...], one
    loop over the other axes storing the k items of a row side by side (copying each piece
    into its strided column instead would store with a stride: slow scatters)."""
    b = fl.b
    nd = otype.ndim
    dtype = otype.dtype
    values = [p.value if p.value is not None else materialize_evaluated(fl, p.expr, p.ops) for p in pieces]
    row = Access(b.extract_value(out, 0), strides_of(fl, out, nd)[:-1], dtype)
    sources = [Access(b.extract_value(v, 0), strides_of(fl, v, nd - 1), dtype) for v in values]

    def element(ptrs):
        for j, ptr in enumerate(ptrs[1:]):
            store_item(fl, b.gep(ptrs[0], [I64(j)]), load(fl, ptr, dtype), dtype)
    loop_nest(fl, shape_of(fl, out, nd)[:-1], [row] + sources, element, "interleave")


# ----------------------------------------------------------------------------- tile, repeat

def lower_tile(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """np.tile: out viewed as (reps[0], shape[0], reps[1], shape[1], ...), a copied along the
    shape axes with stride 0 along the repetition axes."""
    b = fl.b
    a, reps = args[0], args[1:]
    atype: T.Array = e.args[0].type
    otype: T.Array = e.type
    nd = otype.ndim
    lead = nd - atype.ndim
    shape = [I64(1)] * lead + shape_of(fl, a, atype.ndim)
    astrides = [I64(0)] * lead + strides_of(fl, a, atype.ndim)
    reps = [I64(1)] * (nd - len(reps)) + list(reps)
    out = allocate(fl, otype, [b.mul(s, r) for s, r in zip(shape, reps)])
    ostrides = strides_of(fl, out, nd)
    dims2, dst2, src2 = [], [], []
    for s, r, os_, as_ in zip(shape, reps, ostrides, astrides):
        dims2 += [r, s]
        dst2 += [b.mul(s, os_), os_]
        src2 += [I64(0), as_]
    wide = T.Array(otype.dtype, 2 * nd)
    _copy(fl, dims2, [(view(fl, wide, b.extract_value(out, 0), dims2, dst2), wide), (a, atype)], src_strides=src2)
    return out


def lower_repeat(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """np.repeat with an int count: out viewed with an extra axis of length `repeats` after the
    repeated one (after the last for axis=None), the source's stride 0 along it."""
    b = fl.b
    a, count = args
    atype: T.Array = e.args[0].type
    otype: T.Array = e.type
    fl.fail_if(b.icmp_signed("<", count, I64(0)), "ValueError", "negative dimensions are not allowed")
    shape, astrides = shape_of(fl, a, atype.ndim), strides_of(fl, a, atype.ndim)
    axis = e.attrs["axis"]
    if axis is None:
        out = allocate(fl, otype, [b.mul(size_of(fl, shape), count)])
        dims = shape + [count]
        wide = T.Array(otype.dtype, len(dims))
        dest = _contiguous_view(fl, wide, b.extract_value(out, 0), dims)
        _copy(fl, dims, [(dest, wide), (a, atype)], src_strides=astrides + [I64(0)])
        return out
    out = allocate(fl, otype, shape[:axis] + [b.mul(shape[axis], count)] + shape[axis + 1:])
    ostrides = strides_of(fl, out, otype.ndim)
    dims = shape[:axis + 1] + [count] + shape[axis + 1:]
    dst = ostrides[:axis] + [b.mul(ostrides[axis], count), ostrides[axis]] + ostrides[axis + 1:]
    wide = T.Array(otype.dtype, len(dims))
    _copy(fl, dims, [(view(fl, wide, b.extract_value(out, 0), dims, dst), wide), (a, atype)],
          src_strides=astrides[:axis + 1] + [I64(0)] + astrides[axis + 1:])
    return out


# ----------------------------------------------------------------------------- roll

def lower_roll(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """np.roll: along each rolled axis of length n (shift s mod n) the result is two blocks,
    out[s:] = a[:n-s] and out[:s] = a[n-s:]; m axes are 2**m block copies.  axis=None rolls
    the flattened array (a copy first when a is not C-contiguous)."""
    b = fl.b
    a, shifts = args[0], args[1:]
    atype: T.Array = e.type
    out = allocate(fl, atype, shape_of(fl, a, atype.ndim))
    axes = e.attrs["axes"]
    if axes is None:
        flat_t = T.Array(atype.dtype, 1)
        slot = fl.entry_alloca(a.type)
        b.store(a, slot)
        with b.if_then(b.not_(c_contiguous(fl, a, atype)), likely=False):
            b.store(contiguous_copy(fl, a, atype), slot)
        n = size_of(fl, shape_of(fl, a, atype.ndim))
        item = [I64(atype.dtype.nbytes)]
        src = view(fl, flat_t, b.extract_value(b.load(slot), 0), [n], item)
        dst = view(fl, flat_t, b.extract_value(out, 0), [n], item)
        _blocks(fl, src, dst, flat_t, [0], shifts)
        return out
    _blocks(fl, a, out, atype, list(axes), shifts)
    return out


def _blocks(fl, src: ll.Value, dst: ll.Value, atype: T.Array, axes: list[int], shifts: list[ll.Value]) -> None:
    b = fl.b
    cuts = []
    for axis, shift in zip(axes, shifts):
        n = b.extract_value(src, [1, axis])
        safe = b.select(b.icmp_signed("==", n, I64(0)), I64(1), n)
        r = b.srem(shift, safe)
        cuts.append((axis, n, b.select(b.icmp_signed("<", r, I64(0)), b.add(r, safe), r)))   # Python's modulo
    for halves in product((0, 1), repeat=len(cuts)):
        s_view, d_view = src, dst
        for (axis, n, s), half in zip(cuts, halves):
            rest = b.sub(n, s)
            if half == 0:     # out[s:] = a[:n-s]
                d_view, s_view = _part(fl, d_view, atype, axis, s, rest), _part(fl, s_view, atype, axis, I64(0), rest)
            else:             # out[:s] = a[n-s:]
                d_view, s_view = _part(fl, d_view, atype, axis, I64(0), s), _part(fl, s_view, atype, axis, rest, s)
        _copy(fl, shape_of(fl, d_view, atype.ndim), [(d_view, atype), (s_view, atype)])


# ----------------------------------------------------------------------------- diff

def lower_diff(fl, e: ir.Intrinsic, args: list[ir.Expr]) -> ll.Value:
    """np.diff: `n` rounds of out = a[1:] - a[:-1] along the axis (NumPy's subtract loop; bools:
    not_equal), each into a new array one shorter along it."""
    b = fl.b
    (src,) = args
    current = fl.expr(src)
    ctype: T.Array = src.type
    axis = e.attrs["axis"]
    nd = ctype.ndim
    for name, tin, tout in e.attrs["steps"]:
        tin, tout = T.SCALARS.get(tin, T.BOOL), T.SCALARS.get(tout, T.BOOL)
        dims = shape_of(fl, current, nd)
        shorter = b.sub(dims[axis], I64(1))
        dims[axis] = b.select(b.icmp_signed("<", shorter, I64(0)), I64(0), shorter)
        otype = T.Array(tout, nd)
        new = allocate(fl, otype, dims)
        strides = strides_of(fl, current, nd)
        data = b.extract_value(current, 0)
        accesses = [Access(b.extract_value(new, 0), strides_of(fl, new, nd), tout),
                    Access(b.gep(data, [strides[axis]]), strides, ctype.dtype), Access(data, strides, ctype.dtype)]
        scalar = ops.get(f"np.{name}").data["scalar"]
        source_t = ctype.dtype

        def element(ptrs, scalar=scalar, tin=tin, tout=tout, source_t=source_t):
            hi = arith.cast(fl, load(fl, ptrs[1], source_t), source_t, tin)
            lo = arith.cast(fl, load(fl, ptrs[2], source_t), source_t, tin)
            store_item(fl, ptrs[0], scalar(fl, [tin, tin], tout, [hi, lo]), tout)
        loop_nest(fl, dims, accesses, element, "diff")
        current, ctype = new, otype
    return current
