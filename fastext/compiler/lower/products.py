"""One matrix product in native code, once the shapes are checked and the operands converted
(`lower/linalg.py`): BLAS where NumPy calls it, NumPy's choice of routine and arguments
(`lower/matmul_blas.py`), the native loops of `lower/gemm.py` everywhere else.

The product of each matrix of a stack is dispatched at run time on its shape and strides:
for f32, f64, c64 and c128 with a BLAS found at import (`lower/blas.py`), a 1×1 result is a
dot product, k = 1 with a row or column result NumPy's plain loop, a row or column result
`?gemv`, anything else `?gemm`/`?syrk` (a matrix operand BLAS cannot read copied first, in the
order NumPy copies it); a vector case BLAS cannot read, integers, booleans, and products
without a BLAS run the native loops, which read any strides in place.  `np.dot` first copies
operands with bad strides, as NumPy's `np.dot` does.
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler import types as T
from fastext.compiler.lower import blas, gemm, matmul_blas
from fastext.compiler.lower.alloc import _copy, allocate
from fastext.compiler.lower.array_methods import strided_loop
from fastext.compiler.lower.arraymap import _counted_loop, store_item
from fastext.compiler.lower.context import I1, I64, I8P, memory_type, scalar_type, value_type
from fastext.compiler.lower.reduce import _zero


# ----------------------------------------------------------------------------- operands

class Operand:
    """One side of a product: its array value (converted to the product's dtype) and the
    shape and byte strides of its stack axes and its core (1 axis for a vector, 2 for a matrix)."""

    def __init__(self, fl, value: ll.Value, atype: T.Array, matrix_axes: int):
        self.fl, self.value, self.type = fl, value, atype
        b = fl.b
        self.shape = [b.extract_value(value, [1, k]) for k in range(atype.ndim)]
        self.strides = [b.extract_value(value, [2, k]) for k in range(atype.ndim)]
        self.core = matrix_axes
        self.batch = atype.ndim - matrix_axes

    @property
    def data(self) -> ll.Value:
        return self.fl.b.extract_value(self.value, 0)

    def replaced(self, value: ll.Value) -> "Operand":
        return Operand(self.fl, value, self.type, self.core)


def convert(fl, value: ll.Value, atype: T.Array, t: T.Scalar) -> tuple[ll.Value, T.Array]:
    """The operand in dtype `t` (a contiguous converted copy when its dtype differs)."""
    if atype.dtype == t:
        return value, atype
    new_t = T.Array(t, atype.ndim)
    shape = [fl.b.extract_value(value, [1, k]) for k in range(atype.ndim)]
    new = allocate(fl, new_t, shape)
    _copy(fl, shape, [(new, new_t), (value, atype)])
    return new, new_t


def _contiguous_copy(fl, op: Operand) -> ll.Value:
    new = allocate(fl, op.type, op.shape)
    _copy(fl, op.shape, [(new, op.type), (op.value, op.type)])
    return new


def _batch_strides(fl, op: Operand, shape: list[ll.Value]) -> list[ll.Value]:
    """op's byte strides along the broadcast stack shape (0 where it repeats)."""
    b = fl.b
    lead = len(shape) - op.batch
    out = [I64(0)] * lead
    for k in range(op.batch):
        out.append(b.select(b.icmp_signed("==", op.shape[k], I64(1)), I64(0), op.strides[k]))
    return out


# ----------------------------------------------------------------------------- dispatch

def vector_dot(fl, t: T.Scalar, k: ll.Value, a: Operand, b_: Operand) -> ll.Value:
    """1-D . 1-D: BLAS's dot where NumPy calls it (positive strides), else the loop."""
    b = fl.b
    result = fl.entry_alloca(scalar_type(t))
    b.store(_zero(t), result)
    x, sx, y, sy = a.data, a.strides[0], b_.data, b_.strides[0]
    native = lambda: b.store(b.call(gemm.dot_kernel(fl.ctx, t), [k, x, sx, y, sy]), result)  # noqa: E731
    if not blas.has_routines(t):
        native()
        return b.load(result)
    routine = blas.letter(t) + ("dotu_sub" if t.is_complex else "dot")
    ok = b.and_(blas.usable(fl, routine, [k]), b.and_(_aligned(fl, a), _aligned(fl, b_)))
    ok = b.and_(ok, b.and_(matmul_blas.vector_ok(fl, sx, t), matmul_blas.vector_ok(fl, sy, t)))
    with b.if_else(ok) as (with_blas, without):
        with with_blas:
            matmul_blas.dot(fl, t, k, x, sx, y, sy, b.bitcast(result, I8P))
        with without:
            native()
    return b.load(result)


def dot_operand(fl, op: Operand) -> Operand:
    """np.dot first copies an operand with "bad strides" (negative, not a multiple of the item
    size, 0 along an axis longer than 1, or an unaligned buffer) into C order (NumPy's
    cblas_matrixproduct), then calls BLAS on the copy: so does the compiled np.dot when it has
    a BLAS (without one the native loops read any strides)."""
    b = fl.b
    t = op.type.dtype
    size = I64(t.nbytes)
    bad = b.icmp_unsigned("!=", b.urem(b.ptrtoint(op.data, I64), size), I64(0))
    for d, st in zip(op.shape, op.strides):
        wrong = b.or_(b.icmp_signed("<", st, I64(0)), b.icmp_signed("!=", b.srem(st, size), I64(0)))
        wrong = b.or_(wrong, b.and_(b.icmp_signed("==", st, I64(0)), b.icmp_signed(">", d, I64(1))))
        bad = b.or_(bad, wrong)
    found = blas.usable(fl, blas.letter(t) + "gemm", [])
    slot = fl.entry_alloca(value_type(op.type))
    b.store(op.value, slot)
    with b.if_then(b.and_(found, bad), likely=False):
        b.store(_contiguous_copy(fl, op), slot)
    return op.replaced(b.load(slot))


class _Core:
    """The core of one product as NumPy's matmul loop sees it: m×k @ k×p with the byte strides of
    each core axis (a 1-D left operand is a 1×k row, a 1-D right operand a k×1 column)."""

    def __init__(self, a: Operand, b_: Operand, k: ll.Value):
        self.k = k
        self.m, self.sa_m = (a.shape[-2], a.strides[-2]) if a.core == 2 else (I64(1), I64(0))
        self.sa_k = a.strides[-1]
        self.sb_k = b_.strides[-2] if b_.core == 2 else b_.strides[-1]
        self.p, self.sb_p = (b_.shape[-1], b_.strides[-1]) if b_.core == 2 else (I64(1), I64(0))


def products(fl, kind: str, t: T.Scalar, k: ll.Value, a: Operand, b_: Operand, c: Operand,
              batch: list[ll.Value]) -> None:
    """Every product of the stack into `c` (k > 0, nothing empty): NumPy's choice of routine
    (`lower/matmul_blas.py`) for BLAS's dtypes, the native loops for the others."""
    b = fl.b
    g = _Core(a, b_, k)
    if not blas.has_routines(t):
        _each(fl, batch, a, b_, c, lambda pa, pb, pc: _native(fl, t, g, pa, pb, pc))
        return
    mb = matmul_blas
    found = b.and_(blas.usable(fl, blas.letter(t) + "gemm", [g.m, k, g.p]), b.and_(_aligned(fl, a), _aligned(fl, b_)))
    row = True if a.core == 1 else b.icmp_signed("==", g.m, I64(1))
    col = True if b_.core == 1 else b.icmp_signed("==", g.p, I64(1))

    def both(x, y):
        return y if x is True else x if y is True else b.and_(x, y)

    def per_item(use_blas, with_blas):
        """with_blas(pa, pb, pc) where `use_blas` holds, else the native loops."""
        def item(pa, pb, pc):
            with b.if_else(use_blas) as (yes, no):
                with yes:
                    with_blas(pa, pb, pc)
                with no:
                    _native(fl, t, g, pa, pb, pc)
        return lambda: _each(fl, batch, a, b_, c, item)

    a_matrix = b.or_(mb.blasable2d(fl, g.sa_m, g.sa_k, k, t), mb.blasable2d(fl, g.sa_k, g.sa_m, g.m, t))
    b_matrix = b.or_(mb.blasable2d(fl, g.sb_k, g.sb_p, g.p, t), mb.blasable2d(fl, g.sb_p, g.sb_k, k, t))
    a_vector, b_vector = mb.vector_ok(fl, g.sa_k, t), mb.vector_ok(fl, g.sb_k, t)
    dot = per_item(b.and_(found, b.and_(a_vector, b_vector)),
                   lambda pa, pb, pc: mb.dot(fl, t, k, pa, g.sa_k, pb, g.sb_k, pc))
    vector_matrix = per_item(b.and_(found, b.and_(b_matrix, a_vector)),
                             lambda pa, pb, pc: mb.gemv(fl, t, g.p, k, pb, g.sb_p, g.sb_k, pa, g.sa_k, pc))
    matrix_vector = per_item(b.and_(found, b.and_(a_matrix, b_vector)),
                             lambda pa, pb, pc: mb.gemv(fl, t, g.m, k, pa, g.sa_m, g.sa_k, pb, g.sb_k, pc))
    native = lambda: _each(fl, batch, a, b_, c, lambda pa, pb, pc: _native(fl, t, g, pa, pb, pc))  # noqa: E731
    mb.choose(fl, [
        (both(row, col), dot),                                                     # row @ column
        (b.icmp_signed("==", k, I64(1)), native),                                   # one product per item
        (row, vector_matrix),
        (col, matrix_vector),
    ], lambda: _matrices(fl, kind, t, g, a, b_, c, batch, found))


def _matrices(fl, kind: str, t: T.Scalar, g: _Core, a: Operand, b_: Operand, c: Operand, batch,
              found: ll.Value) -> None:
    """m, k, p > 1: gemm (or syrk), operands BLAS cannot read copied first (np.dot copies into C
    order, matmul after the larger stride: each as NumPy does)."""
    b = fl.b
    with b.if_else(found) as (with_blas, without):
        with with_blas:
            a2 = _blas_matrix(fl, t, a, g.k, fortran_ok=kind == "matmul")
            b2 = _blas_matrix(fl, t, b_, g.p, fortran_ok=kind == "matmul")
            sa, sb = (a2.strides[-2], a2.strides[-1]), (b2.strides[-2], b2.strides[-1])
            _each(fl, batch, a2, b2, c, lambda pa, pb, pc: matmul_blas.gemm(fl, t, g.m, g.k, g.p, pa, sa, pb, sb, pc))
        with without:
            _each(fl, batch, a, b_, c, lambda pa, pb, pc: _native(fl, t, g, pa, pb, pc))


def _each(fl, batch: list[ll.Value], a: Operand, b_: Operand, c: Operand, body) -> None:
    """body(a_data, b_data, c_data) for each matrix of the stack (once without stack axes)."""
    b = fl.b
    if not batch:
        body(a.data, b_.data, c.data)
        return
    strides = [_batch_strides(fl, a, batch), _batch_strides(fl, b_, batch), c.strides[:len(batch)]]
    bases = [a.data, b_.data, c.data]
    strided_loop(fl, batch, strides, lambda offsets: body(*(b.gep(p, [o]) for p, o in zip(bases, offsets))), "stack")


def _native(fl, t: T.Scalar, g: _Core, pa, pb, pc) -> None:
    """The loops of NumPy's matmul without BLAS: every C[i, j] summed in k order from 0."""
    b = fl.b
    if isinstance(g.p, ll.Constant) and g.p.constant == 1:
        _rows_dot(fl, t, g, pa, pb, pc)
        return
    with b.if_else(b.icmp_signed("==", g.p, I64(1))) as (column, general):
        with column:       # matrix . vector: one dot per row (the gemm loop would not vectorise)
            _rows_dot(fl, t, g, pa, pb, pc)
        with general:
            b.call(gemm.gemm_kernel(fl.ctx, t), [g.m, g.p, g.k, pa, g.sa_m, g.sa_k, pb, g.sb_k, g.sb_p, pc])


def _rows_dot(fl, t: T.Scalar, g: _Core, pa, pb, pc) -> None:
    b = fl.b
    dot = gemm.dot_kernel(fl.ctx, t)
    out = b.bitcast(pc, memory_type(t).as_pointer())

    def row(i):
        store_item(fl, b.gep(out, [i]), b.call(dot, [g.k, b.gep(pa, [b.mul(i, g.sa_m)]), g.sa_k, pb, g.sb_k]), t)
    _counted_loop(fl, g.m, row, "rows")


# ----------------------------------------------------------------------------- BLAS operands

def _part_bytes(t: T.Scalar) -> int:
    return T.complex_part(t).nbytes if t.is_complex else t.nbytes


def _aligned(fl, op: Operand) -> ll.Value:
    """Every item of the operand lies at a multiple of its alignment (what BLAS assumes; NumPy
    buffers unaligned data first)."""
    b = fl.b
    t = op.type.dtype
    ok = b.icmp_unsigned("==", b.urem(b.ptrtoint(op.data, I64), I64(_part_bytes(t))), I64(0))
    for d, s in zip(op.shape, op.strides):
        ok = b.and_(ok, b.or_(b.icmp_signed("<=", d, I64(1)), b.icmp_signed("==", b.srem(s, I64(_part_bytes(t))), I64(0))))
    return ok


def _blas_matrix(fl, t: T.Scalar, op: Operand, cols: ll.Value, fortran_ok: bool) -> Operand:
    """The operand as gemm can read it: itself when NumPy's is_blasable2d holds one way or the
    other, else a copy — with `fortran_ok` (matmul's rule) in Fortran order when its rows are
    closer than its columns, in C order otherwise."""
    b = fl.b
    mb = matmul_blas
    rows = op.shape[-2]
    sr, sc = op.strides[-2], op.strides[-1]
    ok = b.or_(mb.blasable2d(fl, sr, sc, cols, t), mb.blasable2d(fl, sc, sr, rows, t))
    ok = b.and_(ok, _aligned(fl, op))
    slot = fl.entry_alloca(value_type(op.type))
    b.store(op.value, slot)
    with b.if_then(b.not_(ok), likely=False):
        absolute = lambda v: b.select(b.icmp_signed("<", v, I64(0)), b.neg(v), v)  # noqa: E731
        closer_rows = b.icmp_signed("<", absolute(sr), absolute(sc)) if fortran_ok else I1(0)
        with b.if_else(closer_rows) as (fortran, c_order):
            with fortran:
                b.store(_swap_last(fl, _contiguous_copy(fl, op.replaced(_swap_last(fl, op.value, op.type))), op.type),
                        slot)
            with c_order:
                b.store(_contiguous_copy(fl, op), slot)
    return op.replaced(b.load(slot))


def _swap_last(fl, value: ll.Value, atype: T.Array) -> ll.Value:
    """The view with its last two axes swapped (a transpose of each matrix of a stack)."""
    b = fl.b
    nd = atype.ndim
    out = value
    for field in (1, 2):
        x, y = b.extract_value(value, [field, nd - 2]), b.extract_value(value, [field, nd - 1])
        out = b.insert_value(b.insert_value(out, y, [field, nd - 2]), x, [field, nd - 1])
    return out
