"""np.convolve and np.interp (`ops/statistics.py`) in native code: the loops NumPy runs in C, with
its arithmetic in its order.  (np.median & co. are compositions: `frontend/statistics.py`.)"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.lower import arith, gemm
from fastext.compiler.lower.alloc import _copy, allocate
from fastext.compiler.lower.arraymap import Access, _counted_loop, load, store_item
from fastext.compiler.lower.context import F64, I64, memory_type, scalar_type
from fastext.compiler.lower.ircontrol import Var
from fastext.compiler.lower.reshape import strides_of, view
from fastext.compiler.lower.sorting import bisect

SMALL_KERNEL = 11     # NumPy's small_correlate: float kernels up to this length, summed in order


def lower_convolve(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """NumPy's convolve: ValueError for an empty a or v, then the longer array a, the shorter v
    (swapped when v is longer), and `_pyarray_correlate(a, v[::-1])`: item k of the result is the dot product
    of the parts that overlap — the first n_left and the last n_right partly ('full': n - 1 each,
    'same': n // 2 and n - 1 - n // 2, 'valid': none).  Each dot product is NumPy's `dot` of the
    dtype (BLAS ?dot for floats where the strides allow, a sum in order otherwise), a float kernel
    of at most 11 items summed in order (NumPy's small_correlate)."""
    from fastext.compiler.lower.products import Operand, vector_dot
    b = fl.b
    t: T.Scalar = e.type.dtype
    vec = T.Array(t, 1)
    x, y = args
    fl.fail_if(b.icmp_signed("==", b.extract_value(x, [1, 0]), I64(0)), "ValueError", "a cannot be empty")
    fl.fail_if(b.icmp_signed("==", b.extract_value(y, [1, 0]), I64(0)), "ValueError", "v cannot be empty")
    swap = b.icmp_signed(">", b.extract_value(y, [1, 0]), b.extract_value(x, [1, 0]))
    a, v = b.select(swap, y, x), b.select(swap, x, y)
    n1, n = b.extract_value(a, [1, 0]), b.extract_value(v, [1, 0])
    vstride = b.extract_value(v, [2, 0])
    last = b.gep(b.extract_value(v, 0), [b.mul(b.sub(n, I64(1)), vstride)])
    rev = allocate(fl, vec, [n])            # v[::-1], contiguous (NumPy copies it so)
    _copy(fl, [n], [(rev, vec), (view(fl, vec, last, [n], [b.neg(vstride)]), vec)])
    size, astride = I64(t.nbytes), b.extract_value(a, [2, 0])
    mode = e.attrs["mode"]
    half = b.sdiv(n, I64(2))
    n_left = {"full": b.sub(n, I64(1)), "same": half, "valid": I64(0)}[mode]
    n_right = {"full": b.sub(n, I64(1)), "same": b.sub(b.sub(n, half), I64(1)), "valid": I64(0)}[mode]
    steps = b.add(b.sub(n1, n), I64(1))
    out = allocate(fl, e.type, [b.add(b.add(n_left, steps), n_right)])
    out_items = b.extract_value(out, 0)
    a_data, r_data = b.extract_value(a, 0), b.extract_value(rev, 0)

    def dot(i_out, i_a, i_r, count, in_order=False):
        pa = b.gep(a_data, [b.mul(i_a, astride)])
        pr = b.gep(r_data, [b.mul(i_r, size)])
        if in_order or not (t.is_float or t.is_complex):
            value = b.call(gemm.dot_kernel(fl.ctx, t), [count, pa, astride, pr, size])
        else:
            value = vector_dot(fl, t, count, Operand(fl, view(fl, vec, pa, [count], [astride]), vec, 1),
                               Operand(fl, view(fl, vec, pr, [count], [size]), vec, 1))
        store_item(fl, b.bitcast(b.gep(out_items, [b.mul(i_out, size)]), memory_type(t).as_pointer()), value, t)

    _counted_loop(fl, n_left, lambda i: dot(i, I64(0), b.sub(n_left, i), b.add(b.sub(n, n_left), i)), "conv.left")

    def middle(in_order):
        _counted_loop(fl, steps, lambda i: dot(b.add(n_left, i), i, I64(0), n, in_order), "conv.middle")
    if t in (T.F32, T.F64):
        with b.if_else(b.icmp_signed("<=", n, I64(SMALL_KERNEL))) as (small, large):
            with small:
                middle(True)
            with large:
                middle(False)
    else:
        middle(False)
    _counted_loop(fl, n_right, lambda i: dot(b.add(b.add(n_left, steps), i), b.add(steps, i), I64(0),
                                             b.sub(b.sub(n, I64(1)), i)), "conv.right")
    return out


def lower_interp(fl, e: ir.Intrinsic, args: list[ir.Expr]) -> ll.Value:
    """NumPy's compiled interp in float64: left = fp[0] and right = fp[-1] unless given; a NaN x
    is the result; one sample point: left, right or fp[0]; otherwise j with xp[j] <= x < xp[j+1]
    (the previous j first, else a binary search; left below xp[0], right above xp[-1], fp[j] at a
    sample point) and
    slope * (x - xp[j]) + fp[j], retried from xp[j+1] when that is NaN, fp[j] when still NaN and
    fp[j] == fp[j+1]."""
    b = fl.b
    x_expr, xp, fp = args[:3]
    xp, fp = fl.expr(xp), fl.expr(fp)
    n = b.extract_value(xp, [1, 0])
    fl.fail_if(b.icmp_signed("==", n, I64(0)), "ValueError", "array of sample points is empty")
    fl.fail_if(b.icmp_signed("!=", b.extract_value(fp, [1, 0]), n), "ValueError", "fp and xp are not of the same length.")
    xs, ys = (b.extract_value(v, [2, 0]) for v in (xp, fp))
    xd, yd = (b.bitcast(b.extract_value(v, 0), ll.IntType(8).as_pointer()) for v in (xp, fp))
    at = lambda data, stride, i: load(fl, b.bitcast(b.gep(data, [b.mul(i, stride)]),   # noqa: E731
                                                   scalar_type(T.F64).as_pointer()), T.F64)
    sides = dict(zip(e.attrs["sides"], (fl.expr(s) for s in args[3:])))
    left = sides.get("left", at(yd, ys, I64(0)))
    right = sides.get("right", at(yd, ys, b.sub(n, I64(1))))
    lo, hi, guess, found = Var(b, I64), Var(b, I64), Var(b, I64, I64(0)), Var(b, I64)

    def one(x: ll.Value) -> ll.Value:
        x0, y0 = at(xd, xs, I64(0)), at(yd, ys, I64(0))
        single = b.select(b.fcmp_ordered("<", x, x0), left, b.select(b.fcmp_ordered(">", x, x0), right, y0))
        result = Var(b, F64, single)
        with b.if_then(b.icmp_signed(">", n, I64(1))):
            # NumPy's search with a guess: the previous interval first (x in order stays in it or
            # the next), else a binary search on the side of it where x lies
            g = guess.get()
            after = b.fcmp_ordered(">=", x, at(xd, xs, g))
            inside = b.and_(after, b.fcmp_ordered("<", x, at(xd, xs, b.add(g, I64(1)))))
            with b.if_else(inside) as (same, other):
                with same:
                    found.set(g)
                with other:
                    lo.set(b.select(after, g, I64(0)))
                    hi.set(b.select(after, n, b.add(g, I64(1))))
                    found.set(b.sub(bisect(fl, xd, xs, T.F64, T.F64, x, lo, hi, left=False, fetch=False), I64(1)))
            j = found.get()
            j = b.select(b.icmp_signed("<", j, I64(0)), I64(0), j)      # (x below xp[0]: chosen below)
            guess.set(b.select(b.icmp_signed("<", j, b.sub(n, I64(1))), j, b.sub(n, I64(2))))
            k = b.select(b.icmp_signed("<", b.add(j, I64(1)), n), b.add(j, I64(1)), j)
            xj, xk, yj, yk = at(xd, xs, j), at(xd, xs, k), at(yd, ys, j), at(yd, ys, k)
            slope = b.fdiv(b.fsub(yk, yj), b.fsub(xk, xj))
            value = b.fadd(b.fmul(slope, b.fsub(x, xj)), yj)
            again = b.fadd(b.fmul(slope, b.fsub(x, xk)), yk)
            nan = lambda z: b.fcmp_unordered("uno", z, z)   # noqa: E731
            value = b.select(nan(value), b.select(b.and_(nan(again), b.fcmp_ordered("==", yj, yk)), yj, again), value)
            exact = b.or_(b.icmp_signed("==", j, b.sub(n, I64(1))), b.fcmp_ordered("==", xj, x))
            value = b.select(exact, yj, value)
            value = b.select(b.fcmp_ordered("<", x, x0), left, b.select(
                b.fcmp_ordered(">", x, at(xd, xs, b.sub(n, I64(1)))), right, value))
            result.set(b.select(nan(x), x, value))
        return result.get()

    xt = x_expr.type.dtype if isinstance(x_expr.type, T.Array) else x_expr.type
    if not isinstance(x_expr.type, T.Array):
        return one(arith.cast(fl, fl.expr(x_expr), xt, T.F64))
    from fastext.compiler.lower.reduce import Source
    src = Source(fl, x_expr, chunked=True)
    out = allocate(fl, e.type, src.shape)
    target = Access(b.extract_value(out, 0), strides_of(fl, out, e.type.ndim), T.F64)
    src.each(lambda value, ptrs: store_item(fl, ptrs[0], one(arith.cast(fl, value, xt, T.F64)), T.F64),
             [target], "interp")
    src.release()
    return out

