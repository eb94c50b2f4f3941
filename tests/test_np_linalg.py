"""Linear algebra in `.fx` code (docs/numpy-linalg.md): `a @ b`, `np.matmul`, `np.dot`, `a.dot(b)`,
`np.inner`, `np.outer`, `np.trace`, `a @= b`.

Differential: every compiled result is compared with the same source run as plain Python
with real NumPy (`fxload.interpreted`) — dtype and shape exactly, integers and booleans
exactly, floats within a tolerance scaled by the length of the sums (BLAS orders them
differently from NumPy's own calls only where NumPy does not call the same BLAS routine).
Operands come in every layout BLAS can read in place (C order, Fortran order, a transposed
view, rows of a wider array) and every one it cannot (non-unit and negative strides,
repeated rows with stride 0, an unaligned buffer), and in the shapes that are special cases
(empty, 1×n, n×1, k = 0).  Shape errors must raise NumPy's ValueError with NumPy's message.
The native loops that replace BLAS when none is found are run in a child process with
`FASTEXT_BLAS=0`.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import textwrap

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fxload
from fastext.compiler.diagnostics import CompileError
from fastext.compiler.driver import compile_file, compile_source

# dialect name -> (NumPy dtype, scalar annotation of a vector . vector result, trace's result)
DTYPES = {
    "f64": (np.float64, "f64", "f64"), "f32": (np.float32, "f32", "f32"),
    "c128": (np.complex128, "c128", "c128"), "c64": (np.complex64, "c64", "c64"),
    "i64": (np.int64, "i64", "i64"), "i32": (np.int32, "i32", "i64"), "u8": (np.uint8, "u8", "u64"),
    "boolean": (np.bool_, "bool", "i64"),
}

TEMPLATE = '''
def mm_{t}(a: {t}[:, :], b: {t}[:, :]) -> {t}[:, :]:
    return a @ b

def dot_{t}(a: {t}[:, :], b: {t}[:, :]) -> {t}[:, :]:
    return np.dot(a, b)

def mv_{t}(a: {t}[:, :], x: {t}[:]) -> {t}[:]:
    return a @ x

def vm_{t}(x: {t}[:], b: {t}[:, :]) -> {t}[:]:
    return x.dot(b)

def vv_{t}(x: {t}[:], y: {t}[:]) -> {s}:
    return np.dot(x, y)

def bmm_{t}(a: {t}[:, :, :], b: {t}[:, :, :]) -> {t}[:, :, :]:
    return np.matmul(a, b)

def tr_{t}(a: {t}[:, :], k: i64) -> {r}:
    return np.trace(a, k)
'''

EXTRA = '''
def mixed_f32_i32(a: f32[:, :], b: i32[:, :]) -> f64[:, :]:
    return a @ b

def mixed_i8_u8(a: i8[:, :], x: u8[:]) -> i16[:]:
    return a @ x

def mixed_c64_f64(a: c64[:, :], b: f64[:, :]) -> c128[:, :]:
    return np.dot(a, b)

def mixed_f32_f64(x: f32[:], y: f64[:]) -> f64:
    return x @ y

def mixed_bool_i64(x: boolean[:], y: i64[:]) -> i64:
    return x @ y

def mixed_u64_i64(a: u64[:, :], b: i64[:, :]) -> f64[:, :]:
    return a @ b

def inner_mm(a: f64[:, :], b: f64[:, :]) -> f64[:, :]:
    return np.inner(a, b)

def inner_vm(x: f64[:], b: f64[:, :]) -> f64[:]:
    return np.inner(x, b)

def inner_mv(a: i64[:, :], x: i64[:]) -> i64[:]:
    return np.inner(a, x)

def inner_vv(x: c128[:], y: c128[:]) -> c128:
    return np.inner(x, y)

def outer_vv(x: f64[:], y: i32[:]) -> f64[:, :]:
    return np.outer(x, y)

def outer_f32(x: f32[:], y: f32[:]) -> f32[:, :]:
    return np.outer(x, y)

def outer_scalar(x: f32[:], s: float) -> f64[:, :]:
    return np.outer(x, s)

def dot_scalar(x: f32[:], s: float) -> f64[:]:
    return np.dot(x, s)

def dot_int_scalar(s: int, a: i8[:, :]) -> i64[:, :]:
    return np.dot(s, a)

def inner_scalar(x: f32[:], s: float) -> f64[:]:
    return np.inner(x, s)

def bmv(a: f64[:, :, :], x: f64[:]) -> f64[:, :]:
    return a @ x

def vbm(x: f64[:], b: f64[:, :, :]) -> f64[:, :]:
    return x @ b

def bmm_broadcast(a: f64[:, :, :, :], b: f64[:, :]) -> f64[:, :, :, :]:
    return a @ b

def chain(a: f64[:, :], b: f64[:, :], c: f64[:, :]) -> f64[:, :]:
    return a @ b @ c

def of_expressions(a: f64[:, :], b: f64[:, :], x: f64[:]) -> f64[:]:
    return (2.0 * a + 1.0) @ (b.T @ np.sqrt(x)) - x

def in_loop(a: f64[:, :], x: f64[:], steps: i64) -> f64[:]:
    y = x
    for _ in range(steps):
        y = a @ y
        y = y / np.sqrt(np.dot(y, y))
    return y

def gram_trace(a: f64[:, :]) -> f64:
    return np.trace(a.T @ a)

def int_power(a: i64[:, :], n: i64) -> i64[:, :]:
    r = a
    for _ in range(n - 1):
        r = r @ a
    return r

def imatmul(a: f64[:, :], b: f64[:, :]) -> None:
    a @= b

def imatmul_vec(x: f32[:], b: f32[:, :]) -> None:
    x @= b

def imatmul_cast(a: f32[:, :], b: f64[:, :]) -> None:
    a @= b

def imatmul_view(a: i64[:, :], b: i64[:, :]) -> None:
    a[1:, 1:] @= b

def trace_method(a: f32[:, :]) -> f32:
    return a.trace()

def trace_default(a: i32[:, :]) -> i64:
    return np.trace(a)
'''

HEADER = "import numpy as np\nfrom fastext import f64, f32, c128, c64, i64, i32, i16, i8, u64, u8, boolean\n"
SOURCE = HEADER + "".join(TEMPLATE.format(t=t, s=s, r=r) for t, (_, s, r) in DTYPES.items()) + EXTRA

_DIR = tempfile.mkdtemp(prefix="fastext-linalg-tests-")
PATH = os.path.join(_DIR, "np_linalg.fx")
with open(PATH, "w", encoding="utf-8") as _f:
    _f.write(SOURCE)


@pytest.fixture(scope="module")
def mods():
    return fxload.compiled(PATH), fxload.interpreted(PATH)


# ----------------------------------------------------------------------------- operands

RNG = np.random.default_rng(20260)


def values(shape, dtype, rng=RNG) -> np.ndarray:
    dtype = np.dtype(dtype)
    if dtype == np.bool_:
        return rng.random(shape) < 0.5
    if dtype.kind == "c":
        return (rng.standard_normal(shape) + 1j * rng.standard_normal(shape)).astype(dtype)
    if dtype.kind == "f":
        return rng.standard_normal(shape).astype(dtype)
    info = np.iinfo(dtype)
    return rng.integers(max(info.min, -50), min(info.max, 50), shape, endpoint=True).astype(dtype)


MATRIX_LAYOUTS = ("c", "f", "transposed", "rows", "strided", "negative", "repeated", "unaligned")
VECTOR_LAYOUTS = ("c", "strided", "negative", "repeated", "unaligned")


def laid_out(shape, dtype, layout: str, rng=RNG) -> np.ndarray:
    """An operand of `shape` whose memory is arranged as `layout` says."""
    shape = tuple(shape)
    if layout == "c":
        return values(shape, dtype, rng)
    if layout == "f":
        return np.asfortranarray(values(shape, dtype, rng))
    if layout == "transposed":                    # a view with swapped strides
        return values(shape[::-1], dtype, rng).T
    if layout == "rows":                          # rows of a wider matrix: a leading dimension > columns
        return values(shape[:-1] + (shape[-1] + 3,), dtype, rng)[..., 1:shape[-1] + 1]
    if layout == "strided":
        big = values(tuple(2 * d for d in shape[:-1]) + (3 * shape[-1],), dtype, rng)
        return big[tuple(slice(None, None, 2) for _ in shape[:-1]) + (slice(None, None, 3),)]
    if layout == "negative":
        return values(shape, dtype, rng)[tuple(slice(None, None, -1) for _ in shape)]
    if layout == "repeated":                      # stride 0: every row (item) the same
        return np.broadcast_to(values(shape[-1:], dtype, rng), shape)
    if layout == "unaligned":                     # items at an odd byte offset
        src = values(shape, dtype, rng)
        raw = bytearray(src.nbytes + 1)
        arr = np.frombuffer(raw, dtype=src.dtype, offset=1, count=src.size).reshape(shape)
        arr[...] = src
        return arr
    raise ValueError(layout)


def assert_same(got, want, k: int = 1, work=None) -> None:
    """The compiled result equals NumPy's: type/dtype and shape exactly, values exactly for
    integers and booleans, within rounding of a k-term sum for floats (in `work`, the dtype the
    sum was computed in: a scalar result is a Python number)."""
    if not isinstance(want, np.ndarray):
        assert type(got) is type(want), (type(got), type(want))
        got, want = np.asarray(got), np.asarray(want)
    else:
        assert isinstance(got, np.ndarray)
        assert got.dtype == want.dtype and got.shape == want.shape, (got.dtype, got.shape, want.dtype, want.shape)
        work = want.dtype
    if want.dtype.kind in "fc":
        eps = np.finfo(work if work is not None and np.dtype(work).kind in "fc" else want.dtype).eps
        scale = max(1.0, float(np.max(np.abs(want)))) if want.size else 1.0
        np.testing.assert_allclose(got, want, rtol=0, atol=8 * eps * max(k, 1) * scale)
    else:
        np.testing.assert_array_equal(got, want)


def both(mods, name, *args, k: int = 1):
    native, oracle = mods
    want = getattr(oracle, name)(*args)
    got = getattr(native, name)(*args)
    arrays = [a for a in args if isinstance(a, np.ndarray)]
    assert_same(got, want, k, np.result_type(*arrays) if arrays else None)
    return got


# ----------------------------------------------------------------------------- products, all dtypes

SHAPES = [(0, 3, 2), (3, 0, 2), (3, 2, 0), (1, 5, 1), (1, 4, 3), (4, 1, 3), (3, 4, 1), (5, 5, 5), (17, 33, 9)]


@pytest.mark.parametrize("t", sorted(DTYPES))
@pytest.mark.parametrize("nkm", SHAPES, ids=lambda s: "x".join(map(str, s)))
def test_matrix_matrix(mods, t, nkm):
    n, k, m = nkm
    dt = DTYPES[t][0]
    a, b = values((n, k), dt), values((k, m), dt)
    both(mods, f"mm_{t}", a, b, k=k)
    both(mods, f"dot_{t}", a, b, k=k)


@pytest.mark.parametrize("t", sorted(DTYPES))
@pytest.mark.parametrize("nk", [(0, 3), (3, 0), (1, 1), (1, 6), (6, 1), (7, 5), (40, 33)], ids=str)
def test_matrix_vector(mods, t, nk):
    n, k = nk
    dt = DTYPES[t][0]
    a, x, y = values((n, k), dt), values(k, dt), values(n, dt)
    both(mods, f"mv_{t}", a, x, k=k)
    both(mods, f"vm_{t}", y, a, k=n)


@pytest.mark.parametrize("t", sorted(DTYPES))
@pytest.mark.parametrize("n", [0, 1, 2, 7, 8, 9, 100, 1001])
def test_vector_vector(mods, t, n):
    dt = DTYPES[t][0]
    both(mods, f"vv_{t}", values(n, dt), values(n, dt), k=n)


@pytest.mark.parametrize("t", sorted(DTYPES))
@pytest.mark.parametrize("shapes", [((2, 3, 4), (2, 4, 5)), ((1, 3, 4), (6, 4, 2)), ((5, 2, 3), (1, 3, 3)),
                                    ((0, 3, 4), (1, 4, 2)), ((3, 2, 0), (3, 0, 2))], ids=str)
def test_stacked(mods, t, shapes):
    dt = DTYPES[t][0]
    sa, sb = shapes
    both(mods, f"bmm_{t}", values(sa, dt), values(sb, dt), k=sa[-1])


@pytest.mark.parametrize("t", sorted(DTYPES))
@pytest.mark.parametrize("shape_offset", [((4, 4), 0), ((3, 5), 1), ((5, 3), -2), ((3, 3), 7), ((3, 3), -3),
                                          ((0, 4), 0), ((200, 150), 3)], ids=str)
def test_trace(mods, t, shape_offset):
    shape, offset = shape_offset
    dt = DTYPES[t][0]
    for layout in ("c", "transposed", "negative"):
        a = laid_out(shape, dt, layout)
        got = both(mods, f"tr_{t}", a, offset, k=max(shape))
        assert got == np.trace(a, offset).item()       # NumPy's pairwise sum of the diagonal: its bits


# ----------------------------------------------------------------------------- layouts

@pytest.mark.parametrize("t", ["f64", "f32", "c128", "c64", "i64"])
@pytest.mark.parametrize("la", MATRIX_LAYOUTS)
@pytest.mark.parametrize("lb", MATRIX_LAYOUTS)
def test_matrix_layouts(mods, t, la, lb):
    dt = DTYPES[t][0]
    n, k, m = 6, 5, 7
    a, b = laid_out((n, k), dt, la), laid_out((k, m), dt, lb)
    both(mods, f"mm_{t}", a, b, k=k)
    both(mods, f"mm_{t}", laid_out((1, k), dt, la), laid_out((k, 1), dt, lb), k=k)


@pytest.mark.parametrize("t", ["f64", "f32", "c128", "c64", "i32"])
@pytest.mark.parametrize("la", MATRIX_LAYOUTS)
@pytest.mark.parametrize("lx", VECTOR_LAYOUTS)
def test_vector_layouts(mods, t, la, lx):
    dt = DTYPES[t][0]
    a = laid_out((6, 5), dt, la)
    both(mods, f"mv_{t}", a, laid_out((5,), dt, lx), k=5)
    both(mods, f"vm_{t}", laid_out((6,), dt, lx), a, k=6)
    both(mods, f"vv_{t}", laid_out((9,), dt, lx), laid_out((9,), dt, "negative"), k=9)


@pytest.mark.parametrize("la", ["c", "transposed", "strided", "negative", "unaligned"])
def test_stacked_layouts(mods, la):
    a = laid_out((3, 4, 5), np.float64, la)
    b = laid_out((3, 5, 2), np.float64, la)
    both(mods, "bmm_f64", a, b, k=5)
    both(mods, "bmm_f64", a[:, ::-1], b[::-1], k=5)


ALIGNED = [layout for layout in MATRIX_LAYOUTS if layout != "unaligned"]


@pytest.mark.parametrize("t", ["f64", "f32", "c128", "c64"])
@pytest.mark.parametrize("nkm", [(5, 7, 3), (40, 33, 41), (1, 9, 1), (9, 1, 8), (1, 1, 7), (1, 9, 8), (8, 9, 1)],
                         ids=lambda s: "x".join(map(str, s)))
def test_matmul_bits_are_numpys(mods, t, nkm):
    """`@` makes NumPy's choice of BLAS routine (dot, gemv, gemm, syrk, its plain loop) with
    NumPy's arguments: aligned operands give NumPy's result to the bit, in every layout."""
    native, _ = mods
    n, k, m = nkm
    dt = DTYPES[t][0]
    rng = np.random.default_rng(n * 100 + k * 10 + m)
    for la in ALIGNED:
        for lb in ALIGNED:
            a, b = laid_out((n, k), dt, la, rng), laid_out((k, m), dt, lb, rng)
            np.testing.assert_array_equal(getattr(native, f"mm_{t}")(a, b), a @ b, err_msg=f"{la} @ {lb}")
            if 1 not in nkm:      # np.dot's own special cases for length-1 axes are not copied
                np.testing.assert_array_equal(getattr(native, f"dot_{t}")(a, b), np.dot(a, b), err_msg=f"dot {la} {lb}")
    a = values((n, k), dt, rng)
    gram = getattr(native, f"mm_{t}")(a, a.T)         # syrk: exactly symmetric, as NumPy's
    np.testing.assert_array_equal(gram, a @ a.T)
    np.testing.assert_array_equal(gram, gram.T)
    x = values(k, dt, rng)
    for lx in [layout for layout in VECTOR_LAYOUTS if layout != "unaligned"]:
        xv, yv = laid_out((k,), dt, lx, rng), laid_out((n,), dt, lx, rng)
        np.testing.assert_array_equal(getattr(native, f"mv_{t}")(a, xv), a @ xv)
        if n > 1:         # (np.dot of a 1-element vector is NumPy's scalar special case: axpy)
            np.testing.assert_array_equal(getattr(native, f"vm_{t}")(yv, a), yv.dot(a))
        assert getattr(native, f"vv_{t}")(xv, x) == np.dot(xv, x).item()
    a3, b3 = values((3, n, k), dt, rng), values((3, k, m), dt, rng)
    np.testing.assert_array_equal(getattr(native, f"bmm_{t}")(a3, b3), a3 @ b3)


@settings(max_examples=40, deadline=None)
@given(n=st.integers(0, 12), k=st.integers(0, 12), m=st.integers(0, 12),
       la=st.sampled_from(MATRIX_LAYOUTS), lb=st.sampled_from(MATRIX_LAYOUTS),
       t=st.sampled_from(["f64", "c64", "i64", "boolean"]), seed=st.integers(0, 2**32 - 1))
def test_random_products(mods, n, k, m, la, lb, t, seed):
    rng = np.random.default_rng(seed)
    dt = DTYPES[t][0]
    both(mods, f"mm_{t}", laid_out((n, k), dt, la, rng), laid_out((k, m), dt, lb, rng), k=k)


# ----------------------------------------------------------------------------- dtypes

def test_mixed_dtypes_promote_as_numpy(mods):
    both(mods, "mixed_f32_i32", values((3, 4), np.float32), values((4, 2), np.int32), k=4)
    both(mods, "mixed_i8_u8", values((3, 4), np.int8), values(4, np.uint8))
    both(mods, "mixed_c64_f64", values((3, 4), np.complex64), values((4, 5), np.float64), k=4)
    both(mods, "mixed_f32_f64", values(10, np.float32), values(10, np.float64), k=10)
    both(mods, "mixed_bool_i64", values(10, np.bool_), values(10, np.int64))
    both(mods, "mixed_u64_i64", values((3, 4), np.uint64), values((4, 2), np.int64), k=4)


def test_integer_products_are_exact(mods):
    """int64 products past 2**53 (a float BLAS would round them) and wrapping past 2**63, as NumPy's."""
    a = np.array([[2**40 + 1, 3], [5, 2**41 + 7]], dtype=np.int64)
    b = np.array([[2**20 + 3, 1], [1, 2**22 + 1]], dtype=np.int64)
    got = both(mods, "mm_i64", a, b)
    assert got[0, 0] == (2**40 + 1) * (2**20 + 3) + 3
    big = np.full((3, 3), 2**62, dtype=np.int64)
    both(mods, "mm_i64", big, big)
    both(mods, "mm_u8", np.full((4, 9), 200, np.uint8), np.full((9, 2), 3, np.uint8))
    both(mods, "vv_i32", np.full(1000, 2**20, np.int32), np.full(1000, 2**12, np.int32))


