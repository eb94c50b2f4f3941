"""np.linalg.cholesky, qr, eigh, eigvalsh, svd and lstsq (lower/lapack.py): NumPy's own ?potrf,
?geqrf and ?orgqr, ?syevd/?heevd, ?gesdd, ?gelsd (with the work sizes LAPACK asks for, as NumPy),
so NumPy's bits, for float64, float32, complex
and integer matrices of any shape and layout; NumPy's LinAlgErrors; and the native code that runs
without LAPACK (`FASTEXT_BLAS=0`, a child process) within rounding of NumPy's (unblocked ?potf2,
?geqr2 and ?org2r against OpenBLAS's blocked routines: 1e-12 relative; the same reflectors, so
the same signs; Jacobi rotations against divide and conquer for eigh: eigenvalues to 1e-12 of the
largest, eigenvectors orthonormal and a v = v w, each column's sign or phase free; one-sided
Jacobi for svd: singular values to 1e-12 of the largest, u and vh orthonormal, u s vh = a; lstsq
from that SVD: x and the residuals to 1e-12, the same rank)."""
import textwrap

import numpy as np
import pytest

from fastext.compiler.diagnostics import CompileError
from fastext.compiler.driver import compile_source
import fxload
from fxload import FX_DIR, compiled, interpreted

PATH = f"{FX_DIR}/np_linalg_factor.fx"


@pytest.fixture(scope="module")
def mods():
    return compiled(PATH), interpreted(PATH)


def spd(rng, n, dtype=np.float64):
    x = rng.standard_normal((n, n))
    if np.dtype(dtype).kind == "c":
        x = x + 1j * rng.standard_normal((n, n))
    return (x @ x.conj().T + n * np.eye(n)).astype(dtype)


def same(want, got):
    return want.dtype == got.dtype and want.shape == got.shape and np.array_equal(want, got)


@pytest.mark.parametrize("n", [0, 1, 2, 3, 8, 33, 100])
@pytest.mark.parametrize("name, dtype", [("cholesky", np.float64), ("cholesky_f32", np.float32),
                                         ("cholesky_c128", np.complex128), ("cholesky_c64", np.complex64)])
def test_numpys_bits(mods, n, name, dtype):
    a = spd(np.random.default_rng(n), n, dtype)
    for view in (a, np.asfortranarray(a), a.T.copy().T, np.repeat(a, 2, axis=1)[:, ::2]):
        want, got = getattr(mods[1], name)(view), getattr(mods[0], name)(view)
        assert same(want, got), (n, name)
        assert view.flags.writeable and np.array_equal(view, a)     # the operand is not written


def test_integers_and_programs(mods):
    a = np.array([[4, 2], [2, 3]])
    assert same(mods[1].cholesky_int(a), mods[0].cholesky_int(a))
    rng = np.random.default_rng(5)
    m, b = spd(rng, 20), rng.standard_normal(20)
    assert same(mods[1].solve_spd(m, b), mods[0].solve_spd(m, b))


@pytest.mark.parametrize("a", [np.array([[1.0, 2.0], [2.0, 1.0]]), -np.eye(3), np.zeros((2, 2)), np.ones((2, 3))])
def test_errors_are_numpys(mods, a):
    with pytest.raises(np.linalg.LinAlgError) as want:
        mods[1].cholesky(a)
    with pytest.raises(np.linalg.LinAlgError) as got:
        mods[0].cholesky(a)
    assert str(got.value) == str(want.value)


def test_nan_goes_through_as_numpy(mods):
    a = np.array([[np.nan, 0.0], [0.0, 1.0]])
    assert np.array_equal(mods[0].cholesky(a), mods[1].cholesky(a), equal_nan=True)


