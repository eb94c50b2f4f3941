"""Linear algebra: `a @ b`, `np.matmul`, `np.dot`, `a.dot(b)`, `np.inner`, `np.outer`, `np.vdot`,
`np.trace`, `np.einsum`, `np.linalg.solve`, `inv`, `det`, `slogdet`, `cholesky`, `qr`, `eigh`, `eigvalsh`, `eig`, `eigvals`, `svd`, `lstsq`.

Typing is `frontend/linalg.py`; products are lowered by `lower/linalg.py`, which calls the
BLAS NumPy itself uses (found at import by `abi/blas.py`) for float and complex matrices,
and native loop nests (`lower/gemm.py`) for integers, booleans and when no BLAS was found.
`np.inner` is typed as a `np.dot` with the second operand transposed, `np.outer` as an
element-wise product (one fused loop), `np.vdot` as the `np.dot` of the raveled operands
(the first conjugated), `np.einsum` as views, a fused product and a sum, or a product
(`frontend/einsum.py`), so none of them has a lowering of its own.  `np.linalg.solve`, `inv`, `det`
and `slogdet` (`lower/lapack.py`) call LAPACK from the same library, and native LU code without it.
"""
from __future__ import annotations

from fastext.compiler.ops import Op, add, deferred, npsource


def _check(fc, node, op, shown, receiver=None):
    from fastext.compiler.frontend.linalg import linalg_call
    return linalg_call(fc, node, op, shown, receiver)


def _lower_product(fl, e, args):
    from fastext.compiler.lower.linalg import lower_product
    return lower_product(fl, e, args)


def _lower_trace(fl, e, args):
    from fastext.compiler.lower.trace import lower_trace
    return lower_trace(fl, e, args)


def _lower_store(fl, e, args):
    from fastext.compiler.lower.linalg import lower_store_product
    return lower_store_product(fl, e, args)


_PRODUCT = dict(lower=_lower_product, loops=True, allocates=True, numpy_scalar=True, group="linalg")

add(Op("linalg.matmul", spellings=("numpy.matmul",), check=_check, signature="a @ b, np.matmul(a, b)",
       doc="matrix product: BLAS gemm/gemv/dot for floats and complex numbers, vectors as NumPy treats them, "
           "stacks of matrices broadcast", data={"kind": "matmul"}, **_PRODUCT))
add(Op("linalg.dot", spellings=("numpy.dot", "ndarray.dot"), check=_check, signature="np.dot(a, b), a.dot(b)",
       doc="dot product (1-D and 2-D operands as a @ b; a scalar operand multiplies)", data={"kind": "dot"},
       **_PRODUCT))
add(Op("linalg.inner", spellings=("numpy.inner",), check=_check, signature="np.inner(a, b)",
       doc="sum over the last axes: np.dot(a, b.T) for 1-D and 2-D operands", data={"kind": "inner"},
       group="linalg"))
add(Op("linalg.outer", spellings=("numpy.outer",), check=_check, signature="np.outer(a, b)",
       doc="outer product a[i] * b[j] of two vectors (one fused loop)", data={"kind": "outer"}, group="linalg"))
add(Op("linalg.vdot", spellings=("numpy.vdot",), check=_check, signature="np.vdot(a, b)",
       doc="dot product of the flattened arrays, the first one conjugated", data={"kind": "vdot"}, group="linalg"))
add(Op("linalg.trace", spellings=("numpy.trace", "ndarray.trace"), check=_check, lower=_lower_trace, loops=True,
       numpy_scalar=True, group="linalg", signature="np.trace(a, offset=0), a.trace(offset=0)",
       doc="sum of a diagonal of a matrix (NumPy's sum dtype and pairwise summation)", data={"kind": "trace"}))
add(Op("linalg.store_product", lower=_lower_store, loops=True, writes=(0,), pure=False, group="linalg",
       signature="a @= b", doc="in-place matrix product: the result must have a's shape (cast same_kind)",
       data={"kind": "imatmul"}))

add(Op("linalg.einsum", spellings=("numpy.einsum",), check=deferred("fastext.compiler.frontend.einsum", "einsum_call"),
       group="linalg", signature="np.einsum(subscripts, *operands, optimize=False)",
       doc="Einstein summation, subscripts a constant string ('ij,jk->ik', implicit 'ij,jk', diagonals 'ii->i'; "
           "no '...'): aligned views, one fused product and one sum in NumPy's result dtype; matrix-product forms "
           "through BLAS as @; optimize= is ignored"))