def test_boolean_products(mods):
    a = np.array([[True, False], [False, False]])
    both(mods, "mm_boolean", a, a)
    both(mods, "vv_boolean", np.array([False, True, True]), np.array([True, False, True]))
    both(mods, "vv_boolean", np.zeros(0, bool), np.zeros(0, bool))


def test_scalars_in_dot_inner_outer(mods):
    x = values(5, np.float32)
    both(mods, "dot_scalar", x, 2.5)
    both(mods, "inner_scalar", x, -1.5)
    both(mods, "outer_scalar", x, 3.0)
    both(mods, "dot_int_scalar", 3, values((2, 3), np.int8))


def test_inner_and_outer(mods):
    a, b = values((4, 6), np.float64), values((3, 6), np.float64)
    both(mods, "inner_mm", a, b, k=6)
    both(mods, "inner_mm", a[:, ::2], b[::-1, ::2].T.copy().T, k=3)
    both(mods, "inner_vm", values(6, np.float64), b, k=6)
    both(mods, "inner_mv", values((4, 6), np.int64), values(6, np.int64))
    both(mods, "inner_vv", values(7, np.complex128), values(7, np.complex128), k=7)
    both(mods, "outer_vv", values(4, np.float64), values(3, np.int32))
    both(mods, "outer_vv", values(0, np.float64), values(3, np.int32))
    both(mods, "outer_f32", values(5, np.float32)[::-2], values(2, np.float32))


