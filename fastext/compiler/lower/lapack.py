"""`np.linalg.solve`, `inv`, `det`, `slogdet` and `cholesky` of one square matrix in native code (`ops/linalg.py`).

NumPy's way (`linalg/_linalg.py`, `umath_linalg.cpp`), step for step: the matrix is copied,
converted to float64 (complex128 if complex: NumPy computes in double precision whatever the
operands, and casts the result to float32/complex64 only when every operand was single), into a
Fortran-order work array (the operand itself is never written), LAPACK factors the copy in
place, and the result is copied out in C order:

* solve: `?gesv` of a and of b's copy (a vector is one column);
* inv: `?gesv` with the identity as the right-hand side (NumPy does not call `?getri`);
* det, slogdet: `?getrf`, then the sign from the row swaps and the diagonal and
  log|det| = sum of log|u_ii|; det = sign * exp(log|det|), as NumPy computes it.  A singular
  matrix (LAPACK's info > 0) has sign 0 and log|det| -inf, and solve and inv raise NumPy's
  `LinAlgError("Singular matrix")` (`builtins.NUMPY_EXCEPTIONS`);
* cholesky: `?potrf` with uplo 'L' (NumPy's call: no hidden Fortran string length), the strict
  upper triangle zeroed; info > 0 raises `LinAlgError("Matrix is not positive definite")`;
* qr: `?geqrf` of the copy, then `?orgqr` (`?ungqr`) of its first mc columns with the same tau,
  each with the work size LAPACK asks for (a query first, as NumPy's `init_geqrf`/`init_gqr`: the
  same blocking, so the same bits); r the upper triangle of the factored copy's first mc rows;
* eigh, eigvalsh: `?syevd` (`?heevd`) with jobz 'V' or 'N' and the work sizes a query returns
  (NumPy's `init_evd`); info > 0 raises `LinAlgError("Eigenvalues did not converge")`;
* eig, eigvals: `dgeev` (real matrices) after NumPy's check for infs and NaNs, jobvr 'V' or 'N',
  the work size from a query; NumPy's complex eigenvalues and eigenvectors built from wr, wi and
  vr; no native code (LinAlgError without LAPACK);
* svd: `?gesdd` with jobz 'A' (full_matrices), 'S' or 'N' (compute_uv=False), lwork from a query;
  info > 0 raises `LinAlgError("SVD did not converge")`; an empty matrix gives identities;
* lstsq: `?gelsd` on copies of a and b (b in a max(m, n)-row work array), the work sizes from a
  query; the residuals |b_i|^2 summed over the rows n..m of the result (when rank == n < m).

LAPACK is the library the module's BLAS table was filled from at import (`lower/blas.py`,
`abi/blas.py`): NumPy's own, so these are NumPy's calls and give NumPy's bits.  Without it
(`FASTEXT_BLAS=0`, a BLAS without LAPACK symbols, a dimension an LP64 library cannot take) the
same steps run on `fx$getrf.<t>`, `fx$getrs.<t>`, `fx$potrf.<t>`, `fx$geqrf.<t>` and
`fx$orgqr.<t>` below: LAPACK's unblocked partial-pivoting LU (`?getf2`: the same pivots),
substitution (`?getrs`), Cholesky (`?potf2`) and Householder QR (`?geqr2`, `?org2r`/`?ung2r`:
the same reflectors), equal to LAPACK's results up to rounding; `fx$syevj.<t>`, cyclic Jacobi
rotations for eigh (eigenvalues within rounding of LAPACK's, ascending; each eigenvector the same
up to its sign or phase, which no method fixes); and `fx$gesvj.<t>`, one-sided Jacobi rotations
for svd (singular values within rounding; singular vectors up to sign or phase, completed to a
full basis by the QR kernels), which also gives lstsq its minimum-norm solution without LAPACK.

Each operation is one internal function per operand types (`lower/linalg.py: outlined_call`).  The
work arrays are one `malloc`'d block, freed before any error is raised: a call in a loop takes
no arena memory but its result's.
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler import ir, ops
from fastext.compiler import types as T
from fastext.compiler.lower import blas
from fastext.compiler.lower.alloc import _contiguous_view, _copy, allocate, temporary
from fastext.compiler.lower.arith import _fabs, cast, complex_prod, complex_quot, libm_call, make_complex
from fastext.compiler.lower.arraymap import _counted_loop
from fastext.compiler.lower.context import F64, I1, I32, I64, I8P, memory_type, scalar_type, value_type
from fastext.compiler.lower.gemm import _Body, zero_fill
from fastext.compiler.lower.linalg import outlined_call, tag
from fastext.compiler.lower.reduce import _mul, _one, _zero

SINGULAR = "Singular matrix"
NOT_DEFINITE = "Matrix is not positive definite"
SQUARE = "Last 2 dimensions of the array must be square"
MISMATCH = {1: "solve1: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature "
               "(m,m),(m)->(m) (size %lld is different from %lld)",
            2: "solve: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature "
               "(m,m),(m,n)->(m,n) (size %lld is different from %lld)"}


def lower_lapack(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """A call of the module's function for this operation and these operand types."""
    kind = ops.get(e.name).data["kind"]
    types = [a.type for a in e.args]
    if kind == "lstsq":
        return outlined_call(fl, "fx$linalg.lstsq." + ".".join(tag(t) for t in types), types, e.type, args,
                             lambda h, *params: _lstsq(h, list(zip(params, types)), e.type))
    if kind == "svd":
        job = e.attrs.get("job", "A")
        return outlined_call(fl, f"fx$linalg.svd.{job}." + ".".join(tag(t) for t in types), types, e.type, args,
                             lambda h, *params: _svd(h, list(zip(params, types)), e.type, job))
    if kind in ("eigh", "eigvalsh"):
        uplo = e.attrs.get("uplo", "L")
        return outlined_call(fl, f"fx$linalg.{kind}.{uplo}." + ".".join(tag(t) for t in types), types, e.type, args,
                             lambda h, *params: _eigh(h, list(zip(params, types)), e.type, uplo, kind == "eigh"))
    if kind in ("eig", "eigvals"):
        return outlined_call(fl, f"fx$linalg.{kind}." + ".".join(tag(t) for t in types), types, e.type, args,
                             lambda h, *params: _eig(h, list(zip(params, types)), e.type, kind == "eig"))
    if kind == "qr":
        mode = e.attrs.get("mode", "reduced")
        return outlined_call(fl, f"fx$linalg.qr.{mode}." + ".".join(tag(t) for t in types), types, e.type, args,
                             lambda h, *params: _qr(h, list(zip(params, types)), e.type, mode))
    emit = {"solve": _solve, "inv": _solve, "det": _det, "slogdet": _slogdet, "cholesky": _cholesky}[kind]
    return outlined_call(fl, f"fx$linalg.{kind}." + ".".join(tag(t) for t in types), types, e.type, args,
                         lambda h, *params: emit(h, list(zip(params, types)), e.type))


def _real(t: T.Scalar) -> T.Scalar:
    return T.complex_part(t) if t.is_complex else t


def _double(t: T.Scalar) -> T.Scalar:
    """The dtype NumPy's linalg computes in for a result of dtype t."""
    return T.C128 if t.is_complex else T.F64


# ----------------------------------------------------------------------------- the operations

def _solve(h, operands, rt: T.Array) -> ll.Value:
    """solve(a, b), or inv(a) (no b: the identity)."""
    b = h.b
    t = _double(rt.dtype)
    (av, at), rhs = operands[0], operands[1:]
    n = _square(h, av)
    if rhs:
        (bv, bt), = rhs
        shape = [b.extract_value(bv, [1, k]) for k in range(bt.ndim)]
        h.fail_if(b.icmp_signed("!=", shape[0], n), "ValueError", MISMATCH[bt.ndim], (shape[0], n))
    else:
        shape = [n, n]
    out = allocate(h, rt, shape)
    nrhs = shape[1] if rt.ndim == 2 else I64(1)
    info = h.entry_alloca(I64)
    b.store(I64(0), info)
    with b.if_then(b.icmp_signed(">", n, I64(0))):
        block, ipiv, a, x = _work(h, t, n, nrhs)
        _to_fortran(h, a, t, av, at)
        if rhs:
            _to_fortran(h, x, t, bv, bt)
        else:
            zero_fill(h, x, b.mul(b.mul(n, n), I64(t.nbytes)))
            diagonal = b.bitcast(x, memory_type(t).as_pointer())
            _counted_loop(h, n, lambda i: b.store(_one(t), b.gep(diagonal, [b.mul(i, b.add(n, I64(1)))])), "eye")
        b.store(_gesv(h, t, n, nrhs, ipiv, a, x), info)
        with b.if_then(b.icmp_signed("==", b.load(info), I64(0))):
            work_t = T.Array(t, rt.ndim)
            _copy(h, shape, [(out, rt), (_fortran_view(h, work_t, x, shape), work_t)])
        _free(h, block)
    h.fail_if(b.icmp_signed(">", b.load(info), I64(0)), "LinAlgError", SINGULAR)
    return out


def _cholesky(h, operands, rt: T.Array) -> ll.Value:
    """L with a = L L^H: ?potrf ('L') of the Fortran-order copy, its strict upper triangle zeroed,
    copied out in C order (NumPy's cholesky_lo)."""
    b = h.b
    t = _double(rt.dtype)
    (av, at), = operands
    n = _square(h, av)
    out = allocate(h, rt, [n, n])
    info = h.entry_alloca(I64)
    b.store(I64(0), info)
    with b.if_then(b.icmp_signed(">", n, I64(0))):
        block, _, a, _ = _work(h, t, n, I64(0))
        _to_fortran(h, a, t, av, at)
        b.store(_potrf(h, t, n, a), info)
        with b.if_then(b.icmp_signed("==", b.load(info), I64(0))):
            items = b.bitcast(a, memory_type(t).as_pointer())

            def column(j):           # a[i, j] for i < j: column j's first j items (Fortran order)
                _counted_loop(h, j, lambda i: b.store(_zero(t), b.gep(items, [b.add(i, b.mul(j, n))])), "triu")
            _counted_loop(h, n, column, "cholesky.zero")
            work_t = T.Array(t, 2)
            _copy(h, [n, n], [(out, rt), (_fortran_view(h, work_t, a, [n, n]), work_t)])
        _free(h, block)
    h.fail_if(b.icmp_signed(">", b.load(info), I64(0)), "LinAlgError", NOT_DEFINITE)
    return out


def _qr(h, operands, rt, mode: str) -> ll.Value:
    """NumPy's qr: (q, r), or r alone (mode 'r'); mc = m for 'complete' with m > n, else min(m, n)."""
    b = h.b
    rtype = rt if mode == "r" else rt.items[1]
    t = _double(rtype.dtype)
    (av, at), = operands
    m, n = b.extract_value(av, [1, 0]), b.extract_value(av, [1, 1])
    mn = b.select(b.icmp_signed("<", m, n), m, n)
    mc = b.select(b.icmp_signed(">", m, n), m, mn) if mode == "complete" else mn
    size = I64(t.nbytes)
    # one block: a (m×n), tau (mn), q (m×mc), Fortran order
    nbytes = b.mul(b.add(b.add(b.mul(m, n), mn), b.mul(m, mc)), size)
    _, block = temporary(h, T.Array(T.U8, 1), [b.add(nbytes, I64(16))])
    a = block
    tau = b.gep(a, [b.mul(b.mul(m, n), size)])
    q = b.gep(tau, [b.mul(mn, size)])
    items = b.bitcast(a, memory_type(t).as_pointer())
    with b.if_then(b.icmp_signed(">", b.mul(m, n), I64(0))):
        _to_fortran(h, a, t, av, at)
        with b.if_then(b.icmp_signed(">", mn, I64(0))):
            _geqrf(h, t, m, n, a, tau)
    r = allocate(h, rtype, [mc, n])
    rp = b.bitcast(b.extract_value(r, 0), memory_type(rtype.dtype).as_pointer())

    def row(i):                  # r[i, j] = a[i, j] for j >= i, else 0 (a C-contiguous result)
        def item(j):
            v = b.load(b.gep(items, [b.add(i, b.mul(j, m))]))
            v = b.select(b.icmp_signed(">=", j, i), v, _zero(t))
            b.store(cast(h, v, t, rtype.dtype), b.gep(rp, [b.add(b.mul(i, n), j)]))
        _counted_loop(h, n, item, "qr.r")
    _counted_loop(h, mc, row, "qr.rows")
    if mode == "r":
        _free(h, block)
        return r
    qtype = rt.items[0]
    qt = T.Array(t, 2)
    with b.if_then(b.icmp_signed(">", b.mul(m, mc), I64(0))):
        # q's first min(n, mc) columns are a's (the reflectors below the diagonal), the rest zeros
        zero_fill(h, q, b.mul(b.mul(m, mc), size))
        cols = b.select(b.icmp_signed("<", n, mc), n, mc)
        b.call(_memcpy(h), [q, a, b.mul(b.mul(m, cols), size), I1(0)])
        _orgqr(h, t, m, mc, mn, q, tau)
    out = allocate(h, qtype, [m, mc])
    _copy(h, [m, mc], [(out, qtype), (_fortran_view(h, qt, q, [m, mc]), qt)])
    _free(h, block)
    value = ll.Constant(value_type(rt), ll.Undefined)
    return b.insert_value(b.insert_value(value, out, 0), r, 1)


