"""`np.linalg.solve`, `inv`, `det` and `slogdet` in `.fx` code (docs/numpy-linalg.md, "Solving").

Differential against real NumPy: well-conditioned random matrices of several sizes, in every
layout (C, Fortran, transposed, strided, negative strides), integer and mixed dtypes, vector and
matrix right-hand sides, and the special cases: empty matrices, singular ones (NumPy's
LinAlgError, or sign 0 and -inf), shapes that do not fit (NumPy's messages).  With NumPy's own
LAPACK the compiled calls are NumPy's calls, so results are compared bit for bit; the native LU
that replaces LAPACK when none is found is run in a child process with `FASTEXT_BLAS=0` and
compared within rounding.
"""
from __future__ import annotations

import os
import tempfile
import textwrap

import numpy as np
import pytest

import fxload
from fastext.compiler.diagnostics import CompileError
from fastext.compiler.driver import compile_source

HEADER = "import numpy as np\nfrom numpy.linalg import solve\nfrom fastext import f64, f32, c128, c64, i64, i32, u8\n"
TEMPLATE = '''
def solve_v_{t}(a: {t}[:, :], b: {t}[:]) -> {r}[:]:
    return np.linalg.solve(a, b)

def solve_m_{t}(a: {t}[:, :], b: {t}[:, :]) -> {r}[:, :]:
    return np.linalg.solve(a, b)

def inv_{t}(a: {t}[:, :]) -> {r}[:, :]:
    return np.linalg.inv(a)

def det_{t}(a: {t}[:, :]) -> {r}:
    return np.linalg.det(a)

def slogdet_{t}(a: {t}[:, :]) -> tuple[{r}, {p}]:
    return np.linalg.slogdet(a)
'''
# dialect dtype -> (NumPy dtype, result dtype, real part of the result)
DTYPES = {"f64": (np.float64, "f64", "f64"), "f32": (np.float32, "f32", "f32"), "c128": (np.complex128, "c128", "f64"),
          "c64": (np.complex64, "c64", "f32"), "i64": (np.int64, "f64", "f64"), "u8": (np.uint8, "f64", "f64")}
EXTRA = '''
def solve_mixed(a: f32[:, :], b: f64[:]) -> f64[:]:
    return solve(a, b)

def solve_c64_f32(a: c64[:, :], b: f32[:, :]) -> c64[:, :]:
    return np.linalg.solve(a, b)

def inv_expr(a: f64[:, :]) -> f64[:, :]:
    return np.linalg.inv(2.0 * a.T) @ a

def det_sum(a: f64[:, :, :]) -> f64:
    s = 0.0
    for k in range(a.shape[0]):
        s += np.linalg.det(a[k])
    return s

def caught(a: f64[:, :]) -> i64:
    try:
        np.linalg.inv(a)
    except ValueError:
        return 1
    return 0

def not_caught(a: f64[:, :]) -> i64:
    try:
        np.linalg.inv(a)
    except ArithmeticError:
        return 1
    return 0
'''
SOURCE = HEADER + "".join(TEMPLATE.format(t=t, r=r, p=p) for t, (_, r, p) in DTYPES.items()) + EXTRA

_DIR = tempfile.mkdtemp(prefix="fastext-solve-tests-")
PATH = os.path.join(_DIR, "np_linalg_solve.fx")
with open(PATH, "w", encoding="utf-8") as _f:
    _f.write(SOURCE)


@pytest.fixture(scope="module")
def native():
    return fxload.compiled(PATH)


@pytest.fixture(scope="module")
def oracle():
    return fxload.interpreted(PATH)


def matrix(n: int, dtype, rng, layout: str = "c") -> np.ndarray:
    """A well-conditioned n×n matrix (diagonally dominant) stored as `layout` says."""
    dtype = np.dtype(dtype)
    if dtype.kind in "iu":
        a = rng.integers(0, 5, (n, n)) + 5 * n * np.eye(n, dtype=np.int64)
    else:
        a = rng.standard_normal((n, n)) + n * np.eye(n)
        if dtype.kind == "c":
            a = a + 1j * rng.standard_normal((n, n))
    return laid_out(a.astype(dtype), layout)


