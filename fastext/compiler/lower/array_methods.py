"""`a.sum()`, `a.min()`, `a.max()`, `a.fill(v)`: nested loops over every element, in index order.

Sequential order is part of the meaning (a float sum is the left-to-right sum, as a
hand-written loop and the interpreted module compute it); `@fastmath` lets LLVM
reassociate it.  min/max propagate NaN and raise ValueError on an empty array, as NumPy does.
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.lower import arith
from fastext.compiler.lower.context import I1, I64, I8, memory_type, scalar_type


def lower_array_method(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    atype: T.Array = e.args[0].type
    array = args[0]
    method = e.name.partition(".")[2]
    if method == "fill":
        value = args[1]
        if atype.dtype.is_bool:
            value = fl.b.zext(value, I8)
        for_each(fl, array, atype, lambda ptr: fl.b.store(value, ptr, align=atype.dtype.align))
        return I1(0)
    if method == "sum":
        return _sum(fl, array, atype, e.type)
    return _extreme(fl, array, atype, method)


def _load(fl, ptr, dtype: T.Scalar) -> ll.Value:
    v = fl.b.load(ptr, align=dtype.align)
    return fl.b.icmp_unsigned("!=", v, I8(0)) if dtype.is_bool else v


def _sum(fl, array, atype: T.Array, result: T.Scalar) -> ll.Value:
    b = fl.b
    acc = fl.entry_alloca(scalar_type(result))
    b.store(ll.Constant(scalar_type(result), 0.0 if result.is_float else 0), acc)

    def add(ptr):
        item = arith.cast(fl, _load(fl, ptr, atype.dtype), atype.dtype, result)
        total = b.load(acc)
        b.store(b.fadd(total, item, flags=fl.fast_flags) if result.is_float else b.add(total, item), acc)
    for_each(fl, array, atype, add)
    return b.load(acc)


def _extreme(fl, array, atype: T.Array, method: str) -> ll.Value:
    b = fl.b
    dtype = atype.dtype
    size = I64(1)
    for axis in range(atype.ndim):
        size = b.mul(size, b.extract_value(array, [1, axis]))
    fl.fail_if(b.icmp_signed("==", size, I64(0)), "ValueError",
               f"zero-size array to reduction operation {'minimum' if method == 'min' else 'maximum'} "
               "which has no identity")
    acc = fl.entry_alloca(scalar_type(dtype))
    first = fl.entry_alloca(I1)
    b.store(I1(1), first)
    b.store(ll.Constant(scalar_type(dtype), 0.0 if dtype.is_float else 0), acc)
    op = "<" if method == "min" else ">"

    def step(ptr):
        item = _load(fl, ptr, dtype)
        current = b.load(acc)
        better = arith.compare(fl, op, dtype if not dtype.is_bool else T.U8, _widen_bool(fl, item, dtype),
                               _widen_bool(fl, current, dtype))
        if dtype.is_float:
            # NaN wins and stays: NumPy's minimum/maximum propagate it
            item_nan = b.fcmp_unordered("uno", item, item)
            current_nan = b.fcmp_unordered("uno", current, current)
            better = b.and_(b.not_(current_nan), b.or_(better, item_nan))
        take = b.or_(b.load(first), better)
        b.store(b.select(take, item, current), acc)
        b.store(I1(0), first)
    for_each(fl, array, atype, step)
    return b.load(acc)


def _widen_bool(fl, v, dtype: T.Scalar):
    return fl.b.zext(v, ll.IntType(8)) if dtype.is_bool else v


def strided_loop(fl, shape: list[ll.Value], strides: list[list[ll.Value]], body, name: str = "each") -> None:
    """Nested loops over `shape`, last axis innermost, walking several arrays at once:
    `strides[a]` are array a's byte strides, and `body(offsets)` gets the byte offset of the
    current element in each array."""
    b = fl.b

    def level(axis: int, offsets: list[ll.Value]) -> None:
        pre = b.block
        head, loop, done = (fl.new_block(f"{name}{axis}.{x}") for x in ("head", "body", "done"))
        b.branch(head)
        b.position_at_end(head)
        k = b.phi(I64)
        k.add_incoming(I64(0), pre)
        b.cbranch(b.icmp_signed("<", k, shape[axis]), loop, done)
        b.position_at_end(loop)
        here = [b.add(off, b.mul(k, st[axis])) for off, st in zip(offsets, strides)]
        if axis == len(shape) - 1:
            body(here)
        else:
            level(axis + 1, here)
        k.add_incoming(b.add(k, I64(1)), b.block)
        b.branch(head)
        b.position_at_end(done)

    level(0, [I64(0)] * len(strides))


def for_each(fl, array, atype: T.Array, body) -> None:
    """Nested loops over every element, last axis innermost; `body(element_pointer)`."""
    b = fl.b
    data = b.extract_value(array, 0)
    shape = [b.extract_value(array, [1, k]) for k in range(atype.ndim)]
    strides = [b.extract_value(array, [2, k]) for k in range(atype.ndim)]
    ptr_type = memory_type(atype.dtype).as_pointer()
    strided_loop(fl, shape, [strides], lambda offs: body(b.bitcast(b.gep(data, [offs[0]]), ptr_type)))
