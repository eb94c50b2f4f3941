"""reshape and ravel (`ops/shape.py`) in native code: views where NumPy gives views.

`a.reshape(shape)` follows NumPy's `PyArray_Newshape`: the unknown dimension (-1) is fixed
and the sizes checked (NumPy's messages); the same shape keeps a's strides; a C-contiguous
array gets C-contiguous strides over the same data; any other array is viewed with the
strides `_attempt_nocopy_reshape` finds (`fx$nocopy_reshape`, the same algorithm), and only
when there are none is it copied.  `ravel` is a view of a C-contiguous array, else a copy
(NumPy's `PyArray_Ravel` for order 'C').  C-contiguity is NumPy's flag: axes of length 1 do
not count, an empty array is contiguous.
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.lower.alloc import _contiguous_view, _copy, allocate, arena_alloc
from fastext.compiler.lower.arraymap import MESSAGE_BYTES
from fastext.compiler.lower.context import I1, I32, I64, I8P, fill_error, value_type
from fastext.compiler.lower.ircontrol import Var, for_range, internal_function, while_loop


def shape_of(fl, array: ll.Value, ndim: int) -> list[ll.Value]:
    return [fl.b.extract_value(array, [1, k]) for k in range(ndim)]


def strides_of(fl, array: ll.Value, ndim: int) -> list[ll.Value]:
    return [fl.b.extract_value(array, [2, k]) for k in range(ndim)]


def size_of(fl, dims: list[ll.Value]) -> ll.Value:
    n = I64(1)
    for d in dims:
        n = fl.b.mul(n, d)
    return n


def c_contiguous(fl, array: ll.Value, atype: T.Array) -> ll.Value:
    """NumPy's C_CONTIGUOUS flag: strides of a C-order array, axes of length 1 aside; empty: true."""
    b = fl.b
    ok, expected, empty = I1(1), I64(atype.dtype.nbytes), I1(0)
    for k in reversed(range(atype.ndim)):
        d, s = b.extract_value(array, [1, k]), b.extract_value(array, [2, k])
        ok = b.and_(ok, b.or_(b.icmp_signed("==", d, I64(1)), b.icmp_signed("==", s, expected)))
        expected = b.mul(expected, d)
        empty = b.or_(empty, b.icmp_signed("==", d, I64(0)))
    return b.or_(ok, empty)


def contiguous_copy(fl, array: ll.Value, atype: T.Array) -> ll.Value:
    """A new C-contiguous copy of `array` (in the call's arena)."""
    dims = shape_of(fl, array, atype.ndim)
    new = allocate(fl, atype, dims)
    _copy(fl, dims, [(new, atype), (array, atype)])
    return new


def view(fl, atype: T.Array, data: ll.Value, dims: list[ll.Value], strides: list[ll.Value]) -> ll.Value:
    """An array struct over `data` with this shape and these strides."""
    b = fl.b
    out = b.insert_value(ll.Constant(value_type(atype), ll.Undefined), data, 0)
    for k, (d, s) in enumerate(zip(dims, strides)):
        out = b.insert_value(out, d, [1, k])
        out = b.insert_value(out, s, [2, k])
    return out


# ----------------------------------------------------------------------------- ravel