def rhs(shape, dtype, rng, layout: str = "c") -> np.ndarray:
    dtype = np.dtype(dtype)
    if dtype.kind in "iu":
        return laid_out(rng.integers(0, 20, shape).astype(dtype), layout)
    b = rng.standard_normal(shape)
    return laid_out((b + 1j * rng.standard_normal(shape) if dtype.kind == "c" else b).astype(dtype), layout)


LAYOUTS = ("c", "f", "transposed", "strided", "negative")


def laid_out(x: np.ndarray, layout: str) -> np.ndarray:
    """x's values in memory arranged as `layout` says (a vector: c, strided or negative)."""
    if layout == "f":
        return np.asfortranarray(x)
    if layout == "transposed":
        return x.T.copy().T if x.ndim == 2 else x
    if layout == "strided":
        big = np.zeros(tuple(3 * d for d in x.shape), x.dtype)
        view = big[tuple(slice(1, None, 3) for _ in x.shape)]
        view[...] = x
        return view
    if layout == "negative":
        rev = x[tuple(slice(None, None, -1) for _ in x.shape)].copy()
        return rev[tuple(slice(None, None, -1) for _ in x.shape)]
    return x


def plain(x):
    """NumPy scalars as the Python numbers compiled functions return (tuples item by item)."""
    if isinstance(x, tuple):
        return tuple(plain(v) for v in x)
    return x.item() if isinstance(x, np.generic) else x


def tolerance(dtype) -> float:
    return 1e-4 if np.dtype(dtype) in (np.float32, np.complex64) else 1e-10


def same(got, want, dtype=np.float64, exact: bool = False) -> None:
    """The compiled result is NumPy's: type, dtype and shape exactly; values bit for bit when
    `exact` (the same LAPACK calls), else within rounding (a well-conditioned matrix)."""
    if isinstance(want, tuple):
        assert isinstance(got, tuple) and len(got) == len(want)
        for g, w in zip(got, want):
            same(g, w, dtype, exact)
        return
    if isinstance(want, np.ndarray):
        assert isinstance(got, np.ndarray) and got.dtype == want.dtype and got.shape == want.shape
    else:
        assert isinstance(got, (float, complex)), type(got)
        assert np.asarray(got).dtype.kind == np.asarray(want).dtype.kind
    if exact:
        np.testing.assert_array_equal(got, want)
    else:
        np.testing.assert_allclose(got, want, rtol=tolerance(dtype), atol=tolerance(dtype))


SIZES = (1, 2, 3, 10, 64)


@pytest.mark.filterwarnings("ignore:overflow encountered in cast")
@pytest.mark.parametrize("t", sorted(DTYPES))
@pytest.mark.parametrize("n", SIZES)
def test_against_numpy(native, t, n):
    dt = DTYPES[t][0]
    rng = np.random.default_rng(1000 * n + len(t))
    a, b, bm = matrix(n, dt, rng), rhs(n, dt, rng), rhs((n, 3), dt, rng)
    exact = True       # NumPy's own LAPACK: the same calls on the same copies
    same(getattr(native, f"solve_v_{t}")(a, b), np.linalg.solve(a, b), dt, exact)
    same(getattr(native, f"solve_m_{t}")(a, bm), np.linalg.solve(a, bm), dt, exact)
    same(getattr(native, f"inv_{t}")(a), np.linalg.inv(a), dt, exact)
    same(getattr(native, f"det_{t}")(a), plain(np.linalg.det(a)), dt, exact)      # f32 at n = 64: inf, as NumPy's
    same(getattr(native, f"slogdet_{t}")(a), plain(tuple(np.linalg.slogdet(a))), dt, exact)