def test_stacks_with_vectors_and_broadcasting(mods):
    both(mods, "bmv", values((3, 4, 5), np.float64), values(5, np.float64), k=5)
    both(mods, "vbm", values(4, np.float64), values((3, 4, 5), np.float64), k=4)
    both(mods, "bmm_broadcast", values((2, 3, 4, 5), np.float64), values((5, 6), np.float64), k=5)
    both(mods, "bmm_broadcast", values((2, 1, 4, 5), np.float64)[:, :, ::-1], values((5, 2), np.float64).T.copy().T,
         k=5)


def test_products_in_programs(mods):
    a, b, c = values((6, 7), np.float64), values((7, 3), np.float64), values((3, 5), np.float64)
    both(mods, "chain", a, b, c, k=21)
    both(mods, "of_expressions", values((5, 3), np.float64), values((5, 3), np.float64),
         np.abs(values(5, np.float64)), k=15)
    sym = values((8, 8), np.float64)
    both(mods, "in_loop", sym + sym.T, np.ones(8), 25, k=200)
    both(mods, "gram_trace", values((30, 20), np.float64), k=600)
    both(mods, "int_power", values((5, 5), np.int64), 6)


def test_trace_spellings(mods):
    both(mods, "trace_method", values((5, 5), np.float32), k=5)
    both(mods, "trace_default", values((4, 6), np.int32))


