"""np.linalg.matrix_power against NumPy (bit for bit: the same products in the same order) over
dtypes, shapes, strides and exponents, and the Julia benchmark kernels that use it
(tests/fx/randmatstat.fx)."""
from __future__ import annotations

import os

import numpy as np
import pytest

import fxload

EXPONENTS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 13, 16, -1, -2, -3, -5]
DTYPES = {"f64": np.float64, "f32": np.float32, "i64": np.int64, "i32": np.int32, "c128": np.complex128}


def _source() -> str:
    lines = ["import numpy as np", "from fastext import f64, f32, i64, i32, c128", "", "K = 6", ""]
    for name in DTYPES:
        for k in EXPONENTS:
            if k < 0 and name.startswith("i"):
                continue          # an integer matrix's inverse is float64: the float cases cover inv
            tag = f"m{-k}" if k < 0 else str(k)
            lines += [f"def p_{name}_{tag}(a: {name}[:, :]) -> {name}[:, :]:",
                      f"    return np.linalg.matrix_power(a, {k})", ""]
    lines += ["def int_inverse(a: i64[:, :]) -> f64[:, :]:", "    return np.linalg.matrix_power(a, -2)", "",
              "def stack_5(a: f64[:, :, :]) -> f64[:, :, :]:", "    return np.linalg.matrix_power(a, 5)", "",
              "def const_k(a: f64[:, :]) -> f64[:, :]:", "    return np.linalg.matrix_power(a, K)", "",
              "def of_expression(a: f64[:, :]) -> f64:",
              "    return np.trace(np.linalg.matrix_power(a.T @ a, 4))", "",
              "def view_of_a(a: f64[:, :]) -> f64:",
              "    b = np.linalg.matrix_power(a, 1)",
              "    b[0, 0] = 42.0",
              "    return a[0, 0]", ""]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def m(tmp_path_factory):
    path = tmp_path_factory.mktemp("matpower") / "matpower_gen.fx"
    path.write_text(_source())
    return fxload.compiled(str(path))


def _matrix(rng, dtype, n):
    if np.issubdtype(dtype, np.integer):
        return rng.integers(-3, 4, (n, n)).astype(dtype)
    a = rng.standard_normal((n, n)) / np.sqrt(n) + np.eye(n)      # well conditioned, for the inverses
    if np.issubdtype(dtype, np.complexfloating):
        a = a + 1j * rng.standard_normal((n, n)) / np.sqrt(n)
    return a.astype(dtype)


@pytest.mark.parametrize("name, k", [(name, k) for name in DTYPES for k in EXPONENTS
                                     if k >= 0 or not name.startswith("i")])
@pytest.mark.parametrize("n", [1, 3, 8])
def test_equals_numpy_bit_for_bit(m, name, k, n):
    dtype = DTYPES[name]
    rng = np.random.default_rng(n * 100 + k)
    a = _matrix(rng, dtype, n)
    tag = f"m{-k}" if k < 0 else str(k)
    got = getattr(m, f"p_{name}_{tag}")(a)
    want = np.linalg.matrix_power(a, k)
    assert got.dtype == want.dtype and got.shape == want.shape
    assert np.array_equal(got, want)


def test_strided_and_transposed_operands(m):
    rng = np.random.default_rng(3)
    big = rng.standard_normal((10, 10))
    for a in (big[::2, ::2], big[1:6, 2:7].T, np.asfortranarray(big[:4, :4])):
        assert np.array_equal(m.p_f64_7(a), np.linalg.matrix_power(a, 7))
        assert np.array_equal(m.p_f64_m3(a), np.linalg.matrix_power(a, -3))


def test_stacks_and_constants(m):
    rng = np.random.default_rng(4)
    s = rng.standard_normal((3, 4, 4))
    assert np.array_equal(m.stack_5(s), np.linalg.matrix_power(s, 5))
    a = rng.standard_normal((5, 5))
    assert np.array_equal(m.const_k(a), np.linalg.matrix_power(a, 6))
    assert m.of_expression(a) == np.trace(np.linalg.matrix_power(a.T @ a, 4))


def test_integer_matrices_invert_as_float64(m):
    a = np.array([[2, 1], [1, 1]])
    assert np.array_equal(m.int_inverse(a), np.linalg.matrix_power(a, -2))


def test_power_one_is_a_itself(m):
    a = np.ones((3, 3))
    assert m.view_of_a(a) == 42.0           # as in NumPy: the result is `a`, stores reach it
    b = np.eye(3)
    out = m.p_f64_1(b)
    assert np.array_equal(out, b) and not np.shares_memory(out, b)    # returned to Python: its own memory


@pytest.mark.parametrize("k", [0, 1, 2, 5, -1, -3])
def test_non_square_raises_linalgerror(m, k):
    tag = f"m{-k}" if k < 0 else str(k)
    with pytest.raises(np.linalg.LinAlgError, match="Last 2 dimensions of the array must be square"):
        getattr(m, f"p_f64_{tag}")(np.zeros((2, 3)))


def test_singular_inverse_raises_linalgerror(m):
    with pytest.raises(np.linalg.LinAlgError, match="Singular matrix"):
        m.p_f64_m2(np.zeros((3, 3)))


# ---------------------------------------------------------------------------- the Julia kernels

RMS = os.path.join(fxload.FX_DIR, "randmatstat.fx")


@pytest.fixture(scope="module")
def rms():
    return fxload.compiled(RMS)


@pytest.fixture(scope="module")
def rms_py():
    return fxload.interpreted(RMS)


def test_randmatstat_equals_numpy_on_the_same_matrices(rms, rms_py):
    rng = np.random.default_rng(8)
    mats = [rng.standard_normal((200, 5, 5)) for _ in range(4)]
    assert rms.randmatstat_given(*mats) == rms_py.randmatstat_given(*mats)


def test_randmatstat_statistics_agree_with_numpy(rms, rms_py):
    rms.seed(1)
    rms_py.seed(1)
    got, want = rms.randmatstat(1000), rms_py.randmatstat(1000)
    # coefficients of variation of the traces (about 0.28 and 0.14 for 5x5 blocks): 1000 samples
    # estimate them within a few percent
    for g, w in zip(got, want):
        assert abs(g - w) < 0.25 * w
    rms.seed(1)
    assert rms.randmatstat(1000) == got          # reproducible from the seed


def test_randmatmul(rms, rms_py):
    rms.seed(2)
    x = rms.randmatmul(50)
    assert x.shape == (50, 50) and x.dtype == np.float64
    assert abs(x.mean() - 12.5) < 0.5              # each entry a sum of 50 products of U(0, 1): mean 12.5
    assert x.min() >= 0.0
    assert rms_py.randmatmul(3).shape == (3, 3)