@pytest.mark.parametrize("t", ["f64", "c128", "f32", "i64"])
@pytest.mark.parametrize("la", LAYOUTS)
@pytest.mark.parametrize("lb", ["c", "strided", "negative", "f"])
def test_layouts(native, oracle, t, la, lb):
    """Any strides: the operands are copied into Fortran order (never written: checked)."""
    dt = DTYPES[t][0]
    rng = np.random.default_rng(7)
    a = matrix(6, dt, rng, la)
    b, bm = rhs(6, dt, rng, "c" if lb == "f" else lb), rhs((6, 4), dt, rng, lb)
    before = [x.copy() for x in (a, b, bm)]
    for name, args in ((f"solve_v_{t}", (a, b)), (f"solve_m_{t}", (a, bm)), (f"inv_{t}", (a,)), (f"det_{t}", (a,)),
                       (f"slogdet_{t}", (a,))):
        same(getattr(native, name)(*args), plain(getattr(oracle, name)(*args)), dt, exact=True)
    for x, y in zip((a, b, bm), before):
        np.testing.assert_array_equal(x, y)


def test_dtypes_are_numpys(native):
    """NumPy computes in double precision and returns float32 (complex64) only when every
    operand is single precision; integers are float64."""
    rng = np.random.default_rng(3)
    a32, b64 = matrix(4, np.float32, rng), rhs(4, np.float64, rng)
    same(native.solve_mixed(a32, b64), np.linalg.solve(a32, b64), exact=True)
    c, b32 = matrix(4, np.complex64, rng), rhs((4, 2), np.float32, rng)
    same(native.solve_c64_f32(c, b32), np.linalg.solve(c, b32), np.complex64, exact=True)
    assert native.inv_f32(a32).dtype == np.float32 and native.inv_u8(matrix(3, np.uint8, rng)).dtype == np.float64
    assert type(native.det_i64(matrix(3, np.int64, rng))) is float


def test_in_programs(native, oracle):
    rng = np.random.default_rng(11)
    a = matrix(5, np.float64, rng)
    same(native.inv_expr(a), oracle.inv_expr(a))
    stack = np.stack([matrix(4, np.float64, rng) for _ in range(6)])
    same(native.det_sum(stack), plain(oracle.det_sum(stack)))


def test_empty(native):
    for t in ("f64", "c64", "i64"):
        dt = DTYPES[t][0]
        e = np.zeros((0, 0), dt)
        for name, args in ((f"solve_v_{t}", (e, np.zeros(0, dt))), (f"solve_m_{t}", (e, np.zeros((0, 3), dt))),
                           (f"inv_{t}", (e,))):
            want = getattr(np.linalg, name.split("_")[0])(*args)
            same(getattr(native, name)(*args), want, dt, exact=True)
        same(getattr(native, f"det_{t}")(e), plain(np.linalg.det(e)), dt, exact=True)
        same(getattr(native, f"slogdet_{t}")(e), plain(tuple(np.linalg.slogdet(e))), dt, exact=True)
    a = matrix(3, np.float64, np.random.default_rng(0))
    same(native.solve_m_f64(a, np.zeros((3, 0))), np.linalg.solve(a, np.zeros((3, 0))))


SINGULAR = [np.zeros((3, 3)), np.array([[1.0, 2.0], [2.0, 4.0]]), np.arange(1.0, 10.0).reshape(3, 3),
            np.ones((1, 1)) * 0.0, np.array([[np.nan, 1.0], [1.0, 1.0]])]


def _raises(fn, *args) -> tuple[type, str]:
    with pytest.raises(Exception) as info:
        fn(*args)
    return type(info.value), str(info.value)