def test_inplace_matmul(mods):
    native, oracle = mods
    a, b = values((4, 4), np.float64), values((4, 4), np.float64)
    for f, (x, y) in [("imatmul", (a, b)), ("imatmul", (a, a)), ("imatmul_vec", (values(3, np.float32),
                                                                               values((3, 3), np.float32))),
                      ("imatmul_cast", (values((3, 3), np.float32), values((3, 3), np.float64))),
                      ("imatmul_view", (values((5, 5), np.int64), values((4, 4), np.int64)))]:
        got, want = x.copy(), x.copy()
        same = y is x
        getattr(native, f)(got, got if same else y)
        getattr(oracle, f)(want, want if same else y)
        assert_same(got, want, k=5)


# ----------------------------------------------------------------------------- run-time errors

def _error_text(fn, *args) -> str:
    with pytest.raises(ValueError) as info:
        fn(*args)
    return str(info.value)


@pytest.mark.parametrize("name,args", [
    ("mm_f64", (np.ones((2, 3)), np.ones((4, 2)))),
    ("mm_i64", (np.ones((2, 3), np.int64), np.ones((2, 3), np.int64))),
    ("dot_f64", (np.ones((2, 3)), np.ones((4, 2)))),
    ("mv_c128", (np.ones((2, 3), complex), np.ones(2, complex))),
    ("vm_f32", (np.ones(3, np.float32), np.ones((2, 3), np.float32))),
    ("vv_f64", (np.ones(3), np.ones(4))),
    ("vv_boolean", (np.ones(3, bool), np.ones(0, bool))),
    ("bmm_f64", (np.ones((2, 3, 4)), np.ones((5, 4, 2)))),
    ("bmm_i32", (np.ones((2, 3, 4), np.int32), np.ones((2, 3, 4), np.int32))),
    ("inner_mm", (np.ones((2, 3)), np.ones((2, 4)))),
    ("inner_vm", (np.ones(3), np.ones((2, 4)))),
    ("bmv", (np.ones((2, 3, 4)), np.ones(3))),
    ("imatmul", (np.ones((3, 3)), np.ones((3, 1)))),
    ("imatmul_vec", (np.ones(3, np.float32), np.ones((3, 2), np.float32))),
])
def test_shape_errors_are_numpys(mods, name, args):
    native, oracle = mods
    want = _error_text(getattr(oracle, name), *[a.copy() for a in args])
    got = _error_text(getattr(native, name), *[a.copy() for a in args])
    assert got == want