def _memcpy(h):
    return h.ctx.intrinsic("llvm.memcpy.p0i8.p0i8.i64", ll.VoidType(), [I8P, I8P, I64, ll.IntType(1)])


def _eigh(h, operands, rt, uplo: str, vectors: bool) -> ll.Value:
    """NumPy's eigh/eigvalsh: (w ascending, v with the eigenvectors as columns), or w."""
    b = h.b
    wtype = rt.items[0] if vectors else rt
    (av, at), = operands
    t = T.C128 if at.dtype.is_complex else T.F64       # NumPy computes in double precision
    rt_real = _real(t)
    n = _square(h, av)
    w = allocate(h, wtype, [n])
    v = allocate(h, rt.items[1], [n, n]) if vectors else None
    info = h.entry_alloca(I64)
    b.store(I64(0), info)
    with b.if_then(b.icmp_signed(">", n, I64(0))):
        size = I64(t.nbytes)
        # one block: a (n×n, Fortran order), w (n doubles), the native code's rotations (n×n)
        nbytes = b.add(b.mul(b.mul(b.mul(n, n), size), I64(2)), b.mul(n, I64(8)))
        _, block = temporary(h, T.Array(T.U8, 1), [nbytes])
        a = block
        ws = b.gep(a, [b.mul(b.mul(n, n), size)])
        scratch = b.gep(ws, [b.mul(n, I64(8))])
        _to_fortran(h, a, t, av, at)
        b.store(_syevd(h, t, n, a, ws, scratch, uplo, vectors), info)
        with b.if_then(b.icmp_signed("==", b.load(info), I64(0))):
            wd = b.bitcast(ws, F64.as_pointer())
            wp = b.bitcast(b.extract_value(w, 0), memory_type(wtype.dtype).as_pointer())
            _counted_loop(h, n, lambda i: b.store(cast(h, b.load(b.gep(wd, [i])), rt_real, wtype.dtype),
                                                  b.gep(wp, [i])), "eigh.w")
            if vectors:
                work_t = T.Array(t, 2)
                _copy(h, [n, n], [(v, rt.items[1]), (_fortran_view(h, work_t, a, [n, n]), work_t)])
        _free(h, block)
    h.fail_if(b.icmp_signed(">", b.load(info), I64(0)), "LinAlgError", "Eigenvalues did not converge")
    if not vectors:
        return w
    value = ll.Constant(value_type(rt), ll.Undefined)
    return b.insert_value(b.insert_value(value, w, 0), v, 1)


def _svd(h, operands, rt, job: str) -> ll.Value:
    """NumPy's svd: (u, s, vh) with jobz 'A' (u m×m, vh n×n) or 'S' (u m×k, vh k×n), or s alone ('N');
    k = min(m, n), s descending."""
    b = h.b
    (av, at), = operands
    t = T.C128 if at.dtype.is_complex else T.F64       # NumPy computes in double precision
    stype = rt if job == "N" else rt.items[1]
    m, n = b.extract_value(av, [1, 0]), b.extract_value(av, [1, 1])
    k = b.select(b.icmp_signed("<", m, n), m, n)
    ucols = m if job == "A" else k
    vrows = n if job == "A" else k
    sv = allocate(h, stype, [k])
    u = vh = None
    if job != "N":
        u = allocate(h, rt.items[0], [m, ucols])
        vh = allocate(h, rt.items[2], [vrows, n])
    info = h.entry_alloca(I64)
    b.store(I64(0), info)
    size = I64(t.nbytes)
    big = b.select(b.icmp_signed(">", m, n), m, n)
    with b.if_else(b.icmp_signed(">", k, I64(0))) as (work, empty):
        with work:
            # one block: a (m×n), u and vt (big×big each), s (k doubles), the native code's scratch
            # (three big×big matrices and big items)
            square = b.mul(big, big)
            nbytes = b.add(b.mul(b.add(b.mul(m, n), b.mul(I64(5), square)), size),
                           b.mul(b.add(k, big), I64(16)))
            _, block = temporary(h, T.Array(T.U8, 1), [nbytes])
            a = block
            up = b.gep(a, [b.mul(b.mul(m, n), size)])
            vt = b.gep(up, [b.mul(square, size)])
            ws = b.gep(vt, [b.mul(square, size)])
            scratch = b.gep(ws, [b.mul(k, I64(16))])
            _to_fortran(h, a, t, av, at)
            b.store(_gesdd(h, t, job, m, n, k, a, ws, up, vt, scratch), info)
            with b.if_then(b.icmp_signed("==", b.load(info), I64(0))):
                wd = b.bitcast(ws, F64.as_pointer())
                sp = b.bitcast(b.extract_value(sv, 0), memory_type(stype.dtype).as_pointer())
                _counted_loop(h, k, lambda i: b.store(cast(h, b.load(b.gep(wd, [i])), T.F64, stype.dtype),
                                                      b.gep(sp, [i])), "svd.s")
                if job != "N":
                    work_t = T.Array(t, 2)
                    _copy(h, [m, ucols], [(u, rt.items[0]), (_fortran_view(h, work_t, up, [m, ucols]), work_t)])
                    _copy(h, [vrows, n], [(vh, rt.items[2]), (_fortran_view(h, work_t, vt, [vrows, n]), work_t)])
            _free(h, block)
        with empty:                  # no items: identities where the full matrices have a size
            if job != "N":
                for out, rows, cols, ot in ((u, m, ucols, rt.items[0]), (vh, vrows, n, rt.items[2])):
                    data = b.bitcast(b.extract_value(out, 0), memory_type(ot.dtype).as_pointer())

                    def row(i, data=data, cols=cols, ot=ot):
                        _counted_loop(h, cols, lambda j: b.store(
                            b.select(b.icmp_signed("==", i, j), _one(ot.dtype), _zero(ot.dtype)),
                            b.gep(data, [b.add(b.mul(i, cols), j)])), "svd.eye.cols")
                    _counted_loop(h, rows, row, "svd.eye")
    h.fail_if(b.icmp_signed(">", b.load(info), I64(0)), "LinAlgError", "SVD did not converge")
    if job == "N":
        return sv
    value = ll.Constant(value_type(rt), ll.Undefined)
    return b.insert_value(b.insert_value(b.insert_value(value, u, 0), sv, 1), vh, 2)


def _strided(h, atype: T.Array, data: ll.Value, shape: list, strides: list) -> ll.Value:
    b = h.b
    view = b.insert_value(ll.Constant(value_type(atype), ll.Undefined), data, 0)
    for k, (d, st) in enumerate(zip(shape, strides)):
        view = b.insert_value(b.insert_value(view, d, [1, k]), st, [2, k])
    return view


def _lstsq(h, operands, rt: T.Tuple) -> ll.Value:
    """NumPy's lstsq: (x, residuals, rank, s) of min |b - a x| (the minimum-norm x)."""
    b = h.b
    (av, at), (bv, bt) = operands[0], operands[1]
    t = T.C128 if at.dtype.is_complex or bt.dtype.is_complex else T.F64
    xt, rest, st = rt.items[0], rt.items[1], rt.items[3]
    m, n = b.extract_value(av, [1, 0]), b.extract_value(av, [1, 1])
    rows = b.extract_value(bv, [1, 0])
    h.fail_if(b.icmp_signed("!=", rows, m), "LinAlgError", "Incompatible dimensions")
    nrhs = b.extract_value(bv, [1, 1]) if bt.ndim == 2 else I64(1)
    if len(operands) > 2:
        rcond = cast(h, operands[2][0], operands[2][1], T.F64)
    else:                            # NumPy's default: eps of the computing type times max(m, n)
        big0 = b.select(b.icmp_signed(">", m, n), m, n)
        rcond = b.fmul(F64(2.220446049250313e-16), b.sitofp(big0, F64))
    k = b.select(b.icmp_signed("<", m, n), m, n)
    big = b.select(b.icmp_signed(">", m, n), m, n)
    ldb = b.select(b.icmp_signed(">", big, I64(1)), big, I64(1))
    nr = b.select(b.icmp_signed(">", nrhs, I64(1)), nrhs, I64(1))        # (LAPACK needs a column)
    size = I64(t.nbytes)
    square = b.mul(big, big)
    # one block: a (m×n), b (ldb×nr), s and the residuals (doubles), x (n×nr), and the native
    # code's u, vt and scratch (five big×big matrices and big items)
    items = b.add(b.add(b.mul(m, n), b.mul(b.mul(ldb, nr), I64(2))), b.mul(square, I64(5)))
    nbytes = b.add(b.mul(items, size), b.mul(b.add(b.add(k, nr), big), I64(16)))
    _, block = temporary(h, T.Array(T.U8, 1), [b.add(nbytes, I64(16))])
    a = block
    bb = b.gep(a, [b.mul(b.mul(m, n), size)])
    xs = b.gep(bb, [b.mul(b.mul(ldb, nr), size)])
    sv = b.gep(xs, [b.mul(b.mul(ldb, nr), size)])
    res = b.gep(sv, [b.mul(k, I64(8))])
    scratch = b.gep(res, [b.mul(nr, I64(8))])
    zero_fill(h, bb, b.mul(b.mul(ldb, nr), size))
    with b.if_then(b.icmp_signed(">", b.mul(m, n), I64(0))):
        _to_fortran(h, a, t, av, at)
    with b.if_then(b.icmp_signed(">", b.mul(m, nrhs), I64(0))):     # b's columns, ldb apart
        work_t = T.Array(t, bt.ndim)
        if bt.ndim == 1:
            dest = _strided(h, work_t, bb, [m], [size])
            _copy(h, [m], [(dest, work_t), (bv, bt)])
        else:
            dest = _strided(h, work_t, bb, [m, nrhs], [size, b.mul(ldb, size)])
            _copy(h, [m, nrhs], [(dest, work_t), (bv, bt)])
    info, rank = h.entry_alloca(I64), h.entry_alloca(I64)
    b.store(I64(0), info)
    b.store(I64(0), rank)
    with b.if_then(b.icmp_signed(">", k, I64(0))):
        _gelsd(h, t, m, n, nr, a, bb, ldb, sv, rcond, rank, info, xs, scratch)
    failed = b.icmp_signed(">", b.load(info), I64(0))
    with b.if_then(failed, likely=False):
        _free(h, block)
    h.fail_if(failed, "LinAlgError", "SVD did not converge in Linear Least Squares")
    # x: the first n rows of b's work array (m == 0: zeros, as NumPy sets them)
    x = allocate(h, xt, [n, nrhs] if xt.ndim == 2 else [n])
    with b.if_then(b.icmp_signed("==", m, I64(0))):
        zero_fill(h, bb, b.mul(b.mul(ldb, nr), size))
    src_t = T.Array(t, xt.ndim)
    src = _strided(h, src_t, bb, [n, nrhs] if xt.ndim == 2 else [n],
                   [size, b.mul(ldb, size)] if xt.ndim == 2 else [size])
    _copy(h, [n, nrhs] if xt.ndim == 2 else [n], [(x, xt), (src, src_t)])
    # residuals: sum over rows n..m of |b_i|^2 per column, when rank == n < m; else none
    full = b.and_(b.icmp_signed("==", b.load(rank), n), b.icmp_signed(">", m, n))
    count = b.select(full, nrhs, I64(0))
    resid = allocate(h, rest, [count])
    rp = b.bitcast(b.extract_value(resid, 0), memory_type(rest.dtype).as_pointer())
    items_p = b.bitcast(bb, memory_type(t).as_pointer())
    acc = h.entry_alloca(F64)

    def column(c):
        b.store(F64(0.0), acc)

        def row(d):
            v = b.load(b.gep(items_p, [b.add(b.add(n, d), b.mul(c, ldb))]))
            if t.is_complex:
                re, im = b.extract_value(v, 0), b.extract_value(v, 1)
                b.store(b.fadd(b.load(acc), b.fadd(b.fmul(re, re), b.fmul(im, im))), acc)
            else:
                b.store(b.fadd(b.load(acc), b.fmul(v, v)), acc)
        _counted_loop(h, b.sub(m, n), row, "lstsq.resid.rows")
        b.store(cast(h, b.load(acc), T.F64, rest.dtype), b.gep(rp, [c]))
    _counted_loop(h, count, column, "lstsq.resid")
    s_out = allocate(h, st, [k])
    sp = b.bitcast(b.extract_value(s_out, 0), memory_type(st.dtype).as_pointer())
    sd = b.bitcast(sv, F64.as_pointer())
    _counted_loop(h, k, lambda i: b.store(cast(h, b.load(b.gep(sd, [i])), T.F64, st.dtype), b.gep(sp, [i])), "lstsq.s")
    _free(h, block)
    value = ll.Constant(value_type(rt), ll.Undefined)
    for i, part in enumerate((x, resid, b.load(rank), s_out)):
        value = b.insert_value(value, part, i)
    return value