CHILD = textwrap.dedent("""
    import importlib.util, sys
    import numpy as np
    spec = importlib.util.spec_from_file_location("np_linalg_factor", sys.argv[1])
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    print(m.__fastext_blas__())
    rng = np.random.default_rng(0)
    for n in (0, 1, 2, 5, 40, 120):
        for dtype, f, tol in ((np.float64, m.cholesky, 1e-12), (np.complex128, m.cholesky_c128, 1e-12),
                              (np.float32, m.cholesky_f32, 1e-5)):
            x = rng.standard_normal((n, n)) + (1j * rng.standard_normal((n, n)) if dtype == np.complex128 else 0)
            a = (x @ x.conj().T + n * np.eye(n)).astype(dtype)
            got, want = f(a), np.linalg.cholesky(a)
            assert got.dtype == want.dtype and got.shape == want.shape
            assert np.allclose(got, want, rtol=tol, atol=tol * max(1.0, np.abs(want).max(initial=0))), n
            assert np.all(np.triu(got, 1) == 0)
    for bad in (np.array([[1.0, 2.0], [2.0, 1.0]]), -np.eye(3)):
        try:
            m.cholesky(bad)
            raise SystemExit("no error")
        except np.linalg.LinAlgError as e:
            assert str(e) == "Matrix is not positive definite", e
    assert np.isnan(m.cholesky(np.array([[np.nan]]))).all()
    for shape in ((0, 0), (0, 3), (3, 0), (1, 1), (4, 3), (3, 5), (6, 6), (50, 30), (30, 50), (90, 90)):
        a = rng.standard_normal(shape)
        z = a + 1j * rng.standard_normal(shape)
        for f, x, want, tol in ((m.qr, a, np.linalg.qr(a), 1e-12), (m.qr_c128, z, np.linalg.qr(z), 1e-12),
                                (m.qr_complete, a, np.linalg.qr(a, "complete"), 1e-12)):
            got = f(x)
            for g, w in zip(got, want):
                assert g.dtype == w.dtype and g.shape == w.shape, (shape, g.shape, w.shape)
                assert np.allclose(g, w, rtol=tol, atol=tol * max(1.0, np.abs(w).max(initial=0))), shape
        r = m.qr_r(a.astype(np.float32))
        assert np.allclose(r, np.linalg.qr(a.astype(np.float32), "r"), rtol=1e-4, atol=1e-4)
    for n in (0, 1, 2, 3, 9, 40):
        x = rng.standard_normal((n, n))
        z = x + 1j * rng.standard_normal((n, n))
        for f, h, uplo in ((m.eigh, x + x.T, "L"), (m.eigh_c128, z + z.conj().T, "L"), (m.eigh_upper_f32, x.astype(np.float32), "U")):
            w, v = f(h)
            ww, vv = np.linalg.eigh(h, UPLO=uplo)
            assert w.dtype == ww.dtype and v.dtype == vv.dtype and v.shape == vv.shape
            tol = 1e-4 if w.dtype == np.float32 else 1e-12
            scale = max(1.0, np.abs(ww).max(initial=0))
            assert np.allclose(w, ww, rtol=0, atol=tol * scale), n
            full = np.tril(h) + np.tril(h, -1).conj().T if uplo == "L" else np.triu(h) + np.triu(h, 1).conj().T
            if n:
                assert np.allclose(v.conj().T @ v, np.eye(n), atol=tol * 10)
                assert np.allclose(full @ v, v * w, atol=tol * 10 * scale)
        assert np.allclose(m.eigvalsh(x + x.T), np.linalg.eigvalsh(x + x.T), rtol=0, atol=1e-12 * max(1, n))
    for shape in ((0, 0), (0, 3), (3, 0), (1, 1), (4, 3), (3, 5), (6, 6), (30, 20), (20, 30)):
        a = rng.standard_normal(shape)
        z = a + 1j * rng.standard_normal(shape)
        if shape == (6, 6):
            a[:, 3] = a[:, 1]                  # rank deficient: U completed by QR
            z[:, 3] = 1j * z[:, 1]
        for f, x, full in ((m.svd, a, True), (m.svd_thin, a, False), (m.svd_c128, z, True)):
            u, s, vh = f(x)
            uu, ss, vv = np.linalg.svd(x, full_matrices=full)
            assert (u.shape, s.shape, vh.shape) == (uu.shape, ss.shape, vv.shape), shape
            assert (u.dtype, s.dtype, vh.dtype) == (uu.dtype, ss.dtype, vv.dtype)
            scale = max(1.0, np.abs(ss).max(initial=0))
            assert np.allclose(s, ss, rtol=0, atol=1e-12 * scale), shape
            assert np.allclose(u.conj().T @ u, np.eye(u.shape[1]), atol=1e-12)
            assert np.allclose(vh @ vh.conj().T, np.eye(vh.shape[0]), atol=1e-12)
            k = s.size
            assert np.allclose((u[:, :k] * s) @ vh[:k], x, atol=1e-12 * scale), shape
        assert np.allclose(m.svd_values_f32(a.astype(np.float32)), np.linalg.svd(a.astype(np.float32), compute_uv=False),
                           rtol=1e-5, atol=1e-5 * max(1.0, np.abs(a).sum()))
        b, bz, bm = rng.standard_normal(shape[0]), z[:, 0] if shape[1] else rng.standard_normal(shape[0]) + 0j, \
            rng.standard_normal((shape[0], 2))
        for f, args, want in ((m.lstsq, (a, b), np.linalg.lstsq(a, b)), (m.lstsq_c128, (z, bz), np.linalg.lstsq(z, bz)),
                              (m.lstsq_rcond, (a, bm, 1e-8), np.linalg.lstsq(a, bm, rcond=1e-8))):
            got = f(*args)
            assert got[2] == want[2], shape
            for g, w in zip(got[:2] + got[3:], want[:2] + want[3:]):
                assert g.dtype == w.dtype and g.shape == w.shape, shape
                assert np.allclose(g, w, rtol=1e-10, atol=1e-12 * max(1.0, np.abs(w).max(initial=0))), shape
    print("ok")
""")