def test_errors_release_everything(mods):
    native, _ = mods
    before = native.__fastext_live_blocks__()
    for _ in range(3):
        with pytest.raises(ValueError):
            native.mixed_f32_i32(np.ones((2, 3), np.float32), np.ones((4, 2), np.int32))
        native.chain(np.ones((2, 3)), np.ones((3, 4)), np.ones((4, 2)))
    assert native.__fastext_live_blocks__() == before


# ----------------------------------------------------------------------------- which code runs

def test_numpys_blas_is_found(mods):
    native, _ = mods
    assert native.__fastext_blas__() is not None
    assert "dgemm" in native.__fastext_blas__()


def _llvm(source: str) -> str:
    path = os.path.join(_DIR, "llvm_probe.fx")
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADER + textwrap.dedent(source))
    return compile_file(path, "llvm_probe").llvm_ir


def test_integer_products_never_touch_blas():
    text = _llvm("""
        def f(a: i64[:, :], b: i64[:, :], x: i32[:]) -> i64:
            return np.trace(a @ b) + np.dot(x, x)
        """)
    assert "fx$blas" not in text and "dlsym" not in text and "fx$gemm.i64" in text


def test_float_products_call_gemm_gemv_dot():
    text = _llvm("""
        def f(a: f64[:, :], b: f64[:, :], x: f64[:]) -> f64:
            return np.dot(a @ b @ x, x)
        """)
    assert "fx$blas" in text and "dlsym" in text