def _slogdet(h, operands, rt: T.Tuple) -> ll.Value:
    t = _double(rt.items[0])
    sign, logdet = _sign_logdet(h, *operands[0], t)
    value = ll.Constant(value_type(rt), ll.Undefined)
    value = h.b.insert_value(value, cast(h, sign, t, rt.items[0]), 0)
    return h.b.insert_value(value, cast(h, logdet, _real(t), rt.items[1]), 1)


def _det(h, operands, rt: T.Scalar) -> ll.Value:
    """sign * exp(log|det|), NumPy's det_from_slogdet (a complex sign times exp(...) + 0j)."""
    t = _double(rt)
    sign, logdet = _sign_logdet(h, *operands[0], t)
    scale = libm_call(h, "exp", [logdet])
    det = complex_prod(h, sign, make_complex(h, scale, F64(0.0))) if t.is_complex else h.b.fmul(sign, scale)
    return cast(h, det, t, rt)


def _sign_logdet(h, av: ll.Value, at: T.Array, t: T.Scalar) -> tuple[ll.Value, ll.Value]:
    """NumPy's slogdet_single_element: ?getrf, the sign of the row swaps times the diagonal's
    signs (complex: u / |u|), log|det| the sum of log|u_ii| in index order."""
    b = h.b
    n = _square(h, av)
    sign, logdet = h.entry_alloca(scalar_type(t)), h.entry_alloca(scalar_type(_real(t)))
    b.store(_one(t), sign)
    b.store(_zero(_real(t)), logdet)
    with b.if_then(b.icmp_signed(">", n, I64(0))):
        block, ipiv, a, _ = _work(h, t, n, I64(0))
        _to_fortran(h, a, t, av, at)
        info, wide = _getrf(h, t, n, ipiv, a)
        with b.if_else(b.icmp_signed("==", info, I64(0))) as (regular, singular):
            with regular:
                b.store(b.select(_odd_swaps(h, ipiv, n, wide), _negative_one(t), _one(t)), sign)
                diagonal = b.bitcast(a, memory_type(t).as_pointer())

                def item(i):
                    u = b.load(b.gep(diagonal, [b.mul(i, b.add(n, I64(1)))]))
                    if t.is_complex:
                        re, im = b.extract_value(u, 0), b.extract_value(u, 1)
                        size = libm_call(h, "hypot", [re, im])
                        b.store(complex_prod(h, b.load(sign), make_complex(h, b.fdiv(re, size), b.fdiv(im, size))),
                                sign)
                    else:
                        negative = b.fcmp_ordered("<", u, u.type(0.0))
                        b.store(b.select(negative, b.fneg(b.load(sign)), b.load(sign)), sign)
                        size = b.select(negative, b.fneg(u), u)
                    b.store(b.fadd(b.load(logdet), libm_call(h, "log", [size])), logdet)
                _counted_loop(h, n, item, "slogdet")
            with singular:
                b.store(_zero(t), sign)
                b.store(scalar_type(_real(t))(float("-inf")), logdet)
        _free(h, block)
    return b.load(sign), b.load(logdet)


def _negative_one(t: T.Scalar) -> ll.Constant:
    lt = scalar_type(t)
    return ll.Constant(lt, [lt.elements[0](-1.0), lt.elements[1](0.0)]) if t.is_complex else lt(-1.0)


def _square(h, av: ll.Value) -> ll.Value:
    """n of an n×n matrix; NumPy's LinAlgError for any other."""
    b = h.b
    rows, cols = b.extract_value(av, [1, 0]), b.extract_value(av, [1, 1])
    h.fail_if(b.icmp_signed("!=", rows, cols), "LinAlgError", SQUARE)
    return rows


# ----------------------------------------------------------------------------- work arrays

def _work(h, t: T.Scalar, n: ll.Value, nrhs: ll.Value) -> tuple[ll.Value, ...]:
    """One malloc'd block (MemoryError if that fails): n pivots (i64, or LP64 LAPACK's i32), then
    a (n×n) and the right-hand sides (n×nrhs), Fortran order.  Returns (block, ipiv, a, b)."""
    b = h.b
    size = I64(t.nbytes)
    nbytes = b.add(b.mul(n, I64(8)), b.mul(b.mul(n, b.add(n, nrhs)), size))
    _, block = temporary(h, T.Array(T.U8, 1), [nbytes])
    a = b.gep(block, [b.mul(n, I64(8))])
    return block, block, a, b.gep(a, [b.mul(b.mul(n, n), size)])


def _free(h, block: ll.Value) -> None:
    h.b.call(h.ctx.intrinsic("free", ll.VoidType(), [I8P]), [block])


def _to_fortran(h, data: ll.Value, t: T.Scalar, src: ll.Value, stype: T.Array) -> None:
    """A 1-D or 2-D array (any strides and dtype) copied into Fortran order at `data`, as t:
    NumPy's linearize_matrix, written as a C-order copy of the transposed view."""
    b = h.b
    nd = stype.ndim
    shape = [b.extract_value(src, [1, k]) for k in reversed(range(nd))]
    view = ll.Constant(value_type(stype), ll.Undefined)
    view = b.insert_value(view, b.extract_value(src, 0), 0)
    for k in range(nd):
        view = b.insert_value(view, shape[k], [1, k])
        view = b.insert_value(view, b.extract_value(src, [2, nd - 1 - k]), [2, k])
    dtype = T.Array(t, nd)
    _copy(h, shape, [(_contiguous_view(h, dtype, data, shape), dtype), (view, stype)])


def _fortran_view(h, atype: T.Array, data: ll.Value, shape: list[ll.Value]) -> ll.Value:
    b = h.b
    view = b.insert_value(ll.Constant(value_type(atype), ll.Undefined), data, 0)
    stride = I64(atype.dtype.nbytes)
    for k, d in enumerate(shape):
        view = b.insert_value(b.insert_value(view, d, [1, k]), stride, [2, k])
        stride = b.mul(stride, d)
    return view


# ----------------------------------------------------------------------------- LAPACK, or native LU

def _refs(h, *values: ll.Value) -> list[tuple[str, ll.Value]]:
    """Integer arguments by address (Fortran's convention)."""
    out = []
    for v in values:
        slot = h.entry_alloca(I64)
        h.b.store(v, slot)
        out.append(("ref", slot))
    return out


def _gesv(h, t: T.Scalar, n, nrhs, ipiv, a, x) -> ll.Value:
    """LAPACK's info of `?gesv(n, nrhs, a, n, ipiv, x, n)`: x becomes the solution (n > 0)."""
    b = h.b
    routine = blas.letter(t) + "gesv"
    info = h.entry_alloca(I64)
    b.store(I64(0), info)
    with b.if_else(blas.usable(h, routine, [n, nrhs])) as (lapack, native):
        with lapack:
            dim, rhs, lda, ldb = _refs(h, n, nrhs, n, n)
            blas.call(h, routine, [dim, rhs, ("value", a), lda, ("value", ipiv), ("value", x), ldb, ("ref", info)])
        with native:
            b.store(b.call(getrf_kernel(h.ctx, t), [n, a, ipiv]), info)
            with b.if_then(b.icmp_signed("==", b.load(info), I64(0))):
                b.call(getrs_kernel(h.ctx, t), [n, nrhs, a, ipiv, x])
    return b.load(info)


def _getrf(h, t: T.Scalar, n, ipiv, a) -> tuple[ll.Value, ll.Value]:
    """LAPACK's info of `?getrf(n, n, a, n, ipiv)`, and whether the pivots are 64-bit."""
    b = h.b
    routine = blas.letter(t) + "getrf"
    info, wide = h.entry_alloca(I64), h.entry_alloca(I1)
    b.store(I64(0), info)
    with b.if_else(blas.usable(h, routine, [n])) as (lapack, native):
        with lapack:
            rows, cols, lda = _refs(h, n, n, n)
            blas.call(h, routine, [rows, cols, ("value", a), lda, ("value", ipiv), ("ref", info)])
            b.store(blas.wide(h), wide)
        with native:
            b.store(b.call(getrf_kernel(h.ctx, t), [n, a, ipiv]), info)
            b.store(I1(1), wide)
    return b.load(info), b.load(wide)


def _potrf(h, t: T.Scalar, n, a) -> ll.Value:
    """LAPACK's info of `?potrf('L', n, a, n)`: a's lower triangle becomes L (n > 0)."""
    b = h.b
    routine = blas.letter(t) + "potrf"
    info = h.entry_alloca(I64)
    b.store(I64(0), info)
    with b.if_else(blas.usable(h, routine, [n])) as (lapack, native):
        with lapack:
            uplo = h.entry_alloca(ll.IntType(8))
            b.store(ll.IntType(8)(ord("L")), uplo)
            dim, lda = _refs(h, n, n)
            blas.call(h, routine, [("value", uplo), dim, ("value", a), lda, ("ref", info)])
        with native:
            b.store(b.call(potrf_kernel(h.ctx, t), [n, a]), info)
    return b.load(info)


NO_LAPACK = -1000      # an info no LAPACK routine returns: the library was not found (eig has no native code)
NOT_FINITE = -1001     # the matrix holds an inf or a NaN (NumPy's LinAlgError before calling dgeev)