def _check_lapack(fc, node, op, shown, receiver=None):
    from fastext.compiler.frontend.linalg import lapack_call
    return lapack_call(fc, node, op, shown)


def _lower_lapack(fl, e, args):
    from fastext.compiler.lower.lapack import lower_lapack
    return lower_lapack(fl, e, args)


_LAPACK = dict(check=_check_lapack, lower=_lower_lapack, loops=True, group="linalg")
_SQUARE = "of a square matrix (LAPACK's ?getrf from NumPy's own library, else native LU)"

add(Op("linalg.solve", spellings=("numpy.linalg.solve",), allocates=True, signature="np.linalg.solve(a, b)",
       doc="x with a @ x == b, b a vector or a matrix (LAPACK's ?gesv, as NumPy; native LU without it): "
           "LinAlgError for a singular a", data={"kind": "solve"}, **_LAPACK))
add(Op("linalg.inv", spellings=("numpy.linalg.inv",), allocates=True, signature="np.linalg.inv(a)",
       doc="inverse of a square matrix (?gesv of the identity, as NumPy): LinAlgError for a singular a",
       data={"kind": "inv"}, **_LAPACK))
add(Op("linalg.cholesky", spellings=("numpy.linalg.cholesky",), allocates=True, signature="np.linalg.cholesky(a)",
       doc="the lower-triangular L with a = L @ L.conj().T (LAPACK's ?potrf from NumPy's own library, as NumPy; "
           "native Cholesky without it): LinAlgError for a matrix that is not positive definite",
       data={"kind": "cholesky"}, **_LAPACK))
add(Op("linalg.qr", spellings=("numpy.linalg.qr",), allocates=True, signature="np.linalg.qr(a, mode='reduced')",
       doc="the tuple (q, r) with a = q @ r, q's columns orthonormal, r upper triangular (LAPACK's ?geqrf and "
           "?orgqr from NumPy's own library, as NumPy; native Householder QR without it); mode 'complete' or "
           "'r' (r alone)", data={"kind": "qr"}, **_LAPACK))
add(Op("linalg.eigh", spellings=("numpy.linalg.eigh",), allocates=True, signature="np.linalg.eigh(a, UPLO='L')",
       doc="(w, v): the eigenvalues of a Hermitian matrix, ascending, and the eigenvectors as v's columns "
           "(LAPACK's ?syevd/?heevd from NumPy's own library, as NumPy; Jacobi rotations without it)",
       data={"kind": "eigh"}, **_LAPACK))
add(Op("linalg.eigvalsh", spellings=("numpy.linalg.eigvalsh",), allocates=True,
       signature="np.linalg.eigvalsh(a, UPLO='L')", doc="the eigenvalues of a Hermitian matrix, ascending (?syevd 'N')",
       data={"kind": "eigvalsh"}, **_LAPACK))
add(Op("linalg.eig", spellings=("numpy.linalg.eig",), allocates=True, signature="np.linalg.eig(a)",
       doc="(w, v): the eigenvalues of a real square matrix and the eigenvectors as v's columns, LAPACK's dgeev from "
           "NumPy's own library as NumPy calls it; always complex (NumPy: real when every eigenvalue is real); "
           "LinAlgError without LAPACK", data={"kind": "eig"}, **_LAPACK))
add(Op("linalg.eigvals", spellings=("numpy.linalg.eigvals",), allocates=True, signature="np.linalg.eigvals(a)",
       doc="the eigenvalues of a real square matrix (dgeev, jobvr 'N'), complex as np.linalg.eig's",
       data={"kind": "eigvals"}, **_LAPACK))
add(Op("linalg.svd", spellings=("numpy.linalg.svd",), allocates=True,
       signature="np.linalg.svd(a, full_matrices=True, compute_uv=True)",
       doc="(u, s, vh) with a = u @ np.diag(s) @ vh, s descending (LAPACK's ?gesdd from NumPy's own library, as "
           "NumPy; one-sided Jacobi without it); compute_uv=False: s alone",
       data={"kind": "svd"}, **_LAPACK))
