"""NumPy's choice of BLAS call for one matrix product, made at run time from the operands' shape
and strides (NumPy's `@TYPE@_matmul` loop, `umath/matmul.c.src`), so a compiled `a @ b` calls
the same routine with the same arguments as NumPy does — and gives NumPy's bits:

* an m×k @ k×p product with m == p == 1 is a dot product (`?dot`, `?dotu_sub`);
* k == 1 with m == 1 or p == 1: one multiplication per item (the native loop);
* m == 1: `?gemv` on Bᵀ; p == 1: `?gemv` on A;
* otherwise `?gemm`, or `?syrk` (then the upper triangle mirrored) for a matrix times its own
  transpose (`a @ a.T`: an exactly symmetric result); an operand BLAS cannot read in place is
  first copied, in C or Fortran order after its larger stride, as NumPy copies it.

"BLAS can read it" is NumPy's `is_blasable2d`: one unit stride, the other a multiple of the
item size at least the row length (either order; a transpose flag says which); a vector
needs a positive stride that is a multiple of the item size.  Where a vector or matrix case
cannot use BLAS, NumPy runs its plain loop, and so does the compiled code (`lower/gemm.py`:
the same sums in the same order).  Unaligned data never goes to BLAS (NumPy would buffer it).
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler import types as T
from fastext.compiler.lower import blas
from fastext.compiler.lower.arraymap import _counted_loop
from fastext.compiler.lower.context import I32, I64, I8P, memory_type, scalar_type

COL_MAJOR, UPPER = 102, 121


def blasable2d(fl, s1: ll.Value, s2: ll.Value, d2: ll.Value, t: T.Scalar) -> ll.Value:
    """NumPy's is_blasable2d(s1, s2, d1, d2): unit stride s2, s1 a multiple of the item size
    and at least d2 items (and passable as a BLAS integer)."""
    b = fl.b
    size = I64(t.nbytes)
    unit = b.sdiv(s1, size)
    ok = b.and_(b.icmp_signed("==", s2, size), b.icmp_signed("==", b.srem(s1, size), I64(0)))
    ok = b.and_(ok, b.icmp_signed(">=", unit, d2))
    return b.and_(ok, fits(fl, unit))


def vector_ok(fl, s: ll.Value, t: T.Scalar) -> ll.Value:
    """NumPy's blas_stride: a positive multiple of the item size."""
    b = fl.b
    size = I64(t.nbytes)
    ok = b.and_(b.icmp_signed(">", s, I64(0)), b.icmp_signed("==", b.srem(s, size), I64(0)))
    return b.and_(ok, fits(fl, b.sdiv(s, size)))


def fits(fl, v: ll.Value) -> ll.Value:
    """v can be passed to this BLAS (an LP64 library takes 32-bit integers)."""
    b = fl.b
    wide = b.icmp_signed("!=", b.load(b.gep(blas.table(fl.ctx), [I32(0), I32(blas.ILP64)])), I32(0))
    return b.or_(wide, b.icmp_signed("<=", v, I64(blas.INT32_MAX)))


def items(fl, s: ll.Value, t: T.Scalar) -> ll.Value:
    return fl.b.sdiv(s, I64(t.nbytes))


def dot(fl, t: T.Scalar, n, x, sx, y, sy, out: ll.Value) -> None:
    """*out = x · y (no conjugation), strides in bytes already checked by `vector_ok`."""
    b = fl.b
    routine = blas.letter(t) + ("dotu_sub" if t.is_complex else "dot")
    ints = [("int", n), ("value", x), ("int", items(fl, sx, t)), ("value", y), ("int", items(fl, sy, t))]
    if t.is_complex:
        blas.call(fl, routine, ints + [("value", b.bitcast(out, I8P))])
    else:
        b.store(blas.call(fl, routine, ints, scalar_type(t)), b.bitcast(out, scalar_type(t).as_pointer()))