def _eig(h, operands, rt, vectors: bool) -> ll.Value:
    """NumPy's eig/eigvals of a real matrix: `dgeev` with jobvl 'N' and jobvr 'V' or 'N', the work
    size a query returns (NumPy's init_geev), then w = wr + i wi and, per column j, NumPy's
    complex eigenvectors (mk_geev_complex_eigenvectors): vr[:, j] when wi[j] == 0, else the
    conjugate pair vr[:, j] ± i vr[:, j+1] of the pair's first column (wi > 0, LAPACK's order).
    Always complex: NumPy's real result when every wi is 0 is a type that depends on the values."""
    b = h.b
    wtype = rt.items[0] if vectors else rt
    vtype = rt.items[1] if vectors else None
    (av, at), = operands
    n = _square(h, av)
    w = allocate(h, wtype, [n])
    v = allocate(h, vtype, [n, n]) if vectors else None
    info = h.entry_alloca(I64)
    b.store(I64(0), info)
    with b.if_then(b.icmp_signed(">", n, I64(0))):
        nn = b.mul(n, n)
        # one block: a (n×n doubles, Fortran order), wr, wi (n each), vr (n×n), then complex w and v
        doubles = b.add(b.mul(nn, I64(2)), b.mul(n, I64(2)))
        nbytes = b.add(b.mul(doubles, I64(8)), b.mul(b.add(n, nn), I64(16)))
        _, block = temporary(h, T.Array(T.U8, 1), [nbytes])
        a = block
        wr = b.gep(a, [b.mul(nn, I64(8))])
        wi = b.gep(wr, [b.mul(n, I64(8))])
        vr = b.gep(wi, [b.mul(n, I64(8))])
        wc = b.gep(vr, [b.mul(nn, I64(8))])
        vc = b.gep(wc, [b.mul(n, I64(16))])
        _to_fortran(h, a, T.F64, av, at)
        # NumPy's _assert_finite before dgeev (which reports a NaN as an illegal argument)
        finite = h.entry_alloca(I1)
        b.store(I1(1), finite)
        fa = b.bitcast(a, F64.as_pointer())

        def check(k):
            x = b.load(b.gep(fa, [k]))
            b.store(b.and_(b.load(finite), b.fcmp_ordered("==", b.fsub(x, x), F64(0.0))), finite)
        _counted_loop(h, nn, check, "eig.finite")
        routine = "dgeev"
        usable = b.and_(b.load(finite), blas.usable(h, routine, [n, nn]))
        with b.if_else(usable) as (lapack, native):
            with lapack:
                chars = []
                for c in ("N", "V" if vectors else "N"):
                    slot = h.entry_alloca(ll.IntType(8))
                    b.store(ll.IntType(8)(ord(c)), slot)
                    chars.append(("value", slot))
                dim, lda, ldvl, ldvr = _refs(h, n, n, I64(1), n if vectors else I64(1))
                args = chars + [dim, ("value", a), lda, ("value", wr), ("value", wi), ("value", vc), ldvl,
                                ("value", vr), ldvr]
                lwork = _lwork(h, routine, args, len(args), b.mul(n, I64(4 if vectors else 3)))
                _, work = temporary(h, T.Array(T.U8, 1), [b.mul(lwork, I64(8))])
                size, = _refs(h, lwork)
                blas.call(h, routine, args + [("value", work), size, ("ref", info)])
                _free(h, work)
            with native:
                b.store(b.select(b.load(finite), I64(NO_LAPACK), I64(NOT_FINITE)), info)
        with b.if_then(b.icmp_signed("==", b.load(info), I64(0))):
            fr, fi = b.bitcast(wr, F64.as_pointer()), b.bitcast(wi, F64.as_pointer())
            fw = b.bitcast(wc, F64.as_pointer())

            def eigenvalue(j):
                b.store(b.load(b.gep(fr, [j])), b.gep(fw, [b.mul(j, I64(2))]))
                b.store(b.load(b.gep(fi, [j])), b.gep(fw, [b.add(b.mul(j, I64(2)), I64(1))]))
            _counted_loop(h, n, eigenvalue, "eig.w")
            ctype = T.Array(T.C128, 1)
            _copy(h, [n], [(w, wtype), (_contiguous_view(h, ctype, wc, [n]), ctype)])
            if vectors:
                fv, fc = b.bitcast(vr, F64.as_pointer()), b.bitcast(vc, F64.as_pointer())

                def column(j):
                    im_j = b.load(b.gep(fi, [j]))
                    real = b.fcmp_unordered("==", im_j, F64(0.0))
                    first = b.fcmp_ordered(">", im_j, F64(0.0))
                    c_re = b.select(first, j, b.select(real, j, b.sub(j, I64(1))))
                    c_im = b.select(first, b.add(j, I64(1)), j)
                    sign = b.select(first, F64(1.0), F64(-1.0))

                    def row(i):
                        re = b.load(b.gep(fv, [b.add(i, b.mul(c_re, n))]))
                        im = b.fmul(sign, b.load(b.gep(fv, [b.add(i, b.mul(c_im, n))])))
                        at_ = b.mul(b.add(i, b.mul(j, n)), I64(2))
                        b.store(re, b.gep(fc, [at_]))
                        b.store(b.select(real, F64(0.0), im), b.gep(fc, [b.add(at_, I64(1))]))
                    _counted_loop(h, n, row, "eig.row")
                _counted_loop(h, n, column, "eig.v")
                work_t = T.Array(T.C128, 2)
                _copy(h, [n, n], [(v, vtype), (_fortran_view(h, work_t, vc, [n, n]), work_t)])
        _free(h, block)
    h.fail_if(b.icmp_signed("==", b.load(info), I64(NOT_FINITE)), "LinAlgError", "Array must not contain infs or NaNs")
    h.fail_if(b.icmp_signed("==", b.load(info), I64(NO_LAPACK)), "LinAlgError",
              "np.linalg.eig needs LAPACK: NumPy's library was not found (FASTEXT_BLAS=0?)")
    h.fail_if(b.icmp_signed(">", b.load(info), I64(0)), "LinAlgError", "Eigenvalues did not converge")
    if not vectors:
        return w
    value = ll.Constant(value_type(rt), ll.Undefined)
    return b.insert_value(b.insert_value(value, w, 0), v, 1)


def _lwork(h, routine: str, args: list, at: int, minimum) -> ll.Value:
    """LAPACK's work size for `routine` (a query: lwork = -1), at least `minimum`, as NumPy's
    init functions take it; `args` with a placeholder for (work, lwork) at position `at`."""
    b = h.b
    query = h.entry_alloca(ll.ArrayType(F64, 2))          # room for one complex number
    b.store(ll.Constant(ll.ArrayType(F64, 2), [F64(0.0), F64(0.0)]), query)
    lwork, = _refs(h, I64(-1))
    info = h.entry_alloca(I64)
    blas.call(h, routine, args[:at] + [("value", b.bitcast(query, I8P)), lwork] + args[at:] + [("ref", info)])
    got = b.fptosi(b.load(b.gep(query, [I32(0), I32(0)])), I64)
    return b.select(b.icmp_signed(">", got, minimum), got, minimum)


def _with_work(h, t: T.Scalar, routine: str, args: list, at: int, minimum) -> None:
    """Call `routine` with a work array of the size it asks for (malloc'd, freed after)."""
    b = h.b
    n = _lwork(h, routine, args, at, minimum)
    _, work = temporary(h, T.Array(T.U8, 1), [b.mul(n, I64(t.nbytes))])
    lwork, = _refs(h, n)
    info = h.entry_alloca(I64)
    blas.call(h, routine, args[:at] + [("value", work), lwork] + args[at:] + [("ref", info)])
    _free(h, work)


def _geqrf(h, t: T.Scalar, m, n, a, tau) -> None:
    """`?geqrf(m, n, a, m, tau, work, lwork)`: a becomes R above its diagonal and the reflectors below."""
    b = h.b
    routine = blas.letter(t) + "geqrf"
    with b.if_else(blas.usable(h, routine, [m, n, b.mul(m, n)])) as (lapack, native):
        with lapack:
            rows, cols, lda = _refs(h, m, n, m)
            _with_work(h, t, routine, [rows, cols, ("value", a), lda, ("value", tau)], 5,
                       b.select(b.icmp_signed(">", n, I64(1)), n, I64(1)))
        with native:
            b.call(geqrf_kernel(h.ctx, t), [m, n, a, tau])


def _orgqr(h, t: T.Scalar, m, mc, k, q, tau) -> None:
    """`?orgqr(m, mc, k, q, m, tau, work, lwork)` (`?ungqr` for complex): q becomes the first mc
    columns of Q from the k reflectors."""
    b = h.b
    routine = "dorgqr" if not t.is_complex else "zungqr"
    with b.if_else(blas.usable(h, routine, [m, mc, b.mul(m, mc)])) as (lapack, native):
        with lapack:
            rows, cols, refl, lda = _refs(h, m, mc, k, m)
            _with_work(h, t, routine, [rows, cols, refl, ("value", q), lda, ("value", tau)], 6,
                       b.select(b.icmp_signed(">", mc, I64(1)), mc, I64(1)))
        with native:
            b.call(orgqr_kernel(h.ctx, t), [m, mc, k, q, tau])


def _syevd(h, t: T.Scalar, n, a, w, scratch, uplo: str, vectors: bool) -> ll.Value:
    """LAPACK's info of `?syevd(jobz, uplo, n, a, n, w, work, lwork, iwork, liwork)` (`?heevd` with
    rwork too), the work arrays as large as a query says (NumPy's init_evd)."""
    b = h.b
    routine = "dsyevd" if not t.is_complex else "zheevd"
    info = h.entry_alloca(I64)
    b.store(I64(0), info)
    with b.if_else(blas.usable(h, routine, [n, b.mul(n, n)])) as (lapack, native):
        with lapack:
            chars = []
            for c in ("V" if vectors else "N", uplo):
                slot = h.entry_alloca(ll.IntType(8))
                b.store(ll.IntType(8)(ord(c)), slot)
                chars.append(("value", slot))
            dim, lda = _refs(h, n, n)
            head = chars + [dim, ("value", a), lda, ("value", w)]
            query = h.entry_alloca(ll.ArrayType(F64, 2))
            rquery = h.entry_alloca(F64)
            iquery = h.entry_alloca(I64)
            b.store(ll.Constant(ll.ArrayType(F64, 2), [F64(0.0), F64(0.0)]), query)
            b.store(F64(0.0), rquery)
            b.store(I64(0), iquery)
            minus = _refs(h, I64(-1), I64(-1), I64(-1))
            wide = blas.wide(h)

            def call(work, lwork, rwork, lrwork, iwork, liwork):
                tail = [("value", work), lwork] + ([("value", rwork), lrwork] if t.is_complex else []) + \
                    [("value", iwork), liwork, ("ref", info)]
                blas.call(h, routine, head + tail)
            call(b.bitcast(query, I8P), minus[0], b.bitcast(rquery, I8P), minus[1], b.bitcast(iquery, I8P), minus[2])
            lwork = b.fptosi(b.load(b.gep(query, [I32(0), I32(0)])), I64)
            lrwork = b.fptosi(b.load(rquery), I64)
            # the integer the query wrote is the library's width (LP64: the low 32 bits)
            raw = b.load(iquery)
            liwork = b.select(wide, raw, b.sext(b.trunc(raw, I32), I64))
            sizes = [b.mul(lwork, I64(t.nbytes)), b.mul(lrwork, I64(8)), b.mul(liwork, I64(8))]
            _, work = temporary(h, T.Array(T.U8, 1), [b.add(b.add(sizes[0], sizes[1]), sizes[2])])
            rwork = b.gep(work, [sizes[0]])
            iwork = b.gep(rwork, [sizes[1]])
            refs = _refs(h, lwork, lrwork, liwork)
            call(work, refs[0], rwork, refs[1], iwork, refs[2])
            _free(h, work)
        with native:
            b.call(syevj_kernel(h.ctx, t), [n, a, w, scratch, I64(1 if uplo == "U" else 0)])
    return b.load(info)