FLOATS = ("f64", "f32", "c128", "c64")


@pytest.fixture(scope="module")
def float_module(tmp_path_factory) -> str:
    """The float products of TEMPLATE as a shared object for child processes."""
    from fastext.compiler.link import link_shared
    folder = tmp_path_factory.mktemp("blas")
    path = folder / "np_linalg_floats.fx"
    path.write_text(HEADER + "".join(TEMPLATE.format(t=t, s=DTYPES[t][1], r=DTYPES[t][2]) for t in FLOATS))
    so = str(folder / "np_linalg_floats.so")
    link_shared(compile_file(str(path), "np_linalg_floats").object_code, so)
    return so


CHILD = r"""
import importlib.util, sys
import numpy as np
spec = importlib.util.spec_from_file_location("np_linalg_floats", sys.argv[1])
m = importlib.util.module_from_spec(spec)
spec.loader.exec_module(m)
print(m.__fastext_blas__())
rng = np.random.default_rng(5)
for dt, tol in ((np.float64, 1e-12), (np.float32, 1e-4), (np.complex128, 1e-12), (np.complex64, 1e-4)):
    t = {np.float64: "f64", np.float32: "f32", np.complex128: "c128", np.complex64: "c64"}[dt]
    for n, k, p in ((7, 5, 3), (1, 9, 1), (64, 65, 66), (3, 0, 2)):
        a = (rng.standard_normal((n, k)) + (1j * rng.standard_normal((n, k)) if dt in (np.complex128, np.complex64) else 0)).astype(dt)
        b = rng.standard_normal((k, p)).astype(dt)
        x = rng.standard_normal(k).astype(dt)
        for got, want in ((getattr(m, "mm_" + t)(a, b), a @ b), (getattr(m, "mm_" + t)(a[::-1], b.T.copy().T), a[::-1] @ b),
                          (getattr(m, "mv_" + t)(a, x), a @ x), (getattr(m, "vm_" + t)(x, b), x @ b),
                          (getattr(m, "bmm_" + t)(a[None], b[None]), a[None] @ b[None])):
            assert got.dtype == want.dtype and got.shape == want.shape
            assert np.allclose(got, want, rtol=tol, atol=tol * max(k, 1)), (t, n, k, p)
        v = getattr(m, "vv_" + t)(x, x[::-1])
        assert abs(v - x @ x[::-1]) <= tol * max(k, 1) * max(1.0, abs(x @ x[::-1])), (v, x @ x[::-1])
try:
    m.mm_f64(np.ones((2, 3)), np.ones((2, 3)))
except ValueError as e:
    print(e)
print("ok")
"""