def gemv(fl, t: T.Scalar, m, n, a, s_m, s_n, x, sx, y) -> None:
    """y[m] = A x for A m×n with byte strides (s_m, s_n), blasable one way or the other:
    NumPy's call (`@TYPE@_gemv`), column-major with a transpose."""
    b = fl.b
    c_order = blasable2d(fl, s_m, s_n, n, t)
    order = b.select(c_order, I32(COL_MAJOR), I32(blas.ROW_MAJOR))
    lda = b.select(c_order, items(fl, s_m, t), items(fl, s_n, t))
    blas.call(fl, blas.letter(t) + "gemv", [
        ("enum", order), ("enum", I32(blas.TRANS)), ("int", n), ("int", m), blas.scalar_arg(fl, t, 1.0),
        ("value", a), ("int", lda), ("value", x), ("int", items(fl, sx, t)), blas.scalar_arg(fl, t, 0.0),
        ("value", y), ("int", I64(1))])


def layout(fl, t: T.Scalar, s_r, s_c, cols) -> tuple[ll.Value, ll.Value]:
    """(transpose flag, leading dimension) of a blasable matrix with byte strides (s_r, s_c)."""
    b = fl.b
    c_order = blasable2d(fl, s_r, s_c, cols, t)
    return (b.select(c_order, I32(blas.NO_TRANS), I32(blas.TRANS)),
            b.select(c_order, items(fl, s_r, t), items(fl, s_c, t)))


def gemm(fl, t: T.Scalar, m, k, p, a, sa, b_ptr, sb, c) -> None:
    """C[m×p] (C-contiguous) = A B with A, B blasable (`sa`, `sb`: their byte strides): `?syrk` for a
    matrix times its own transpose, else `?gemm` — NumPy's `@TYPE@_matmul_matrixmatrix`."""
    b = fl.b
    ta, lda = layout(fl, t, sa[0], sa[1], k)
    tb, ldb = layout(fl, t, sb[0], sb[1], p)
    one, zero = blas.scalar_arg(fl, t, 1.0), blas.scalar_arg(fl, t, 0.0)
    own_transpose = b.and_(b.icmp_unsigned("==", a, b_ptr), b.icmp_signed("==", m, p))
    own_transpose = b.and_(own_transpose, b.and_(b.icmp_signed("==", sa[0], sb[1]), b.icmp_signed("==", sa[1], sb[0])))
    own_transpose = b.and_(own_transpose, b.icmp_signed("!=", ta, tb))
    with b.if_else(own_transpose) as (symmetric, general):
        with symmetric:
            blas.call(fl, blas.letter(t) + "syrk", [
                ("enum", I32(blas.ROW_MAJOR)), ("enum", I32(UPPER)), ("enum", ta), ("int", p), ("int", k), one,
                ("value", a), ("int", lda), zero, ("value", c), ("int", p)])
            _mirror_upper(fl, t, p, c)
        with general:
            blas.call(fl, blas.letter(t) + "gemm", [
                ("enum", I32(blas.ROW_MAJOR)), ("enum", ta), ("enum", tb), ("int", m), ("int", p), ("int", k), one,
                ("value", a), ("int", lda), ("value", b_ptr), ("int", ldb), zero, ("value", c), ("int", p)])


def _mirror_upper(fl, t: T.Scalar, n, c) -> None:
    """C[j, i] = C[i, j] for j > i (syrk fills one triangle)."""
    b = fl.b
    base = b.bitcast(c, memory_type(t).as_pointer())

    def row(i):
        def col(d):
            j = b.add(b.add(i, I64(1)), d)
            b.store(b.load(b.gep(base, [b.add(b.mul(i, n), j)])), b.gep(base, [b.add(b.mul(j, n), i)]))
        _counted_loop(fl, b.sub(b.sub(n, i), I64(1)), col, "mirror.col")
    _counted_loop(fl, n, row, "mirror.row")


def choose(fl, cases: list[tuple[object, object]], default) -> None:
    """Run the first case whose condition holds (`cases`: (condition, emit); a condition is an i1
    or a Python bool known at compile time), else `default()`."""
    b = fl.b
    for k, (cond, emit) in enumerate(cases):
        if cond is False:
            continue
        if cond is True:
            emit()
            return
        with b.if_else(cond) as (then, otherwise):
            with then:
                emit()
            with otherwise:
                choose(fl, cases[k + 1:], default)
        return
    default()