def _gesdd(h, t: T.Scalar, job: str, m, n, k, a, s, u, vt, scratch) -> ll.Value:
    """LAPACK's info of `?gesdd(jobz, m, n, a, m, s, u, m, vt, ldvt, work, lwork, (rwork,) iwork)`:
    s the singular values (doubles), u m×ucols and vt vrows×n column-major (jobz 'A' or 'S')."""
    b = h.b
    routine = blas.letter(t) + "gesdd"
    info = h.entry_alloca(I64)
    b.store(I64(0), info)
    big = b.select(b.icmp_signed(">", m, n), m, n)
    with b.if_else(blas.usable(h, routine, [m, n, b.mul(big, big)])) as (lapack, native):
        with lapack:
            jobz = h.entry_alloca(ll.IntType(8))
            b.store(ll.IntType(8)(ord(job)), jobz)
            ldvt = n if job == "A" else (k if job == "S" else I64(1))
            rows, cols, lda, ldu, ldv = _refs(h, m, n, m, m, b.select(b.icmp_signed(">", ldvt, I64(1)), ldvt, I64(1)))
            # iwork: 8 k integers; rwork (complex): LAPACK's largest need, 5k^2 + 7k or 2(big k + k^2) + k
            _, iwork = temporary(h, T.Array(T.I64, 1), [b.add(b.mul(k, I64(8)), I64(1))])
            rsize = b.add(b.mul(k, b.add(b.mul(k, I64(5)), I64(7))),
                          b.add(b.mul(I64(2), b.add(b.mul(big, k), b.mul(k, k))), k))
            _, rwork = temporary(h, T.Array(T.F64, 1), [b.add(rsize, I64(1))])
            head = [("value", jobz), rows, cols, ("value", a), lda, ("value", s), ("value", u), ldu,
                    ("value", vt), ldv]
            tail = ([("value", rwork)] if t.is_complex else []) + [("value", iwork)]
            query = h.entry_alloca(ll.ArrayType(F64, 2))
            b.store(ll.Constant(ll.ArrayType(F64, 2), [F64(0.0), F64(0.0)]), query)
            minus, = _refs(h, I64(-1))
            blas.call(h, routine, head + [("value", b.bitcast(query, I8P)), minus] + tail + [("ref", info)])
            lwork = b.fptosi(b.load(b.gep(query, [I32(0), I32(0)])), I64)
            lwork = b.select(b.icmp_signed(">", lwork, I64(1)), lwork, I64(1))
            _, work = temporary(h, T.Array(T.U8, 1), [b.mul(lwork, I64(t.nbytes))])
            size, = _refs(h, lwork)
            blas.call(h, routine, head + [("value", work), size] + tail + [("ref", info)])
            for block in (work, rwork, iwork):
                _free(h, block)
        with native:
            b.call(gesvj_kernel(h.ctx, t), [m, n, a, s, u, vt, scratch, I64({"A": 2, "S": 1, "N": 0}[job])])
    return b.load(info)


def _gelsd(h, t: T.Scalar, m, n, nr, a, bb, ldb, s, rcond, rank, info, xs, scratch) -> None:
    """`?gelsd(m, n, nr, a, m, b, ldb, s, rcond, rank, work, lwork, (rwork,) iwork)`: b's first n rows
    become x; rank and info stored (m, n > 0)."""
    b = h.b
    routine = blas.letter(t) + "gelsd"
    big = b.select(b.icmp_signed(">", m, n), m, n)
    with b.if_else(blas.usable(h, routine, [m, n, nr, b.mul(big, big), b.mul(ldb, nr)])) as (lapack, native):
        with lapack:
            rows, cols, rhs, lda, ld = _refs(h, m, n, nr, m, ldb)
            cond = h.entry_alloca(F64)
            b.store(rcond, cond)
            got_rank, = _refs(h, I64(0))
            head = [rows, cols, rhs, ("value", a), lda, ("value", bb), ld, ("value", s), ("value", cond), got_rank]
            query = h.entry_alloca(ll.ArrayType(F64, 2))
            rquery, iquery = h.entry_alloca(F64), h.entry_alloca(I64)
            b.store(ll.Constant(ll.ArrayType(F64, 2), [F64(0.0), F64(0.0)]), query)
            b.store(F64(0.0), rquery)
            b.store(I64(0), iquery)
            minus, = _refs(h, I64(-1))
            tail = ([("value", b.bitcast(rquery, I8P))] if t.is_complex else []) + [("value", b.bitcast(iquery, I8P))]
            blas.call(h, routine, head + [("value", b.bitcast(query, I8P)), minus] + tail + [("ref", info)])
            lwork = b.fptosi(b.load(b.gep(query, [I32(0), I32(0)])), I64)
            lwork = b.select(b.icmp_signed(">", lwork, I64(1)), lwork, I64(1))
            raw = b.load(iquery)
            liwork = b.select(blas.wide(h), raw, b.sext(b.trunc(raw, I32), I64))
            lrwork = b.fptosi(b.load(rquery), I64)
            sizes = [b.mul(lwork, I64(t.nbytes)), b.mul(b.add(lrwork, I64(1)), I64(8)), b.mul(b.add(liwork, I64(1)), I64(8))]
            _, work = temporary(h, T.Array(T.U8, 1), [b.add(b.add(sizes[0], sizes[1]), sizes[2])])
            rwork = b.gep(work, [sizes[0]])
            iwork = b.gep(rwork, [sizes[1]])
            size, = _refs(h, lwork)
            tail = ([("value", rwork)] if t.is_complex else []) + [("value", iwork)]
            blas.call(h, routine, head + [("value", work), size] + tail + [("ref", info)])
            _free(h, work)
            b.store(b.load(got_rank[1]), rank)
        with native:
            b.store(b.call(lstsq_kernel(h.ctx, t), [m, n, nr, a, bb, ldb, s, rcond, xs, scratch]), rank)


def _odd_swaps(h, ipiv, n, wide) -> ll.Value:
    """Whether the factorisation swapped rows an odd number of times (ipiv[i] != i + 1)."""
    b = h.b
    p64, p32 = b.bitcast(ipiv, I64.as_pointer()), b.bitcast(ipiv, I32.as_pointer())
    odd = h.entry_alloca(I1)
    b.store(I1(0), odd)

    def item(i):
        p = b.select(wide, b.load(b.gep(p64, [i])), b.sext(b.load(b.gep(p32, [i])), I64))
        b.store(b.xor(b.load(odd), b.icmp_signed("!=", p, b.add(i, I64(1)))), odd)
    _counted_loop(h, n, item, "swaps")
    return b.load(odd)


# ----------------------------------------------------------------------------- native LU

def _kernel(ctx, name: str, ret: ll.Type, params: list[ll.Type]):
    """The internal kernel `name` and a body to emit it with; (the kernel, None) when the module
    has it already."""
    if name in ctx.module.globals:
        return ctx.module.globals[name], None
    fn = ll.Function(ctx.module, ll.FunctionType(ret, params), name)
    fn.linkage = "internal"
    f = _Body(ctx, fn)
    f.fast_flags = ()
    return fn, f


def _below(f, n, j, body, name: str) -> None:
    """for i in range(j + 1, n): body(i)"""
    b = f.b
    _counted_loop(f, b.sub(b.sub(n, j), I64(1)), lambda d: body(b.add(b.add(j, I64(1)), d)), name)


def _size(f, v, t: T.Scalar) -> ll.Value:
    """|v| as LAPACK's i?amax compares it (|re| + |im| for complex numbers)."""
    if not t.is_complex:
        return _fabs(f, v)
    return f.b.fadd(_fabs(f, f.b.extract_value(v, 0)), _fabs(f, f.b.extract_value(v, 1)))


def _nonzero(f, v, t: T.Scalar) -> ll.Value:
    b = f.b
    if not t.is_complex:
        return b.fcmp_unordered("!=", v, v.type(0.0))
    re, im = b.extract_value(v, 0), b.extract_value(v, 1)
    return b.or_(b.fcmp_unordered("!=", re, re.type(0.0)), b.fcmp_unordered("!=", im, im.type(0.0)))


def _minus_product(f, x, y, z, t: T.Scalar) -> ll.Value:
    """x - y * z"""
    b = f.b
    if not t.is_complex:
        return b.fsub(x, b.fmul(y, z))
    p = _mul(f, y, z, t)
    return make_complex(f, b.fsub(b.extract_value(x, 0), b.extract_value(p, 0)),
                        b.fsub(b.extract_value(x, 1), b.extract_value(p, 1)))


def _divide(f, x, y, t: T.Scalar) -> ll.Value:
    return complex_quot(f, x, y)[0] if t.is_complex else f.b.fdiv(x, y)


def getrf_kernel(ctx, t: T.Scalar) -> ll.Function:
    """`i64 fx$getrf.<t>(i64 n, i8* a, i8* ipiv)`: LAPACK's ?getf2 on the n×n column-major a (P L U
    in place; row j swapped with row ipiv[j] - 1, 1-based i64 pivots as ILP64 LAPACK's).  Returns
    LAPACK's info: 0, or the first k with u[k-1, k-1] == 0 (the factorisation still completes)."""
    fn, f = _kernel(ctx, f"fx$getrf.{t.name}", I64, [I64, I8P, I8P])
    if f is None:
        return fn
    n, a_ptr, ipiv = fn.args
    b = f.b
    a, piv = b.bitcast(a_ptr, memory_type(t).as_pointer()), b.bitcast(ipiv, I64.as_pointer())
    info, best, row = b.alloca(I64), b.alloca(scalar_type(_real(t))), b.alloca(I64)
    b.store(I64(0), info)

    def at(i, j):
        return b.gep(a, [b.add(i, b.mul(j, n))])

    def column(j):
        b.store(j, row)                  # the pivot: the first of the largest in column j, from row j
        b.store(_size(f, b.load(at(j, j)), t), best)

        def look(i):
            size = _size(f, b.load(at(i, j)), t)
            larger = b.fcmp_ordered(">", size, b.load(best))
            b.store(b.select(larger, size, b.load(best)), best)
            b.store(b.select(larger, i, b.load(row)), row)
        _below(f, n, j, look, "getrf.pivot")
        r = b.load(row)
        b.store(b.add(r, I64(1)), b.gep(piv, [j]))
        with b.if_else(_nonzero(f, b.load(at(r, j)), t)) as (regular, zero):
            with regular:
                with b.if_then(b.icmp_signed("!=", r, j)):
                    def swap(k):
                        x, y = b.load(at(j, k)), b.load(at(r, k))
                        b.store(y, at(j, k))
                        b.store(x, at(r, k))
                    _counted_loop(f, n, swap, "getrf.swap")
                pivot = b.load(at(j, j))
                _below(f, n, j, lambda i: b.store(_divide(f, b.load(at(i, j)), pivot, t), at(i, j)), "getrf.scale")
            with zero:
                with b.if_then(b.icmp_signed("==", b.load(info), I64(0))):
                    b.store(b.add(j, I64(1)), info)

        def update(k):                   # a[j+1:, k] -= a[j+1:, j] * a[j, k]: unit stride, vectorised
            factor = b.load(at(j, k))
            _below(f, n, j, lambda i: b.store(_minus_product(f, b.load(at(i, k)), b.load(at(i, j)), factor, t),
                                               at(i, k)), "getrf.update")
        _below(f, n, j, update, "getrf.columns")
    _counted_loop(f, n, column, "getrf")
    b.ret(b.load(info))
    return fn


def getrs_kernel(ctx, t: T.Scalar) -> ll.Function:
    """`void fx$getrs.<t>(i64 n, i64 nrhs, i8* a, i8* ipiv, i8* x)`: LAPACK's ?getrs from getrf's
    factors, one column of the column-major n×nrhs x at a time: the row swaps, L y = x (unit
    lower), U x = y."""
    fn, f = _kernel(ctx, f"fx$getrs.{t.name}", ll.VoidType(), [I64, I64, I8P, I8P, I8P])
    if f is None:
        return fn
    n, nrhs, a_ptr, ipiv, x_ptr = fn.args
    b = f.b
    ptr = memory_type(t).as_pointer()
    a, piv, xs = b.bitcast(a_ptr, ptr), b.bitcast(ipiv, I64.as_pointer()), b.bitcast(x_ptr, ptr)

    def at(i, j):
        return b.gep(a, [b.add(i, b.mul(j, n))])

    def rhs(c):
        x = b.gep(xs, [b.mul(c, n)])

        def swap(j):
            r = b.sub(b.load(b.gep(piv, [j])), I64(1))
            with b.if_then(b.icmp_signed("!=", r, j)):
                u, v = b.load(b.gep(x, [j])), b.load(b.gep(x, [r]))
                b.store(v, b.gep(x, [j]))
                b.store(u, b.gep(x, [r]))

        def eliminate(j, xj, rows, name):
            def item(i):
                b.store(_minus_product(f, b.load(b.gep(x, [i])), b.load(at(i, j)), xj, t), b.gep(x, [i]))
            rows(item, name)

        def forward(j):
            eliminate(j, b.load(b.gep(x, [j])), lambda body, nm: _below(f, n, j, body, nm), "getrs.lower")

        def backward(d):
            j = b.sub(b.sub(n, I64(1)), d)
            xj = _divide(f, b.load(b.gep(x, [j])), b.load(at(j, j)), t)
            b.store(xj, b.gep(x, [j]))
            eliminate(j, xj, lambda body, nm: _counted_loop(f, j, body, nm), "getrs.upper")
        _counted_loop(f, n, swap, "getrs.swap")
        _counted_loop(f, n, forward, "getrs.forward")
        _counted_loop(f, n, backward, "getrs.backward")
    _counted_loop(f, nrhs, rhs, "getrs")
    b.ret_void()
    return fn