@pytest.fixture(scope="module")
def shared_object(tmp_path_factory) -> str:
    return fxload.linked_object(PATH, tmp_path_factory.mktemp("factor"))


def test_native_code_without_lapack(shared_object):
    assert fxload.run_without_blas(CHILD, shared_object) == ["None", "ok"]


def test_lapack_symbols(mods):
    assert mods[0].__fastext_blas__() is not None
    text = compile_source("import numpy as np\nfrom fastext import f64\n\n\ndef f(a: f64[:, :]) -> f64[:, :]:\n"
                          "    return np.linalg.cholesky(a)\n", "probe.fx", "probe").llvm_ir
    for symbol in ("scipy_dpotrf_64_", "scipy_zpotrf_64_", "dpotrf_", "scipy_dgeqrf_64_", "scipy_zungqr_64_",
                   "scipy_dsyevd_64_", "scipy_zheevd_64_", "scipy_dgesdd_64_", "scipy_zgesdd_64_",
                   "scipy_dgelsd_64_", "scipy_zgelsd_64_"):
        assert f'c"{symbol}\\00"' in text, symbol


SHAPES = [(0, 0), (0, 3), (3, 0), (1, 1), (4, 3), (3, 5), (6, 6), (50, 30), (30, 50), (130, 70)]


@pytest.mark.parametrize("shape", SHAPES)
def test_qr_numpys_bits(mods, shape):
    rng = np.random.default_rng(sum(shape))
    a = rng.standard_normal(shape)
    z = a + 1j * rng.standard_normal(shape)
    for view in (a, np.asfortranarray(a), a[::-1, ::-1].copy()[::-1, ::-1], np.repeat(a, 2, axis=1)[:, ::2]):
        for name in ("qr", "qr_complete"):
            assert all(map(same, getattr(mods[1], name)(view), getattr(mods[0], name)(view))), (name, shape)
        assert same(mods[1].qr_r(view.astype(np.float32)), mods[0].qr_r(view.astype(np.float32)))
    assert all(map(same, mods[1].qr_c128(z), mods[0].qr_c128(z)))
    assert all(map(same, mods[1].qr_c64(z.astype(np.complex64)), mods[0].qr_c64(z.astype(np.complex64))))
    ints = rng.integers(-9, 9, shape)
    assert same(mods[1].qr_int(ints), mods[0].qr_int(ints))


