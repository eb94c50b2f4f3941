"""np.einsum in .fx code (tests/test_np_einsum.py): each function is compiled and compared with
the same file run by NumPy (values, shapes, dtypes).  The matrix-product forms run through the
BLAS-backed product, the others as aligned views, one fused product and one sum."""
import numpy as np
from fastext import boolean, c64, c128, f32, f64, i8, i32, i64, u8


# ---------------------------------------------------------------- matrix products (BLAS, as @)

def matmul(a: f64[:, :], b: f64[:, :]) -> f64[:, :]:
    return np.einsum('ij,jk->ik', a, b)


def matmul_implicit(a: f64[:, :], b: f64[:, :]) -> f64[:, :]:
    return np.einsum('ij,jk', a, b)


def matmul_spaced(a: f64[:, :], b: f64[:, :]) -> f64[:, :]:
    return np.einsum('ij, jk -> ik', a, b, optimize=True)


def matmul_out_t(a: f64[:, :], b: f64[:, :]) -> f64[:, :]:
    return np.einsum('ij,jk->ki', a, b)


def at_b(a: f64[:, :], b: f64[:, :]) -> f64[:, :]:
    return np.einsum('ji,jk->ik', a, b)


def a_bt(a: f64[:, :], b: f64[:, :]) -> f64[:, :]:
    return np.einsum('ij,kj->ik', a, b)


def matvec(a: f64[:, :], x: f64[:]) -> f64[:]:
    return np.einsum('ij,j->i', a, x)


def vecmat(x: f64[:], a: f64[:, :]) -> f64[:]:
    return np.einsum('i,ij->j', x, a)


def matvec_t(a: f64[:, :], x: f64[:]) -> f64[:]:
    return np.einsum('ji,j', a, x)


def dot(x: f64[:], y: f64[:]) -> f64:
    return np.einsum('i,i->', x, y)


def dot_implicit(x: f64[:], y: f64[:]) -> f64:
    return np.einsum('i,i', x, y)


def batched(a: f64[:, :, :], b: f64[:, :, :]) -> f64[:, :, :]:
    return np.einsum('bij,bjk->bik', a, b)


def batched_moved(a: f64[:, :, :], b: f64[:, :, :]) -> f64[:, :, :]:
    return np.einsum('ibj,jbk->kbi', a, b)


def matmul_f32(a: f32[:, :], b: f32[:, :]) -> f32[:, :]:
    return np.einsum('ij,jk->ik', a, b)


def matmul_c128(a: c128[:, :], b: c128[:, :]) -> c128[:, :]:
    return np.einsum('ij,jk->ik', a, b)


def matmul_i32(a: i32[:, :], b: i32[:, :]) -> i32[:, :]:
    return np.einsum('ij,jk->ik', a, b)


def matmul_mixed(a: i32[:, :], b: f32[:, :]) -> f64[:, :]:
    return np.einsum('ij,jk->ik', a, b)


def dot_bool(x: boolean[:], y: boolean[:]) -> bool:
    return np.einsum('i,i', x, y)


def matmul_views(a: f64[:, :], b: f64[:, :]) -> f64[:, :]:
    return np.einsum('ij,jk->ik', a[1:, ::2], b.T[::2, :])


# ---------------------------------------------------------------- one operand

def trace(a: f64[:, :]) -> f64:
    return np.einsum('ii', a)


def trace_i32(a: i32[:, :]) -> i32:
    return np.einsum('ii->', a)


def diagonal(a: f64[:, :]) -> f64[:]:
    return np.einsum('ii->i', a)


def diagonal3(a: f64[:, :, :]) -> f64[:]:
    return np.einsum('iii->i', a)


def partial_diagonal(a: f64[:, :, :]) -> f64[:, :]:
    return np.einsum('iji->ji', a)


def transpose(a: f64[:, :]) -> f64[:, :]:
    return np.einsum('ij->ji', a)


def transpose_implicit(a: f64[:, :]) -> f64[:, :]:
    return np.einsum('ba', a)


def identity(a: f64[:, :]) -> f64[:, :]:
    return np.einsum('ij', a)