def potrf_kernel(ctx, t: T.Scalar) -> ll.Function:
    """`i64 fx$potrf.<t>(i64 n, i8* a)`: LAPACK's ?potf2 ('L') on the n×n column-major a, column by
    column: l_jj = sqrt(a_jj - sum_k |l_jk|^2), then l_ij = (a_ij - sum_k l_ik conj(l_jk)) / l_jj.
    Returns LAPACK's info: 0, or j + 1 for the first l_jj^2 that is not positive."""
    fn, f = _kernel(ctx, f"fx$potrf.{t.name}", I64, [I64, I8P])
    if f is None:
        return fn
    n, a_ptr = fn.args
    b = f.b
    rt = _real(t)
    a = b.bitcast(a_ptr, memory_type(t).as_pointer())
    info, acc, sum_ = b.alloca(I64), b.alloca(scalar_type(rt)), b.alloca(scalar_type(t))
    b.store(I64(0), info)
    done = fn.append_basic_block("potrf.done")

    def at(i, j):
        return b.gep(a, [b.add(i, b.mul(j, n))])

    def conj(v):
        return make_complex(f, b.extract_value(v, 0), b.fneg(b.extract_value(v, 1))) if t.is_complex else v

    def column(j):
        ajj = b.load(at(j, j))
        b.store(b.extract_value(ajj, 0) if t.is_complex else ajj, acc)

        def square(k):
            v = b.load(at(j, k))
            if t.is_complex:
                re, im = b.extract_value(v, 0), b.extract_value(v, 1)
                b.store(b.fsub(b.fsub(b.load(acc), b.fmul(re, re)), b.fmul(im, im)), acc)
            else:
                b.store(b.fsub(b.load(acc), b.fmul(v, v)), acc)
        _counted_loop(f, j, square, "potrf.diag")
        d = b.load(acc)
        bad = b.fcmp_ordered("<=", d, d.type(0.0))     # a NaN goes on, as NumPy's OpenBLAS ?potrf lets it
        with b.if_then(bad, likely=False):
            b.store(b.add(j, I64(1)), info)
            b.branch(done)
        ljj = libm_call(f, "sqrt", [d])
        lv = make_complex(f, ljj, ljj.type(0.0)) if t.is_complex else ljj
        b.store(lv, at(j, j))

        def below(i):
            b.store(b.load(at(i, j)), sum_)
            _counted_loop(f, j, lambda k: b.store(_minus_product(f, b.load(sum_), b.load(at(i, k)),
                                                                 conj(b.load(at(j, k))), t), sum_), "potrf.dot")
            s = b.load(sum_)
            q = make_complex(f, b.fdiv(b.extract_value(s, 0), ljj), b.fdiv(b.extract_value(s, 1), ljj)) \
                if t.is_complex else b.fdiv(s, ljj)
            b.store(q, at(i, j))
        _below(f, n, j, below, "potrf.column")
    _counted_loop(f, n, column, "potrf")
    b.branch(done)
    b.position_at_end(done)
    b.ret(b.load(info))
    return fn


# ----------------------------------------------------------------------------- native Householder QR

def _conj(f, v, t: T.Scalar):
    return make_complex(f, f.b.extract_value(v, 0), f.b.fneg(f.b.extract_value(v, 1))) if t.is_complex else v


def _scale(f, v, x, t: T.Scalar):
    """v * x for a real x."""
    b = f.b
    if not t.is_complex:
        return b.fmul(v, x)
    return make_complex(f, b.fmul(b.extract_value(v, 0), x), b.fmul(b.extract_value(v, 1), x))


def _sub(f, x, y, t: T.Scalar):
    b = f.b
    if not t.is_complex:
        return b.fsub(x, y)
    return make_complex(f, b.fsub(b.extract_value(x, 0), b.extract_value(y, 0)),
                        b.fsub(b.extract_value(x, 1), b.extract_value(y, 1)))


def _reflect(f, t: T.Scalar, at, rows_from, m, cols_from, cols_to, v_col, tau_value) -> None:
    """C = (I - tau v v^H) C on C = a[rows_from:m, cols_from:cols_to], v = a[rows_from:m, v_col]
    (LAPACK's ?larf from the left: w = C^H v, then C -= tau v w^H)."""
    b = f.b
    rows = b.sub(m, rows_from)
    w = b.alloca(scalar_type(t))

    def column(d):
        j = b.add(cols_from, d)
        b.store(_zero(t), w)
        _counted_loop(f, rows, lambda r: b.store(
            _add(f, b.load(w), _mul(f, _conj(f, b.load(at(b.add(rows_from, r), j)), t),
                                    b.load(at(b.add(rows_from, r), v_col)), t), t), w), "larf.w")
        factor = _mul(f, tau_value, _conj(f, b.load(w), t), t)
        _counted_loop(f, rows, lambda r: b.store(
            _minus_product(f, b.load(at(b.add(rows_from, r), j)), b.load(at(b.add(rows_from, r), v_col)),
                           factor, t), at(b.add(rows_from, r), j)), "larf.update")
    _counted_loop(f, b.sub(cols_to, cols_from), column, "larf")


def _add(f, x, y, t: T.Scalar):
    b = f.b
    if not t.is_complex:
        return b.fadd(x, y)
    return make_complex(f, b.fadd(b.extract_value(x, 0), b.extract_value(y, 0)),
                        b.fadd(b.extract_value(x, 1), b.extract_value(y, 1)))


def geqrf_kernel(ctx, t: T.Scalar) -> ll.Function:
    """`void fx$geqrf.<t>(i64 m, i64 n, i8* a, i8* tau)`: LAPACK's ?geqr2 on the m×n column-major a:
    for each column i < min(m, n) the reflector ?larfg makes (beta = -sign(alpha.re) |(alpha, x)|,
    tau = (beta - alpha) / beta, v = x / (alpha - beta)), applied to the columns right of it."""
    fn, f = _kernel(ctx, f"fx$geqrf.{t.name}", ll.VoidType(), [I64, I64, I8P, I8P])
    if f is None:
        return fn
    m, n, a_ptr, tau_ptr = fn.args
    b = f.b
    rt = _real(t)
    ptr = memory_type(t).as_pointer()
    a, taus = b.bitcast(a_ptr, ptr), b.bitcast(tau_ptr, ptr)
    acc = b.alloca(scalar_type(rt))

    def at(i, j):
        return b.gep(a, [b.add(i, b.mul(j, m))])

    def column(i):
        alpha = b.load(at(i, i))
        b.store(scalar_type(rt)(0.0), acc)

        def square(r):
            v = b.load(at(r, i))
            parts = [b.extract_value(v, 0), b.extract_value(v, 1)] if t.is_complex else [v]
            for p in parts:
                b.store(b.fadd(b.load(acc), b.fmul(p, p)), acc)
        _below(f, m, i, square, "larfg.norm")
        xnorm = libm_call(f, "sqrt", [b.load(acc)])
        are = b.extract_value(alpha, 0) if t.is_complex else alpha
        aim = b.extract_value(alpha, 1) if t.is_complex else None
        trivial = b.fcmp_ordered("==", xnorm, xnorm.type(0.0))
        if t.is_complex:
            trivial = b.and_(trivial, b.fcmp_ordered("==", aim, aim.type(0.0)))
        with b.if_else(trivial) as (skip, reflect):
            with skip:
                b.store(_zero(t), b.gep(taus, [i]))
            with reflect:
                if t.is_complex:
                    size = libm_call(f, "sqrt", [b.fadd(b.fadd(b.fmul(are, are), b.fmul(aim, aim)),
                                                        b.fmul(xnorm, xnorm))])
                else:
                    size = libm_call(f, "hypot", [are, xnorm])
                negative = b.fcmp_ordered("<", are, are.type(0.0))
                beta = b.select(negative, size, b.fneg(size))          # -sign(alpha.re) * size
                if t.is_complex:
                    tau = make_complex(f, b.fdiv(b.fsub(beta, are), beta), b.fdiv(b.fneg(aim), beta))
                    scale = complex_quot(f, _one(t), make_complex(f, b.fsub(are, beta), aim))[0]
                else:
                    tau = b.fdiv(b.fsub(beta, are), beta)
                    scale = b.fdiv(are.type(1.0), b.fsub(are, beta))
                b.store(tau, b.gep(taus, [i]))
                _below(f, m, i, lambda r: b.store(_mul(f, b.load(at(r, i)), scale, t) if t.is_complex
                                                  else b.fmul(b.load(at(r, i)), scale), at(r, i)), "larfg.scale")
                b.store(make_complex(f, beta, beta.type(0.0)) if t.is_complex else beta, at(i, i))
        # H(i)^H applied to a[i:, i+1:] with v = (1, a[i+1:, i])
        with b.if_then(b.icmp_signed("<", b.add(i, I64(1)), n)):
            saved = b.load(at(i, i))
            b.store(_one(t), at(i, i))
            _reflect(f, t, at, i, m, b.add(i, I64(1)), n, i, _conj(f, b.load(b.gep(taus, [i])), t))
            b.store(saved, at(i, i))
    k = b.select(b.icmp_signed("<", m, n), m, n)
    _counted_loop(f, k, column, "geqr2")
    b.ret_void()
    return fn


def orgqr_kernel(ctx, t: T.Scalar) -> ll.Function:
    """`void fx$orgqr.<t>(i64 m, i64 n, i64 k, i8* a, i8* tau)`: LAPACK's ?org2r (?ung2r): the first
    n columns of H(0) ... H(k-1), from the reflectors in a's first k columns, in place."""
    fn, f = _kernel(ctx, f"fx$orgqr.{t.name}", ll.VoidType(), [I64, I64, I64, I8P, I8P])
    if f is None:
        return fn
    m, n, k, a_ptr, tau_ptr = fn.args
    b = f.b
    ptr = memory_type(t).as_pointer()
    a, taus = b.bitcast(a_ptr, ptr), b.bitcast(tau_ptr, ptr)

    def at(i, j):
        return b.gep(a, [b.add(i, b.mul(j, m))])

    def unit(d):                 # columns k..n-1 of the identity
        j = b.add(k, d)
        _counted_loop(f, m, lambda r: b.store(_zero(t), at(r, j)), "org2r.zero")
        b.store(_one(t), at(j, j))
    _counted_loop(f, b.sub(n, k), unit, "org2r.unit")

    def step(d):
        i = b.sub(b.sub(k, I64(1)), d)
        tau = b.load(b.gep(taus, [i]))
        with b.if_then(b.icmp_signed("<", b.add(i, I64(1)), n)):
            b.store(_one(t), at(i, i))
            _reflect(f, t, at, i, m, b.add(i, I64(1)), n, i, tau)
        minus = _sub(f, _zero(t), tau, t)
        _below(f, m, i, lambda r: b.store(_mul(f, b.load(at(r, i)), minus, t), at(r, i)), "org2r.scale")
        b.store(_sub(f, _one(t), tau, t), at(i, i))
        _counted_loop(f, i, lambda r: b.store(_zero(t), at(r, i)), "org2r.above")
    _counted_loop(f, k, step, "org2r")
    b.ret_void()
    return fn