@pytest.mark.filterwarnings("ignore:invalid value encountered")
@pytest.mark.parametrize("k", range(len(SINGULAR)))
def test_singular(native, oracle, k):
    """solve and inv raise NumPy's own LinAlgError("Singular matrix") exactly when NumPy does
    (LAPACK's info > 0); det and slogdet give NumPy's values."""
    a = SINGULAR[k]
    n = a.shape[0]
    for name, args in (("solve_v_f64", (a, np.ones(n))), ("solve_m_f64", (a, np.ones((n, 2)))), ("inv_f64", (a,)),
                       ("inv_c128", (a.astype(complex),))):
        want = _raises(getattr(oracle, name), *args)
        assert want == (np.linalg.LinAlgError, "Singular matrix")
        assert _raises(getattr(native, name), *args) == want
    same(native.det_f64(a), plain(np.linalg.det(a)), exact=True)
    same(native.slogdet_f64(a), plain(tuple(np.linalg.slogdet(a))), exact=True)
    c = a.astype(np.complex64)
    same(native.slogdet_c64(c), plain(tuple(np.linalg.slogdet(c))), exact=True)
    assert native.caught(a) == 1 and native.not_caught(np.eye(2)) == 0
    with pytest.raises(np.linalg.LinAlgError):
        native.not_caught(a)


@pytest.mark.parametrize("name,args", [
    ("inv_f64", (np.ones((2, 3)),)),
    ("det_f32", (np.ones((3, 2), np.float32),)),
    ("slogdet_c128", (np.ones((0, 2), complex),)),
    ("solve_v_f64", (np.ones((2, 3)), np.ones(2))),
    ("solve_v_f64", (np.eye(3), np.ones(2))),
    ("solve_m_i64", (np.eye(3, dtype=np.int64), np.ones((2, 3), np.int64))),
    ("solve_m_c64", (np.eye(2, dtype=np.complex64), np.ones((3, 2), np.complex64))),
])
def test_shape_errors_are_numpys(native, oracle, name, args):
    want = _raises(getattr(oracle, name), *args)
    assert issubclass(want[0], ValueError)
    assert _raises(getattr(native, name), *args) == want


def test_errors_release_everything(native):
    before = native.__fastext_live_blocks__()
    for _ in range(3):
        with pytest.raises(np.linalg.LinAlgError):
            native.solve_m_f64(np.zeros((4, 4)), np.ones((4, 2)))
        with pytest.raises(ValueError):
            native.solve_v_f64(np.eye(3), np.ones(4))
        native.inv_f64(np.eye(3))
    assert native.__fastext_live_blocks__() == before


# ----------------------------------------------------------------------------- without LAPACK

CHILD = r"""
import importlib.util, sys
import numpy as np
spec = importlib.util.spec_from_file_location("np_linalg_solve", sys.argv[1])
m = importlib.util.module_from_spec(spec)
spec.loader.exec_module(m)
print(m.__fastext_blas__())
rng = np.random.default_rng(5)
for t, dt, tol in (("f64", np.float64, 1e-10), ("f32", np.float32, 1e-4), ("c128", np.complex128, 1e-10),
                   ("c64", np.complex64, 1e-4), ("i64", np.int64, 1e-10)):
    for n in (1, 2, 3, 10, 64):
        a = rng.standard_normal((n, n)) + n * np.eye(n)
        if dt in (np.complex128, np.complex64):
            a = a + 1j * rng.standard_normal((n, n))
        a = np.round(a).astype(dt) if dt == np.int64 else a.astype(dt)
        b = rng.standard_normal((n, 3)).astype(dt)
        for a_ in (a, np.asfortranarray(a), a[::-1, ::-1]):
            for got, want in ((getattr(m, "solve_v_" + t)(a_, b[:, 0]), np.linalg.solve(a_, b[:, 0])),
                              (getattr(m, "solve_m_" + t)(a_, b), np.linalg.solve(a_, b)),
                              (getattr(m, "inv_" + t)(a_), np.linalg.inv(a_)),
                              (getattr(m, "det_" + t)(a_), np.linalg.det(a_)),
                              (getattr(m, "slogdet_" + t)(a_), np.linalg.slogdet(a_))):
                if isinstance(got, np.ndarray):
                    assert got.dtype == want.dtype and got.shape == want.shape, (t, n)
                assert np.allclose(got, want, rtol=tol, atol=tol), (t, n, got, want)
for a in (np.zeros((3, 3)), np.array([[1.0, 2.0], [2.0, 4.0]]), np.array([[0.0, 1.0], [0.0, 1.0]])):
    for f in (lambda: m.inv_f64(a), lambda: m.solve_v_c128(a.astype(complex), np.ones(len(a), complex))):
        try:
            f()
            raise AssertionError("no error")
        except np.linalg.LinAlgError as e:
            assert str(e) == "Singular matrix"
    assert m.det_f64(a) == 0.0 and m.slogdet_f64(a) == (0.0, -np.inf)
p = np.eye(4)[[2, 0, 3, 1]]          # a permutation: det ±1, exactly
assert m.det_f64(p) == np.linalg.det(p) and m.slogdet_c128(p.astype(complex)) == (np.linalg.det(p) + 0j, 0.0)
print("ok")
"""