def rows(a: f64[:, :]) -> f64[:]:
    return np.einsum('ij->i', a)


def cols(a: f64[:, :]) -> f64[:]:
    return np.einsum('ij->j', a)


def total(a: f64[:, :, :]) -> f64:
    return np.einsum('ijk->', a)


def middle(a: f64[:, :, :]) -> f64[:]:
    return np.einsum('ijk->j', a)


def permute3(a: f64[:, :, :]) -> f64[:, :, :]:
    return np.einsum('ijk->kij', a)


def rows_i8(a: i8[:, :]) -> i8[:]:
    return np.einsum('ij->i', a)


def rows_u8(a: u8[:, :]) -> u8[:]:
    return np.einsum('ij->i', a)


def any_bool(a: boolean[:, :]) -> boolean[:]:
    return np.einsum('ij->j', a)


def cols_c64(a: c64[:, :]) -> c64[:]:
    return np.einsum('ij->j', a)


# ---------------------------------------------------------------- general contractions

def hadamard(a: f64[:, :], b: f64[:, :]) -> f64[:, :]:
    return np.einsum('ij,ij->ij', a, b)


def row_dots(a: f64[:, :], b: f64[:, :]) -> f64[:]:
    return np.einsum('ij,ij->i', a, b)


def frobenius(a: f64[:, :], b: f64[:, :]) -> f64:
    return np.einsum('ij,ij', a, b)


def trace_of_product(a: f64[:, :], b: f64[:, :]) -> f64:
    return np.einsum('ij,ji', a, b)


def outer(x: f64[:], y: f64[:]) -> f64[:, :]:
    return np.einsum('i,j->ij', x, y)


def outer_implicit_order(x: f64[:], y: f64[:]) -> f64[:, :]:
    return np.einsum('j,i', x, y)


def scale_rows(a: f64[:, :], x: f64[:]) -> f64[:, :]:
    return np.einsum('ij,i->ij', a, x)


def batched_matvec(a: f64[:, :, :], x: f64[:, :]) -> f64[:, :]:
    return np.einsum('bij,bj->bi', a, x)


def tensordot(a: f64[:, :, :], b: f64[:, :]) -> f64[:, :]:
    return np.einsum('ijk,jl->il', a, b)


def two_summed(a: f64[:, :, :], b: f64[:, :, :]) -> f64[:]:
    return np.einsum('ijk,jki->i', a, b)


def with_diagonal(a: f64[:, :], x: f64[:]) -> f64[:]:
    return np.einsum('ii,i->i', a, x)


def sum_only_left(a: f64[:, :], b: f64[:, :]) -> f64[:, :]:
    return np.einsum('ij,jk->jk', a, b)


def chain3(a: f64[:, :], b: f64[:, :], c: f64[:, :]) -> f64[:, :]:
    return np.einsum('ij,jk,kl->il', a, b, c)


def bilinear(x: c128[:], a: c128[:, :], y: c128[:]) -> c128:
    return np.einsum('i,ij,j', x, a, y)


def triple_hadamard(a: f32[:], b: f32[:], c: f32[:]) -> f32:
    return np.einsum('i,i,i->', a, b, c)


def mixed_i8_f32(a: i8[:, :], b: f32[:, :]) -> f32[:]:
    return np.einsum('ij,ij->j', a, b)


def int_wraps(a: i8[:], b: i8[:]) -> i8[:, :]:
    return np.einsum('i,j->ij', a, b)


def complex_rows(a: c128[:, :], b: c128[:, :]) -> c128[:]:
    return np.einsum('ij,ij->i', a, b)


def uppercase(a: f64[:, :], b: f64[:, :]) -> f64[:, :]:
    return np.einsum('Ab,bC->CA', a, b)


def of_expressions(a: f64[:, :], b: f64[:, :]) -> f64[:]:
    return np.einsum('ij,ij->j', a * 2.0 - 1.0, np.sqrt(b)) + 1.0


def in_a_loop(a: f64[:, :, :], x: f64[:]) -> f64:
    s = 0.0
    for k in range(a.shape[0]):
        s += np.einsum('i,ij,j', x, a[k], x)
    return s