# ----------------------------------------------------------------------------- native Jacobi eigensolver

def syevj_kernel(ctx, t: T.Scalar) -> ll.Function:
    """`void fx$syevj.<t>(i64 n, i8* a, i8* w, i8* v, i64 upper)`: the eigenvalues (ascending, into the
    n doubles at w) and eigenvectors (the columns of a, column-major) of the Hermitian matrix a, of
    which only the lower (upper) triangle is read: cyclic Jacobi rotations until the off-diagonal
    part vanishes (each rotation: a phase making a_pq real, then the real rotation zeroing it),
    then a sort by eigenvalue.  v is n×n scratch."""
    fn, f = _kernel(ctx, f"fx$syevj.{t.name}", ll.VoidType(), [I64, I8P, I8P, I8P, I64])
    if f is None:
        return fn
    from fastext.compiler.lower.ircontrol import while_loop
    n, a_ptr, w_ptr, v_ptr, upper = fn.args
    b = f.b
    rt = _real(t)
    ptr = memory_type(t).as_pointer()
    a, v, w = b.bitcast(a_ptr, ptr), b.bitcast(v_ptr, ptr), b.bitcast(w_ptr, F64.as_pointer())
    R = scalar_type(rt)
    off, total, sweep = b.alloca(R), b.alloca(R), b.alloca(I64)

    def at(m, i, j):
        return b.gep(m, [b.add(i, b.mul(j, n))])

    def magnitude2(x):
        if not t.is_complex:
            return b.fmul(x, x)
        re, im = b.extract_value(x, 0), b.extract_value(x, 1)
        return b.fadd(b.fmul(re, re), b.fmul(im, im))

    def real_of(x):
        return b.extract_value(x, 0) if t.is_complex else x

    def of_real(x):
        return make_complex(f, x, x.type(0.0)) if t.is_complex else x

    # the Hermitian matrix from the triangle LAPACK would read (its mirror image elsewhere); v = I
    from_upper = b.icmp_unsigned("!=", upper, I64(0))

    def fill(j):
        def mirror(i):               # i > j
            low, up = b.load(at(a, i, j)), b.load(at(a, j, i))
            b.store(b.select(from_upper, _conj(f, up, t), low), at(a, i, j))
            b.store(b.select(from_upper, up, _conj(f, low, t)), at(a, j, i))
        _below(f, n, j, mirror, "syevj.mirror")
        _counted_loop(f, n, lambda i: b.store(b.select(b.icmp_signed("==", i, j), _one(t), _zero(t)), at(v, i, j)),
                      "syevj.eye")
    _counted_loop(f, n, fill, "syevj.fill")

    def diagonal_real(i):
        b.store(of_real(real_of(b.load(at(a, i, i)))), at(a, i, i))
    _counted_loop(f, n, diagonal_real, "syevj.diag")

    def sums():
        b.store(R(0.0), off)
        b.store(R(0.0), total)

        def col(j):
            def item(i):
                m2 = magnitude2(b.load(at(a, i, j)))
                b.store(b.fadd(b.load(total), m2), total)
                with b.if_then(b.icmp_signed("!=", i, j)):
                    b.store(b.fadd(b.load(off), m2), off)
            _counted_loop(f, n, item, "syevj.sum.rows")
        _counted_loop(f, n, col, "syevj.sum")
    sums()
    b.store(I64(0), sweep)

    def going():
        sums()
        small = b.fcmp_unordered("<=", b.load(off), b.fmul(b.load(total), R(1e-36)))
        return b.and_(b.icmp_signed("<", b.load(sweep), I64(100)), b.not_(small))

    def one_sweep():
        def pair_p(p):
            def pair_q(d):
                q = b.add(b.add(p, I64(1)), d)
                apq = b.load(at(a, p, q))
                r2 = magnitude2(apq)
                with b.if_then(b.fcmp_ordered(">", r2, R(0.0))):
                    r = libm_call(f, "sqrt", [r2])
                    phase = _scale(f, apq, b.fdiv(R(1.0), r), t)            # a_pq / |a_pq|
                    app, aqq = real_of(b.load(at(a, p, p))), real_of(b.load(at(a, q, q)))
                    theta = b.fdiv(b.fsub(aqq, app), b.fmul(R(2.0), r))
                    root = libm_call(f, "sqrt", [b.fadd(b.fmul(theta, theta), R(1.0))])
                    tt = b.fdiv(R(1.0), b.fadd(_fabs(f, theta), root))
                    tt = b.select(b.fcmp_ordered("<", theta, R(0.0)), b.fneg(tt), tt)
                    c = b.fdiv(R(1.0), libm_call(f, "sqrt", [b.fadd(b.fmul(tt, tt), R(1.0))]))
                    sn = b.fmul(tt, c)
                    # J = diag(1, conj(phase)) [[c, s], [-s, c]]: J_pp = c, J_pq = s,
                    # J_qp = -s conj(phase), J_qq = c conj(phase)
                    cph = _conj(f, phase, t)
                    jpp, jpq = of_real(c), of_real(sn)
                    jqp, jqq = _scale(f, cph, b.fneg(sn), t), _scale(f, cph, c, t)

                    def columns(m, k):          # (m J) on columns p, q
                        x, y = b.load(at(m, k, p)), b.load(at(m, k, q))
                        b.store(_add(f, _mul(f, x, jpp, t), _mul(f, y, jqp, t), t), at(m, k, p))
                        b.store(_add(f, _mul(f, x, jpq, t), _mul(f, y, jqq, t), t), at(m, k, q))

                    def rows(k):                # (J^H a) on rows p, q
                        x, y = b.load(at(a, p, k)), b.load(at(a, q, k))
                        b.store(_add(f, _mul(f, _conj(f, jpp, t), x, t), _mul(f, _conj(f, jqp, t), y, t), t),
                                at(a, p, k))
                        b.store(_add(f, _mul(f, _conj(f, jpq, t), x, t), _mul(f, _conj(f, jqq, t), y, t), t),
                                at(a, q, k))
                    _counted_loop(f, n, lambda k: columns(a, k), "syevj.cols")
                    _counted_loop(f, n, rows, "syevj.rows")
                    _counted_loop(f, n, lambda k: columns(v, k), "syevj.vecs")
                    b.store(_zero(t), at(a, p, q))
                    b.store(_zero(t), at(a, q, p))
                    for k_ in (p, q):
                        b.store(of_real(real_of(b.load(at(a, k_, k_)))), at(a, k_, k_))
            _counted_loop(f, b.sub(b.sub(n, p), I64(1)), pair_q, "syevj.q")
        _counted_loop(f, n, pair_p, "syevj.p")
        b.store(b.add(b.load(sweep), I64(1)), sweep)
    while_loop(b, going, one_sweep, "syevj.sweeps")

    # ascending eigenvalues (selection sort, the first smallest on ties), vectors alongside
    def place(i):
        best = b.alloca(I64)
        b.store(i, best)

        def look(j):
            smaller = b.fcmp_ordered("<", real_of(b.load(at(a, j, j))), real_of(b.load(at(a, b.load(best), b.load(best)))))
            b.store(b.select(smaller, j, b.load(best)), best)
        _below(f, n, i, look, "syevj.min")
        k = b.load(best)
        with b.if_then(b.icmp_signed("!=", k, i)):
            x, y = b.load(at(a, i, i)), b.load(at(a, k, k))
            b.store(y, at(a, i, i))
            b.store(x, at(a, k, k))

            def swap(r):
                x, y = b.load(at(v, r, i)), b.load(at(v, r, k))
                b.store(y, at(v, r, i))
                b.store(x, at(v, r, k))
            _counted_loop(f, n, swap, "syevj.swap")
    _counted_loop(f, n, place, "syevj.sort")

    def out(i):
        d = real_of(b.load(at(a, i, i)))
        b.store(d if rt == T.F64 else b.fpext(d, F64), b.gep(w, [i]))
        _counted_loop(f, n, lambda r: b.store(b.load(at(v, r, i)), at(a, r, i)), "syevj.out")
    _counted_loop(f, n, out, "syevj.result")
    b.ret_void()
    return fn


# ----------------------------------------------------------------------------- native Jacobi SVD