def _child(so: str, env_value: str | None) -> list[str]:
    env = dict(os.environ)
    env.pop("FASTEXT_BLAS", None)
    if env_value is not None:
        env["FASTEXT_BLAS"] = env_value
    proc = subprocess.run([sys.executable, "-c", CHILD, so], capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.splitlines()


def test_native_fallback_without_blas(float_module):
    """FASTEXT_BLAS=0: no BLAS; the float products run the native loops, with the same results."""
    lines = _child(float_module, "0")
    assert lines[0] == "None" and lines[-1] == "ok"
    assert "mismatch in its core dimension" in lines[1]


def test_blas_from_a_named_library_or_none(float_module, tmp_path):
    """FASTEXT_BLAS=<path>: that library's CBLAS; a path that does not load: the native loops."""
    so = float_module
    import glob
    libs = glob.glob(os.path.join(os.path.dirname(np.__file__) + ".libs", "*openblas*"))
    if libs:
        lines = _child(so, libs[0])
        assert lines[0] != "None" and lines[-1] == "ok"
    lines = _child(so, str(tmp_path / "no-such-library.so"))
    assert lines[0] == "None" and lines[-1] == "ok"
    assert _child(so, "numpy")[0] == _child(so, None)[0] != "None"


# ----------------------------------------------------------------------------- misuse

MISUSE = [
    ("def f(a: f64[:, :, :], b: f64[:, :]) -> f64[:, :, :]:\n    return np.dot(a, b)\n",
     "np.dot of a 3-D array is not supported", (6, 12)),
    ("def f(a: f64[:, :]) -> f64[:, :]:\n    return a @ 2.0\n", "Input operand 1 does not have enough dimensions",
     (6, 12)),
    ("def f(a: f64[:, :]) -> f64[:, :]:\n    return np.matmul(3, a)\n", "Input operand 0 does not have enough",
     (6, 12)),
    ("def f(x: f64[:]) -> f64:\n    return np.trace(x)\n", "diag requires an array of at least two dimensions",
     (6, 12)),
    ("def f(a: f64[:, :], x: f64[:]) -> f64[:, :]:\n    return np.outer(a, x)\n",
     "np.outer of a 2-D array is not supported", (6, 12)),
    ("def f(a: i64[:, :], b: f64[:, :]) -> None:\n    a @= b\n", "Cannot cast ufunc 'matmul' output", (6, 5)),
    ("def f(x: f64[:], y: f64[:]) -> None:\n    x @= y\n", "the product is a scalar", (6, 5)),
    ("def f(a: f64[:, :], b: f64[:, :], c: f64[:, :]) -> None:\n    np.matmul(a, b, out=c)\n",
     "has no parameter `out`", (6, 25)),
    ("def f(a: f64[:, :]) -> f64:\n    return np.trace(a, 1.5)\n", "offset must be an integer", (6, 12)),
    ("def f(a: f64[:, :], s: str) -> f64[:, :]:\n    return a @ s\n", "needs numbers or arrays", (6, 12)),
    ("def f(x: f64) -> f64:\n    y = 2.0\n    y @= x\n    return y\n", "@ needs arrays", (7, 5)),
]


@pytest.mark.parametrize("body,message,where", MISUSE, ids=[m[1][:30] for m in MISUSE])
def test_misuse_is_a_located_compile_error(body, message, where):
    with pytest.raises(CompileError) as info:
        compile_source(HEADER + "\n\n" + body, "misuse.fx", "misuse")
    d = info.value.diagnostics[0]
    assert message in d.message, d.message
    assert str(d.span) == "misuse.fx:%d:%d" % where
    assert d.hint


def test_gpu_kernels_get_located_errors():
    source = HEADER + "from fastext import gpu\n\n\n" + textwrap.dedent("""
        @gpu.kernel
        def k(a: f64[:, :], b: f64[:, :], out: f64[:]) -> None:
            out[0] = np.trace(a)
            c = a @ b
        """)
    with pytest.raises(CompileError) as info:
        compile_source(source, "kernel.fx", "kernel")
    found = {(d.span.line, d.message.split(" (")[0]) for d in info.value.diagnostics}
    assert (9, "np.trace is not supported in GPU code") in found, found
    assert any(line == 10 and "cannot allocate" in message for line, message in found), found