add(Op("linalg.lstsq", spellings=("numpy.linalg.lstsq",), allocates=True, signature="np.linalg.lstsq(a, b, rcond=None)",
       doc="(x, residuals, rank, s): the minimum-norm x minimising |b - a x| (LAPACK's ?gelsd from NumPy's own "
           "library, as NumPy; the Jacobi SVD without it)", data={"kind": "lstsq"}, **_LAPACK))
add(Op("linalg.det", spellings=("numpy.linalg.det",), numpy_scalar=True, signature="np.linalg.det(a)",
       doc=f"determinant {_SQUARE}: sign * exp(log-determinant), as NumPy", data={"kind": "det"}, **_LAPACK))
add(Op("linalg.slogdet", spellings=("numpy.linalg.slogdet",), signature="np.linalg.slogdet(a)",
       doc=f"(sign, log|det|) {_SQUARE}, a tuple", data={"kind": "slogdet"}, **_LAPACK))

add(Op("linalg.cross", spellings=("numpy.cross",), check=deferred("fastext.compiler.frontend.compose_more", "cross"),
       group="linalg", signature="np.cross(a, b)",
       doc="cross product of 3-item vectors along the last axis (others broadcast): views, one fused product per "
           "component, a concatenation; ValueError for other lengths (2-item vectors included)"))
add(Op("linalg.kron", spellings=("numpy.kron",), check=deferred("fastext.compiler.frontend.compose_more", "kron"),
       group="linalg", signature="np.kron(a, b)",
       doc="Kronecker product: a[:, None, :, None] * b[None, :, None, :] reshaped (the lower rank padded with "
           "leading axes of size 1)"))
add(Op("linalg.matrix_power", spellings=("numpy.linalg.matrix_power",),
       check=deferred("fastext.compiler.frontend.matpower", "matrix_power"), group="linalg",
       signature="np.linalg.matrix_power(a, n)",
       doc="a square matrix to a constant integer power: NumPy's products (binary decomposition of n; "
           "n < 0 through inv, 0 the identity in a's dtype, 1 `a` itself), unrolled"))

add(Op("np.polyfit", spellings=("numpy.polyfit",), check=npsource("polyfit"), group="linalg",
       signature="np.polyfit(x, y, deg, rcond=None, w=None)",
       doc="least-squares polynomial coefficients (highest power first; a 2-D y: one column per fit): NumPy's "
           "steps — the Vandermonde matrix, its columns scaled to unit norm, np.linalg.lstsq, the scale divided out"))
add(Op("np.polyval", spellings=("numpy.polyval",), check=npsource("polyval"), group="linalg",
       signature="np.polyval(p, x)",
       doc="the polynomial p (highest power first, a 1-D array) at x (a number or an array): NumPy's Horner loop "
           "y = y * x + p[i]"))
add(Op("np.vander", spellings=("numpy.vander",), check=npsource("vander"), group="creation",
       signature="np.vander(x, N=None, increasing=False)",
       doc="the Vandermonde matrix of a 1-D x: powers as NumPy's running products, x's dtype promoted with int64"))
add(Op("linalg.pinv", spellings=("numpy.linalg.pinv",), check=npsource("pinv"), group="linalg",
       signature="np.linalg.pinv(a, rcond=None)",
       doc="the Moore-Penrose pseudo-inverse of a matrix through np.linalg.svd, NumPy's steps (singular values "
           "above rcond * max, rcond 1e-15 by default)"))
add(Op("linalg.matrix_rank", spellings=("numpy.linalg.matrix_rank",), check=npsource("matrix_rank"),
       group="linalg", signature="np.linalg.matrix_rank(A, tol=None)",
       doc="the number of singular values above tol (default max(s) * max(m, n) * eps, NumPy's); a vector: 1 "
           "unless all zero"))
add(Op("linalg.tensordot", spellings=("numpy.tensordot",),
       check=deferred("fastext.compiler.frontend.einsum", "tensordot_call"), group="linalg",
       signature="np.tensordot(a, b, axes=2)",
       doc="the sum over paired axes (an int N: a's last N with b's first N; or two constant sequences), a's free "
           "axes then b's: the np.einsum it spells ('ijk,jkl->il')"))