def gesvj_kernel(ctx, t: T.Scalar) -> ll.Function:
    """`void fx$gesvj.<t>(i64 m, i64 n, i8* a, i8* s, i8* u, i8* vt, i8* scratch, i64 job)` (job 2: full
    u and vt, 1: thin, 0: s alone; k = min(m, n) > 0): one-sided Jacobi on B = a (m >= n) or a^H
    (p×q, p >= q), rotating pairs of columns until they are orthogonal (V accumulating the
    rotations, a phase first making w_i^H w_j real); the singular values are the column norms,
    sorted descending; U the normalised columns, completed to an orthonormal basis by QR (the
    kernels above) where it has fewer columns than it needs.  a = B or B^H then gives u, vt."""
    fn, f = _kernel(ctx, f"fx$gesvj.{t.name}", ll.VoidType(), [I64, I64, I8P, I8P, I8P, I8P, I8P, I64])
    if f is None:
        return fn
    from fastext.compiler.lower.ircontrol import while_loop
    m, n, a_ptr, s_ptr, u_ptr, vt_ptr, scratch, job = fn.args
    b = f.b
    rt = _real(t)
    R = scalar_type(rt)
    ptr = memory_type(t).as_pointer()
    a, uo, vo = b.bitcast(a_ptr, ptr), b.bitcast(u_ptr, ptr), b.bitcast(vt_ptr, ptr)
    sv = b.bitcast(s_ptr, F64.as_pointer())
    flip = b.icmp_signed("<", m, n)
    p, q = b.select(flip, n, m), b.select(flip, m, n)
    big = p
    w = b.bitcast(scratch, ptr)                                   # p×p (B, then U)
    v = b.gep(w, [b.mul(big, big)])                               # q×q
    work = b.gep(v, [b.mul(big, big)])                            # p×p (the completion's QR) + tau
    tau = b.gep(work, [b.mul(big, big)])
    rotated, sweep = b.alloca(I1), b.alloca(I64)
    acc_a, acc_b, acc_g = b.alloca(R), b.alloca(R), b.alloca(scalar_type(t))

    def at(mat, rows, i, j):
        return b.gep(mat, [b.add(i, b.mul(j, rows))])

    def real_of(x):
        return b.extract_value(x, 0) if t.is_complex else x

    def of_real(x):
        return make_complex(f, x, x.type(0.0)) if t.is_complex else x

    def magnitude2(x):
        if not t.is_complex:
            return b.fmul(x, x)
        re, im = b.extract_value(x, 0), b.extract_value(x, 1)
        return b.fadd(b.fmul(re, re), b.fmul(im, im))

    # B (p×q) and V = I
    def load_b(j):
        def item(i):
            src = b.select(flip, at(a, m, j, i), at(a, m, i, j))
            x = b.load(src)
            b.store(b.select(flip, _conj(f, x, t), x), at(w, p, i, j))
        _counted_loop(f, p, item, "gesvj.b")
        _counted_loop(f, q, lambda i: b.store(b.select(b.icmp_signed("==", i, j), _one(t), _zero(t)), at(v, q, i, j)),
                      "gesvj.eye")
    _counted_loop(f, q, load_b, "gesvj.load")

    b.store(I64(0), sweep)
    b.store(I1(1), rotated)

    def going():
        return b.and_(b.load(rotated), b.icmp_signed("<", b.load(sweep), I64(80)))

    def one_sweep():
        b.store(I1(0), rotated)

        def pair_i(i):
            def pair_j(d):
                j = b.add(b.add(i, I64(1)), d)
                b.store(R(0.0), acc_a)
                b.store(R(0.0), acc_b)
                b.store(_zero(t), acc_g)

                def dot(r):
                    x, y = b.load(at(w, p, r, i)), b.load(at(w, p, r, j))
                    b.store(b.fadd(b.load(acc_a), magnitude2(x)), acc_a)
                    b.store(b.fadd(b.load(acc_b), magnitude2(y)), acc_b)
                    b.store(_add(f, b.load(acc_g), _mul(f, _conj(f, x, t), y, t), t), acc_g)
                _counted_loop(f, p, dot, "gesvj.dot")
                alpha, beta, gamma = b.load(acc_a), b.load(acc_b), b.load(acc_g)
                g = libm_call(f, "sqrt", [magnitude2(gamma)])
                limit = b.fmul(R(2.220446049250313e-16), libm_call(f, "sqrt", [b.fmul(alpha, beta)]))
                with b.if_then(b.fcmp_ordered(">", g, limit)):
                    b.store(I1(1), rotated)
                    phase = _conj(f, _scale(f, gamma, b.fdiv(R(1.0), g), t), t)     # conj(gamma / |gamma|)
                    zeta = b.fdiv(b.fsub(beta, alpha), b.fmul(R(2.0), g))
                    tt = b.fdiv(R(1.0), b.fadd(_fabs(f, zeta), libm_call(f, "sqrt", [b.fadd(R(1.0), b.fmul(zeta, zeta))])))
                    tt = b.select(b.fcmp_ordered("<", zeta, R(0.0)), b.fneg(tt), tt)
                    c = b.fdiv(R(1.0), libm_call(f, "sqrt", [b.fadd(R(1.0), b.fmul(tt, tt))]))
                    sn = b.fmul(c, tt)

                    def rotate(mat, rows, r):
                        x = b.load(at(mat, rows, r, i))
                        y = _mul(f, b.load(at(mat, rows, r, j)), phase, t) if t.is_complex else b.load(at(mat, rows, r, j))
                        if not t.is_complex:
                            y = b.select(b.fcmp_ordered("<", gamma, R(0.0)), b.fneg(y), y)
                        b.store(_sub(f, _scale(f, x, c, t), _scale(f, y, sn, t), t), at(mat, rows, r, i))
                        b.store(_add(f, _scale(f, x, sn, t), _scale(f, y, c, t), t), at(mat, rows, r, j))
                    _counted_loop(f, p, lambda r: rotate(w, p, r), "gesvj.rot.w")
                    _counted_loop(f, q, lambda r: rotate(v, q, r), "gesvj.rot.v")
            _counted_loop(f, b.sub(b.sub(q, i), I64(1)), pair_j, "gesvj.j")
        _counted_loop(f, q, pair_i, "gesvj.i")
        b.store(b.add(b.load(sweep), I64(1)), sweep)
    while_loop(b, going, one_sweep, "gesvj.sweeps")

    # singular values: the column norms (kept in sv), sorted descending with their columns
    def norm(j):
        b.store(R(0.0), acc_a)
        _counted_loop(f, p, lambda r: b.store(b.fadd(b.load(acc_a), magnitude2(b.load(at(w, p, r, j)))), acc_a),
                      "gesvj.norm")
        x = libm_call(f, "sqrt", [b.load(acc_a)])
        b.store(x if rt == T.F64 else b.fpext(x, F64), b.gep(sv, [j]))
    _counted_loop(f, q, norm, "gesvj.norms")

    def place(i):
        best = b.alloca(I64)
        b.store(i, best)
        _below(f, q, i, lambda j: b.store(b.select(b.fcmp_ordered(">", b.load(b.gep(sv, [j])),
                                                                   b.load(b.gep(sv, [b.load(best)]))), j, b.load(best)),
                                           best), "gesvj.max")
        kk = b.load(best)
        with b.if_then(b.icmp_signed("!=", kk, i)):
            x, y = b.load(b.gep(sv, [i])), b.load(b.gep(sv, [kk]))
            b.store(y, b.gep(sv, [i]))
            b.store(x, b.gep(sv, [kk]))
            for mat, rows in ((w, p), (v, q)):
                def swap(r, mat=mat, rows=rows):
                    x, y = b.load(at(mat, rows, r, i)), b.load(at(mat, rows, r, kk))
                    b.store(y, at(mat, rows, r, i))
                    b.store(x, at(mat, rows, r, kk))
                _counted_loop(f, rows, swap, "gesvj.swap")
    _counted_loop(f, q, place, "gesvj.sort")

    with b.if_then(b.icmp_signed("!=", job, I64(0))):
        # U: the normalised columns of nonzero norm (r of them), completed by QR to `need` columns
        need = b.select(b.icmp_signed("==", job, I64(2)), p, q)
        count = b.alloca(I64)
        b.store(I64(0), count)

        def unit(j):
            x = b.load(b.gep(sv, [j]))
            with b.if_then(b.fcmp_ordered(">", x, F64(0.0))):
                b.store(b.add(j, I64(1)), count)
                inv = b.fdiv(R(1.0), x if rt == T.F64 else b.fptrunc(x, R))
                _counted_loop(f, p, lambda r: b.store(_scale(f, b.load(at(w, p, r, j)), inv, t), at(w, p, r, j)),
                              "gesvj.unit")
        _counted_loop(f, q, unit, "gesvj.units")
        r_ = b.load(count)
        with b.if_then(b.icmp_signed("<", r_, need)):
            _counted_loop(f, r_, lambda j: _counted_loop(f, p, lambda r: b.store(b.load(at(w, p, r, j)), at(work, p, r, j)),
                                                          "gesvj.copy"), "gesvj.copies")
            b.call(geqrf_kernel(ctx, t), [p, r_, b.bitcast(work, I8P), b.bitcast(tau, I8P)])
            b.call(orgqr_kernel(ctx, t), [p, need, r_, b.bitcast(work, I8P), b.bitcast(tau, I8P)])
            _counted_loop(f, b.sub(need, r_), lambda d: _counted_loop(
                f, p, lambda r: b.store(b.load(at(work, p, r, b.add(r_, d))), at(w, p, r, b.add(r_, d))),
                "gesvj.fill"), "gesvj.complete")
        # a = B (u = U, vt = V^H) or B^H (u = V, vt = U^H); u is m×ucols, vt vrows×n (column-major)
        ucols = b.select(b.icmp_signed("==", job, I64(2)), m, q)
        vrows = b.select(b.icmp_signed("==", job, I64(2)), n, q)

        def put_u(j):
            _counted_loop(f, m, lambda i: b.store(b.select(flip, b.load(at(v, q, i, j)), b.load(at(w, p, i, j))),
                                                  at(uo, m, i, j)), "gesvj.u")
        _counted_loop(f, ucols, put_u, "gesvj.us")

        def put_vt(j):
            _counted_loop(f, vrows, lambda i: b.store(
                _conj(f, b.select(flip, b.load(at(w, p, j, i)), b.load(at(v, q, j, i))), t), at(vo, vrows, i, j)),
                "gesvj.vt")
        _counted_loop(f, n, put_vt, "gesvj.vts")
    b.ret_void()
    return fn


def lstsq_kernel(ctx, t: T.Scalar) -> ll.Function:
    """`i64 fx$lstsq.<t>(i64 m, i64 n, i64 nr, i8* a, i8* b, i64 ldb, i8* s, double rcond, i8* x, i8* scratch)`:
    the minimum-norm least-squares solutions of a x = b's columns from the thin SVD of a (fx$gesvj):
    x = sum over the singular values above rcond * s_max (machine precision for rcond < 0) of
    v_i (u_i^H b) / s_i; then b's first n rows are x and rows n..m the residual b - a x (whose
    squares sum to LAPACK's residual).  Returns the rank."""
    fn, f = _kernel(ctx, f"fx$lstsq.{t.name}", I64, [I64, I64, I64, I8P, I8P, I64, I8P, F64, I8P, I8P])
    if f is None:
        return fn
    m, n, nr, a_ptr, b_ptr, ldb, s_ptr, rcond, x_ptr, scratch = fn.args
    b = f.b
    ptr = memory_type(t).as_pointer()
    a, bb, xs = b.bitcast(a_ptr, ptr), b.bitcast(b_ptr, ptr), b.bitcast(x_ptr, ptr)
    sv = b.bitcast(s_ptr, F64.as_pointer())
    big = b.select(b.icmp_signed(">", m, n), m, n)
    k = b.select(b.icmp_signed("<", m, n), m, n)
    square = b.mul(big, big)
    u = b.bitcast(scratch, ptr)
    vt = b.gep(u, [square])
    rest = b.gep(vt, [square])
    b.call(gesvj_kernel(ctx, t), [m, n, a_ptr, s_ptr, b.bitcast(u, I8P), b.bitcast(vt, I8P), b.bitcast(rest, I8P),
                                  I64(1)])
    eps = F64(2.220446049250313e-16)
    limit = b.fmul(b.select(b.fcmp_ordered("<", rcond, F64(0.0)), eps, rcond), b.load(sv))
    rank = b.alloca(I64)
    b.store(I64(0), rank)
    _counted_loop(f, k, lambda i: b.store(b.select(b.fcmp_ordered(">", b.load(b.gep(sv, [i])), limit),
                                                   b.add(b.load(rank), I64(1)), b.load(rank)), rank), "lstsq.rank")
    r = b.load(rank)
    acc = b.alloca(scalar_type(t))
    rt = _real(t)

    def column(c):
        xcol, bcol = b.gep(xs, [b.mul(c, n)]), b.gep(bb, [b.mul(c, ldb)])
        _counted_loop(f, n, lambda j: b.store(_zero(t), b.gep(xcol, [j])), "lstsq.zero")

        def term(i):               # x += v_i (u_i^H b) / s_i, u m×k and vt k×n column-major
            b.store(_zero(t), acc)
            _counted_loop(f, m, lambda row: b.store(_add(f, b.load(acc), _mul(
                f, _conj(f, b.load(b.gep(u, [b.add(row, b.mul(i, m))])), t), b.load(b.gep(bcol, [row])), t), t), acc),
                "lstsq.dot")
            si = b.load(b.gep(sv, [i]))
            coef = _scale(f, b.load(acc), b.fdiv(R1(rt), si if rt == T.F64 else b.fptrunc(si, scalar_type(rt))), t)
            _counted_loop(f, n, lambda j: b.store(_add(f, b.load(b.gep(xcol, [j])), _mul(
                f, coef, _conj(f, b.load(b.gep(vt, [b.add(i, b.mul(j, k))])), t), t), t), b.gep(xcol, [j])), "lstsq.add")
        _counted_loop(f, r, term, "lstsq.terms")

        def residual(row):         # b - a x, kept in rows n..m (their squares: the residual)
            b.store(b.load(b.gep(bcol, [row])), acc)
            _counted_loop(f, n, lambda j: b.store(_minus_product(f, b.load(acc), b.load(b.gep(a, [b.add(row, b.mul(j, m))])),
                                                                 b.load(b.gep(xcol, [j])), t), acc), "lstsq.ax")
            return b.load(acc)
        # residual of the rows n..m only matters where rank == n < m; the whole residual's squares
        # are put in rows n..m: row n holds its norm, the others zero
        b.store(R1(rt, 0.0), norm2)
        _counted_loop(f, m, lambda row: b.store(b.fadd(b.load(norm2), _abs2(f, residual(row), t)), norm2), "lstsq.res")
        with b.if_then(b.icmp_signed(">", m, n)):
            _counted_loop(f, b.sub(m, n), lambda d: b.store(_zero(t), b.gep(bcol, [b.add(n, d)])), "lstsq.clear")
            root = libm_call(f, "sqrt", [b.load(norm2)])
            b.store(make_complex(f, root, root.type(0.0)) if t.is_complex else root, b.gep(bcol, [n]))
        _counted_loop(f, n, lambda j: b.store(b.load(b.gep(xcol, [j])), b.gep(bcol, [j])), "lstsq.x")
    norm2 = b.alloca(scalar_type(rt))
    _counted_loop(f, nr, column, "lstsq.columns")
    b.ret(r)
    return fn


def R1(rt: T.Scalar, value: float = 1.0) -> ll.Constant:
    return scalar_type(rt)(value)


def _abs2(f, v, t: T.Scalar):
    b = f.b
    if not t.is_complex:
        return b.fmul(v, v)
    re, im = b.extract_value(v, 0), b.extract_value(v, 1)
    return b.fadd(b.fmul(re, re), b.fmul(im, im))