@pytest.fixture(scope="module")
def shared_object(tmp_path_factory) -> str:
    return fxload.linked_object(PATH, tmp_path_factory.mktemp("solve"))


def test_native_lu_without_lapack(shared_object):
    """FASTEXT_BLAS=0: no BLAS, no LAPACK; the native partial-pivoting LU gives NumPy's results
    within rounding, and NumPy's errors."""
    assert fxload.run_without_blas(CHILD, shared_object) == ["None", "ok"]


def test_lapack_symbols_are_numpys(native):
    """The module looks LAPACK up under the naming of the CBLAS it found (`scipy_dgesv_64_` beside
    `scipy_cblas_dgemm64_`), and found NumPy's: the bit-for-bit comparisons above pass only with
    NumPy's own LAPACK calls (the native LU rounds differently at n = 64)."""
    assert native.__fastext_blas__() is not None
    text = compile_source(HEADER + "def f(a: f64[:, :]) -> f64:\n    return np.linalg.det(a)\n", "probe.fx",
                          "probe").llvm_ir
    for symbol in ("scipy_dgesv_64_", "scipy_zgetrf_64_", "dgetrf_64_", "dgesv_", "dgetrf$NEWLAPACK$ILP64"):
        assert f'c"{symbol}\\00"' in text, symbol
    assert "PyEval_SaveThread" in text, "LAPACK runs with the GIL released, as NumPy's"


# ----------------------------------------------------------------------------- misuse

MISUSE = [
    ("def f(x: f64[:]) -> f64:\n    return np.linalg.det(x)\n",
     "1-dimensional array given. Array must be at least two-dimensional", (7, 12)),
    ("def f(a: f64[:, :, :]) -> f64[:, :, :]:\n    return np.linalg.inv(a)\n", "stack of matrices", (7, 12)),
    ("def f(a: f64[:, :], b: f64[:, :, :]) -> f64[:, :, :]:\n    return np.linalg.solve(a, b)\n",
     "stack of matrices", (7, 12)),
    ("def f(a: f64[:, :]) -> f64[:]:\n    return np.linalg.solve(a, 1.0)\n", "Input operand 1 does not have enough",
     (7, 12)),
    ("def f(a: f64[:, :]) -> f64[:, :]:\n    return np.linalg.inv(a, a)\n", "takes at most 1 arguments", (7, 12)),
    ("def f(a: c128[:, :]) -> c128[:]:\n    return np.linalg.eigvals(a)\n", "eigvals", (7, 12)),   # real: round 10
]


@pytest.mark.parametrize("body,message,where", MISUSE, ids=[m[1][:30] for m in MISUSE])
def test_misuse_is_a_located_compile_error(body, message, where):
    with pytest.raises(CompileError) as info:
        compile_source(HEADER + "\n\n" + textwrap.dedent(body), "misuse.fx", "misuse")
    d = info.value.diagnostics[0]
    assert message in d.message, d.message
    assert str(d.span) == "misuse.fx:%d:%d" % where