def lower_ravel(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """`a.ravel()`: a 1-D view of a C-contiguous array, else a 1-D copy."""
    b = fl.b
    (a,) = args
    atype: T.Array = e.args[0].type
    slot = fl.entry_alloca(value_type(e.type))
    size = size_of(fl, shape_of(fl, a, atype.ndim))
    with b.if_else(c_contiguous(fl, a, atype), likely=True) as (same, copied):
        with same:
            b.store(view(fl, e.type, b.extract_value(a, 0), [size], [I64(atype.dtype.nbytes)]), slot)
        with copied:
            new = contiguous_copy(fl, a, atype)
            b.store(view(fl, e.type, b.extract_value(new, 0), [size], [I64(atype.dtype.nbytes)]), slot)
    return b.load(slot)


# ----------------------------------------------------------------------------- reshape

def lower_reshape(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    b = fl.b
    a, wanted = args[0], args[1:]
    atype: T.Array = e.args[0].type
    otype: T.Array = e.type
    n, m = atype.ndim, otype.ndim
    old = shape_of(fl, a, n)
    size = size_of(fl, old)
    dims = _fix_unknown(fl, wanted, size)
    slot = fl.entry_alloca(value_type(otype))
    data = b.extract_value(a, 0)
    # the same shape keeps the strides (NumPy returns such a view even of a non-contiguous array)
    same = I1(1 if n == m else 0)
    if n == m:
        for d_old, d_new in zip(old, dims):
            same = b.and_(same, b.icmp_signed("==", d_old, d_new))
    with b.if_else(b.or_(same, c_contiguous(fl, a, atype)), likely=True) as (simple, general):
        with simple:
            contiguous = _contiguous_view(fl, otype, data, dims)
            kept = view(fl, otype, data, dims, strides_of(fl, a, n)) if n == m else contiguous
            b.store(b.select(same, kept, contiguous) if n == m else contiguous, slot)
        with general:
            found = _nocopy(fl, a, atype, dims)
            with b.if_else(b.extract_value(found, 0), likely=True) as (viewed, copied):
                with viewed:
                    strides = [b.extract_value(found, [1, k]) for k in range(m)]
                    b.store(view(fl, otype, data, dims, strides), slot)
                with copied:
                    new = contiguous_copy(fl, a, atype)
                    b.store(_contiguous_view(fl, otype, b.extract_value(new, 0), dims), slot)
    return b.load(slot)


def _fix_unknown(fl, wanted: list[ll.Value], size: ll.Value) -> list[ll.Value]:
    """NumPy's `_fix_unknown_dimension`: one negative dimension is the unknown one; the sizes must agree."""
    b = fl.b
    negatives = I64(0)
    known, overflow = I64(1), I1(0)
    mul = fl.ctx.intrinsic("llvm.smul.with.overflow.i64", ll.LiteralStructType([I64, I1]), [I64, I64])
    for d in wanted:
        neg = b.icmp_signed("<", d, I64(0))
        negatives = b.add(negatives, b.zext(neg, I64))
        r = b.call(mul, [known, b.select(neg, I64(1), d)])
        known, overflow = b.extract_value(r, 0), b.or_(overflow, b.extract_value(r, 1))
    fl.fail_if(b.icmp_signed(">", negatives, I64(1)), "ValueError", "can only specify one unknown dimension")
    unknown = b.icmp_signed("==", negatives, I64(1))
    divisor = b.select(b.icmp_signed("==", known, I64(0)), I64(1), known)
    bad_unknown = b.or_(b.icmp_signed("==", known, I64(0)), b.icmp_signed("!=", b.srem(size, divisor), I64(0)))
    bad = b.or_(overflow, b.select(unknown, bad_unknown, b.icmp_signed("!=", known, size)))
    with b.if_then(bad, likely=False):
        _mismatch(fl, size, wanted)
    missing = b.sdiv(size, divisor)
    return [b.select(b.icmp_signed("<", d, I64(0)), missing, d) for d in wanted]


def _mismatch(fl, size: ll.Value, wanted: list[ll.Value]) -> None:
    """ValueError "cannot reshape array of size 6 into shape (4,newaxis)" (NumPy's text: a negative
    dimension is shown as `newaxis`, leading ones are left out)."""
    b = fl.b
    buf = b.call(arena_alloc(fl.ctx), [fl.err, I64(MESSAGE_BYTES)])
    snprintf = fl.ctx.module.globals.get("snprintf") or ll.Function(
        fl.ctx.module, ll.FunctionType(I32, [I8P, I64], var_arg=True), "snprintf")
    with b.if_else(b.icmp_unsigned("==", buf, ll.Constant(I8P, None))) as (no_memory, ok):
        with no_memory:
            fill_error(b, fl.err, fl.ctx, "ValueError", "cannot reshape array into the requested shape")
        with ok:
            pos = Var(b, I64, I64(0))
            printed = Var(b, I1, I1(0))

            def put(fmt: str, *values):
                at = pos.get()
                written = b.call(snprintf, [b.gep(buf, [at]), b.sub(I64(MESSAGE_BYTES), at), fl.ctx.cstring(fmt),
                                            *values])
                new = b.add(at, b.sext(written, I64))
                pos.set(b.select(b.icmp_signed("<", new, I64(MESSAGE_BYTES - 1)), new, I64(MESSAGE_BYTES - 1)))
            put("cannot reshape array of size %lld into shape (", size)
            for d in wanted:
                with b.if_else(b.icmp_signed("<", d, I64(0))) as (negative, given):
                    with negative:
                        with b.if_then(printed.get()):
                            put(",newaxis")
                    with given:
                        with b.if_else(printed.get()) as (later, first):
                            with later:
                                put(",%lld", d)
                            with first:
                                put("%lld", d)
                        printed.set(I1(1))
            put(",)" if len(wanted) == 1 else ")")
            fill_error(b, fl.err, fl.ctx, "ValueError", "%s", (b.ptrtoint(buf, I64),))
    fl.error_exit()


def _nocopy(fl, a: ll.Value, atype: T.Array, dims: list[ll.Value]) -> ll.Value:
    """{i1 found, [m x i64] strides}: NumPy's no-copy strides for the new dims, if any."""
    b = fl.b
    n, m = atype.ndim, len(dims)
    olddims, oldstrides = fl.entry_alloca(ll.ArrayType(I64, n)), fl.entry_alloca(ll.ArrayType(I64, n))
    newdims, newstrides = fl.entry_alloca(ll.ArrayType(I64, m)), fl.entry_alloca(ll.ArrayType(I64, m))
    for k in range(n):
        b.store(b.extract_value(a, [1, k]), b.gep(olddims, [I32(0), I32(k)]))
        b.store(b.extract_value(a, [2, k]), b.gep(oldstrides, [I32(0), I32(k)]))
    for k, d in enumerate(dims):
        b.store(d, b.gep(newdims, [I32(0), I32(k)]))
    first = lambda p: b.gep(p, [I32(0), I32(0)])   # noqa: E731
    ok = b.call(nocopy_function(fl.ctx.module), [I64(n), first(olddims), first(oldstrides), I64(m), first(newdims),
                                                 first(newstrides), I64(atype.dtype.nbytes)])
    result = ll.Constant(ll.LiteralStructType([I1, ll.ArrayType(I64, m)]), ll.Undefined)
    result = b.insert_value(result, ok, 0)
    for k in range(m):
        result = b.insert_value(result, b.load(b.gep(newstrides, [I32(0), I32(k)])), [1, k])
    return result


def nocopy_function(module: ll.Module) -> ll.Function:
    """`i1 fx$nocopy_reshape(i64 oldnd, i64* olddims, i64* oldstrides, i64 newnd, i64* newdims,
    i64* newstrides, i64 itemsize)`: NumPy's `_attempt_nocopy_reshape` for C order (the old
    arrays are used as scratch).  The sizes agree and are non-zero (the caller checked)."""
    p = I64.as_pointer()
    fn, b = internal_function(module, "fx$nocopy_reshape", I1, [I64, p, p, I64, p, p, I64])
    if b is None:
        return fn
    ndim_in, olddims, oldstrides, newnd, newdims, newstrides, itemsize = fn.args
    at = lambda p, i: b.gep(p, [i])   # noqa: E731
    # drop the axes of length 1 (their strides do not matter)
    oldnd = Var(b, I64, I64(0))

    def keep(oi):
        d = b.load(at(olddims, oi))
        with b.if_then(b.icmp_signed("!=", d, I64(1))):
            k = oldnd.get()
            b.store(d, at(olddims, k))
            b.store(b.load(at(oldstrides, oi)), at(oldstrides, k))
            oldnd.set(b.add(k, I64(1)))
    for_range(b, I64(0), ndim_in, keep, "squeeze")
    nold = oldnd.get()
    oi, oj, ni, nj = (Var(b, I64, I64(v)) for v in (0, 1, 0, 1))
    fail = b.append_basic_block("fail")

    def group():
        np_ = Var(b, I64, b.load(at(newdims, ni.get())))
        op_ = Var(b, I64, b.load(at(olddims, oi.get())))

        def grow():
            with b.if_else(b.icmp_signed("<", np_.get(), op_.get())) as (new_side, old_side):
                with new_side:
                    j = nj.get()
                    with b.if_then(b.icmp_signed(">=", j, newnd), likely=False):
                        b.branch(fail)
                    np_.set(b.mul(np_.get(), b.load(at(newdims, j))))
                    nj.set(b.add(j, I64(1)))
                with old_side:
                    j = oj.get()
                    with b.if_then(b.icmp_signed(">=", j, nold), likely=False):
                        b.branch(fail)
                    op_.set(b.mul(op_.get(), b.load(at(olddims, j))))
                    oj.set(b.add(j, I64(1)))
        while_loop(b, lambda: b.icmp_signed("!=", np_.get(), op_.get()), grow, "grow")

        # the old axes of the group must be contiguous with each other to be combined
        def check(ok):
            s = b.load(at(oldstrides, ok))
            nxt = b.add(ok, I64(1))
            joined = b.mul(b.load(at(olddims, nxt)), b.load(at(oldstrides, nxt)))
            with b.if_then(b.icmp_signed("!=", s, joined)):
                b.branch(fail)
        for_range(b, oi.get(), b.sub(oj.get(), I64(1)), check, "combine")
        last = b.sub(nj.get(), I64(1))
        b.store(b.load(at(oldstrides, b.sub(oj.get(), I64(1)))), at(newstrides, last))

        def back(nk):
            b.store(b.mul(b.load(at(newstrides, nk)), b.load(at(newdims, nk))), at(newstrides, b.sub(nk, I64(1))))
        for_range(b, last, ni.get(), back, "strides", step=-1)
        ni.set(nj.get())
        nj.set(b.add(nj.get(), I64(1)))
        oi.set(oj.get())
        oj.set(b.add(oj.get(), I64(1)))
    while_loop(b, lambda: b.and_(b.icmp_signed("<", ni.get(), newnd), b.icmp_signed("<", oi.get(), nold)), group,
               "groups")
    # trailing new axes of length 1
    last_stride = Var(b, I64, itemsize)
    with b.if_then(b.icmp_signed(">=", ni.get(), I64(1))):
        last_stride.set(b.load(at(newstrides, b.sub(ni.get(), I64(1)))))
    for_range(b, ni.get(), newnd, lambda nk: b.store(last_stride.get(), at(newstrides, nk)), "ones")
    b.ret(I1(1))
    b.position_at_end(fail)
    b.ret(I1(0))
    return fn