@pytest.mark.parametrize("n", [0, 1, 2, 5, 33, 90])
def test_eigh_numpys_bits(mods, n):
    rng = np.random.default_rng(n)
    x = rng.standard_normal((n, n))
    z = x + 1j * rng.standard_normal((n, n))
    sym, herm = x + x.T, z + z.conj().T
    for view in (sym, np.asfortranarray(sym), np.repeat(sym, 2, axis=1)[:, ::2]):
        assert all(map(same, mods[1].eigh(view), mods[0].eigh(view)))
        assert same(mods[1].eigvalsh(view), mods[0].eigvalsh(view))
    assert all(map(same, mods[1].eigh_upper_f32(x.astype(np.float32)), mods[0].eigh_upper_f32(x.astype(np.float32))))
    assert all(map(same, mods[1].eigh_c128(herm), mods[0].eigh_c128(herm)))
    assert all(map(same, mods[1].eigh_c64(herm.astype(np.complex64)), mods[0].eigh_c64(herm.astype(np.complex64))))
    assert same(mods[1].eigvalsh_upper(z), mods[0].eigvalsh_upper(z))      # only the upper triangle is read
    ints = rng.integers(-5, 5, (n, n))
    assert same(mods[1].eigvalsh_int(ints + ints.T), mods[0].eigvalsh_int(ints + ints.T))


def test_eigh_errors(mods):
    with pytest.raises(np.linalg.LinAlgError, match="Last 2 dimensions of the array must be square"):
        mods[0].eigh(np.ones((2, 3)))


@pytest.mark.parametrize("shape", SHAPES)
def test_svd_numpys_bits(mods, shape):
    rng = np.random.default_rng(sum(shape) + 1)
    a = rng.standard_normal(shape)
    z = a + 1j * rng.standard_normal(shape)
    for view in (a, np.asfortranarray(a), np.repeat(a, 2, axis=1)[:, ::2]):
        for name in ("svd", "svd_thin"):
            assert all(map(same, mods[1].__dict__[name](view), mods[0].__dict__[name](view))), (name, shape)
        assert same(mods[1].svd_values_f32(view.astype(np.float32)), mods[0].svd_values_f32(view.astype(np.float32)))
    assert all(map(same, mods[1].svd_c128(z), mods[0].svd_c128(z)))
    assert all(map(same, mods[1].svd_c64_thin(z.astype(np.complex64)), mods[0].svd_c64_thin(z.astype(np.complex64))))
    ints = rng.integers(-9, 9, shape)
    assert same(mods[1].svd_int(ints), mods[0].svd_int(ints))
    if shape[0] >= shape[1] > 0:
        assert same(mods[1].pinv_by_svd(a), mods[0].pinv_by_svd(a))


LSTSQ_SHAPES = [(0, 0), (0, 3), (3, 0), (1, 1), (5, 3), (3, 5), (6, 6), (30, 20), (20, 30), (120, 40)]


@pytest.mark.parametrize("shape", LSTSQ_SHAPES)
def test_lstsq_numpys_bits(mods, shape):
    rng = np.random.default_rng(sum(shape) + 2)
    a = rng.standard_normal(shape)
    if shape == (6, 6):
        a[:, 3] = a[:, 1]                      # rank 5: no residuals
    b, bm = rng.standard_normal(shape[0]), rng.standard_normal((shape[0], 3))
    z = a + 1j * rng.standard_normal(shape)
    bz = b + 1j * rng.standard_normal(shape[0])

    def same_all(want, got):
        return len(want) == len(got) == 4 and all(map(same, want[:2] + want[3:], got[:2] + got[3:])) \
            and want[2] == got[2]
    for view in (a, np.asfortranarray(a), np.repeat(a, 2, axis=1)[:, ::2]):
        assert same_all(mods[1].lstsq(view, b), mods[0].lstsq(view, b)), shape
        for rcond in (-1.0, 1e-3, 0.5):
            assert same_all(mods[1].lstsq_rcond(view, bm, rcond), mods[0].lstsq_rcond(view, bm, rcond)), shape
    assert same_all(mods[1].lstsq_c128(z, bz), mods[0].lstsq_c128(z, bz))
    assert same_all(mods[1].lstsq_f32(a.astype(np.float32), b.astype(np.float32)),
                    mods[0].lstsq_f32(a.astype(np.float32), b.astype(np.float32)))


def test_lstsq_errors_and_programs(mods):
    with pytest.raises(np.linalg.LinAlgError, match="Incompatible dimensions"):
        mods[0].lstsq(np.ones((3, 2)), np.ones(4))
    x = np.linspace(0, 1, 50)
    y = 3 * x + 1 + np.random.default_rng(0).standard_normal(50) * 0.01
    assert same(mods[1].line_fit(x, y), mods[0].line_fit(x, y))


@pytest.mark.parametrize("shape", SHAPES)
def test_pinv_and_matrix_rank(mods, shape):
    rng = np.random.default_rng(sum(shape) + 3)
    a = rng.standard_normal(shape)
    if min(shape) > 2:
        a[:, -1] = a[:, 0]                     # rank deficient
    z = a + 1j * rng.standard_normal(shape)
    for view in (a, np.asfortranarray(a)):
        assert same(mods[1].pinv(view), mods[0].pinv(view))
        assert mods[1].matrix_rank(view) == mods[0].matrix_rank(view)
        assert mods[1].matrix_rank_tol(view, 0.5) == mods[0].matrix_rank_tol(view, 0.5)
    f32 = a.astype(np.float32)
    assert same(mods[1].pinv_rcond_f32(f32, 1e-3), mods[0].pinv_rcond_f32(f32, 1e-3))
    assert mods[1].matrix_rank_f32(f32) == mods[0].matrix_rank_f32(f32)
    assert same(mods[1].pinv_c128(z), mods[0].pinv_c128(z))
    for v in (np.zeros(3), np.array([0.0, 1e-300]), np.zeros(0)):
        assert mods[1].vector_rank(v) == mods[0].vector_rank(v)


def test_qr_in_programs(mods):
    rng = np.random.default_rng(3)
    a, b = rng.standard_normal((40, 6)), rng.standard_normal(40)
    got = mods[0].least_squares(a, b)
    assert same(mods[1].least_squares(a, b), got)
    assert np.allclose(got, np.linalg.lstsq(a, b, rcond=None)[0])
    q, r = mods[0].qr(a)
    assert np.allclose(q.T @ q, np.eye(6)) and np.allclose(np.triu(r), r) and np.allclose(q @ r, a)


@pytest.mark.parametrize("body, message", [
    ("def f(a: f64[:]) -> f64[:, :]:\n    return np.linalg.cholesky(a)\n", "at least two-dimensional"),
    ("def f(a: f64[:, :, :]) -> f64[:, :, :]:\n    return np.linalg.cholesky(a)\n", "stack of matrices"),
    ("def f(a: f64[:, :]) -> f64[:, :]:\n    return np.linalg.cholesky(a, upper=True)\n", "upper"),
    ("def f(a: f64[:, :]) -> f64[:, :]:\n    return np.linalg.qr(a, mode='raw')[0]\n", "'reduced', 'complete' or 'r'"),
    ("def f(a: f64[:]) -> f64[:, :]:\n    return np.linalg.qr(a)[0]\n", "at least two-dimensional"),
    ("def f(a: f64[:, :]) -> f64[:]:\n    return np.linalg.eigvalsh(a, UPLO='X')\n", "'L' or 'U'"),
    ("def f(a: f64[:, :]) -> f64[:]:\n    return np.linalg.svd(a, hermitian=True)[1]\n", "hermitian=True"),
    ("def f(a: f64[:, :], c: bool) -> f64[:]:\n    return np.linalg.svd(a, compute_uv=c)\n", "constant True or False"),
    ("def f(a: f64[:, :], b: f64) -> f64:\n    return np.linalg.lstsq(a, b)[2]\n", "vector or matrix b"),
    ("def f(a: f64[:, :], b: f64[:]) -> f64:\n    return np.linalg.lstsq(a, b, rcond=b)[2]\n", "real number or None"),
])
def test_misuse_is_a_located_compile_error(body, message):
    with pytest.raises(CompileError) as info:
        compile_source("import numpy as np\nfrom fastext import f64\n\n\n" + body, "misuse.fx", "misuse")
    d = info.value.diagnostics[0]
    assert message in d.message, d.message
    assert d.span.line == 6
