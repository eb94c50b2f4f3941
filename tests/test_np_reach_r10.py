"""NumPy functions added in round 10 (np.tri, np.geomspace, np.ravel_multi_index, ...), in
tests/fx/np_reach_r10.fx: each compiled result equals the same file run by CPython and NumPy —
values, shapes and dtypes — and where NumPy raises, the compiled module raises the same
exception with the same message."""
from __future__ import annotations

import numpy as np
import pytest

from fxload import FX_DIR, compile_error, compiled, interpreted, kernel_results, same_values

rng = np.random.default_rng(10)
PATH = f"{FX_DIR}/np_reach_r10.fx"


def r(*shape):
    return rng.random(shape)


def rc(*shape):
    return rng.random(shape) + 1j * rng.random(shape)


def ri(lo, hi, *shape):
    return rng.integers(lo, hi, shape)


CASES = {
    "tri_mask": [(4,), (0,), (1,), (-2,)],
    "tri_args": [(3, 5, 1), (4, 2, -1), (3, 3, 10), (0, 3, 0), (3, -1, 0)],
    "tri_kw": [(4, 1), (3, -2)],
    "spaces": [(1.0, 1000.0, 4), (-1.0, -1000.0, 5), (2.0, 3.0, 1), (2.0, 3.0, 0), (0.0, 1.0, 3), (1.0, 0.0, 3),
               (-1.0, 8.0, 4), (1.0, 3.0, -1), (3.0, 1e-5, 7), (1.0, 2.0, 50)],
    "spaces_open": [(1.0, 1000.0, 4), (5.0, 7.0, 1), (-2.0, -0.5, 6)],
    "spaces_int": [(5,), (1,), (0,)],
    "multi_idx": [(ri(0, 4, 6), ri(0, 5, 6)), (np.array([4]), np.array([0])), (np.array([0]), np.array([-1])),
                  (ri(0, 4, 0), ri(0, 5, 0))],
    "multi_idx_shape": [(ri(0, 3, 4), ri(0, 4, 2, 4), np.zeros((3, 4, 2))), (ri(0, 3, 4), ri(0, 4, 2, 4), np.zeros((3, 4, 1)))],
    "multi_idx_scalar": [(2, 6), (3, 0), (0, -1)],
    "multi_idx_wrap": [(ri(-9, 9, 8), ri(-9, 9, 8)), (ri(-9, 9, 0), ri(-9, 9, 0))],
    "vectorized": [(r(8),), (r(1),), (r(0),), (r(9)[::2],)],
    "vec_lambda2": [(r(3, 4), r(4), 2.0), (r(3, 1), r(4), 0.5), (r(1, 4), r(1), 1.0), (r(3, 4), r(3), 1.0),
                    (r(0, 4), r(4), 1.0), (r(3, 4), r(0), 1.0), (r(4, 3).T, r(4)[::-1], 3.0)],
    "vec_now": [(r(3, 4), 0.5), (r(3, 4).T, 0.5)],
    "vec_int": [(r(7),), (r(0),)],
    "vec_bool": [(ri(0, 5, 3, 3), ri(0, 5, 3, 3)), (ri(0, 5, 3, 1), ri(0, 5, 1, 3))],
    "vec_math": [(r(6) - 0.5,)],
    "vec_raises": [(r(4),), (r(4) - 2.0,)],
    "piecewise": [(r(10),), (r(0),), (np.full(3, 0.1),)],
    "pw_else": [(r(12), 3.0), (np.full(3, 0.5), 1.0), (r(0), 1.0)],
    "pw_overlap": [(r(4, 5),), (r(4, 5).T,)],
    "pw_int": [(ri(0, 20, 9),), (ri(0, 3, 0),)],
    "pw_scalar_fn": [(r(7),)],
    "fft2_abs": [(r(4, 6),), (r(1, 1),), (r(3, 5),), (r(0, 3),), (r(3, 0),), (r(5, 7).T,)],
    "fft2_c": [(rc(8, 5),), (rc(2, 3)[:, ::-1],)],
    "ifft2_c": [(rc(4, 6),), (rc(7, 1),)],
    "rfft2_r": [(r(4, 6),), (r(5, 7),), (r(1, 1),), (r(0, 2),)],
    "irfft2_c": [(rc(4, 4),), (rc(3, 5),), (rc(2, 1),), (rc(0, 3),)],
    "roundtrip": [(r(4, 6),), (r(6, 8),)],
    "fftn_2": [(ri(0, 9, 4, 5),)],
    "fftn_1": [(r(12),), (r(0),)],
    "eig_real": [(r(4, 4),), (r(1, 1),), (r(0, 0),), (r(3, 2),)],
    # complex eigenvalues, so NumPy's result is complex too (real ones: float64 in NumPy, see below)
    "eig_int": [(np.array([[0, -1], [1, 0]]),), (np.array([[1, -2, 0], [3, 1, 0], [0, 0, 1]]),)],
}
# the 2-D transforms are built on fastext's own 1-D FFT: 1e-12 of the largest item, not pocketfft's bits
_LOOSE = {"eig_real", "fft2_abs", "fft2_c", "ifft2_c", "rfft2_r", "irfft2_c", "roundtrip", "fftn_2", "fftn_1"}


@pytest.mark.parametrize("kernel,case", [(k, i) for k, cases in CASES.items() for i in range(len(cases))])
def test_kernel_equals_numpy(kernel, case):
    results = kernel_results(interpreted(PATH), compiled(PATH), kernel, CASES[kernel][case])
    if results is None:
        return          # both raised the same exception type
    expected, got, a_py, a_nat = results
    if kernel in _LOOSE:
        same_values(expected, got, rtol=1e-12, atol=1e-12)
    else:
        same_values(expected, got)
    same_values(a_py, a_nat)


@pytest.mark.parametrize("kernel,args", [("spaces", (0.0, 1.0, 3)), ("spaces", (1.0, 2.0, -1)),
                                         ("multi_idx", (np.array([4]), np.array([0]))),
                                         ("multi_idx_scalar", (0, 7)), ("vectorized", (np.zeros(0),)),
                                         ("vec_lambda2", (np.ones((2, 3)), np.zeros(0), 1.0))])
def test_errors_say_what_numpy_says(kernel, args):
    with pytest.raises(ValueError) as want:
        getattr(interpreted(PATH), kernel)(*args)
    with pytest.raises(ValueError) as got:
        getattr(compiled(PATH), kernel)(*args)
    assert str(got.value) == str(want.value)


def test_geomspace_ends_are_exact():
    """NumPy puts start and stop back after the powers of ten: the ends are the arguments' bits."""
    mod = compiled(PATH)
    for a, b in ((3.0, 7.1), (-0.3, -11.7), (1e-300, 1e300)):
        got = mod.spaces(a, b, 9)
        assert got[0] == a and got[-1] == b
        assert np.array_equal(got, np.geomspace(a, b, 9))


def test_vectorize_raises_what_the_function_raises():
    with pytest.raises(ValueError, match="math domain error"):
        compiled(PATH).vec_raises(np.array([1.0, -1.0]))


HEAD = "import numpy as np\nfrom fastext import c128, f64\n\n\n"
LIMITS = {
    "passed": ("def _apply(g, x: f64[:]) -> f64[:]:\n    return g(x)\n\n\ndef f(x: f64[:]) -> f64[:]:\n"
               "    vf = np.vectorize(lambda v: v + 1.0)\n    return _apply(vf, x)\n",
               "(np.vectorize) cannot be passed to another function"),
    "stored": ("def f(x: f64[:]) -> f64[:]:\n    vs = [np.vectorize(abs)]\n    return x\n",
               "must be bound to a name (`vf = np.vectorize(f)`) or called at once"),
    "otypes": ("def f(x: f64[:]) -> f64[:]:\n    return np.vectorize(abs, otypes=[float])(x)\n",
               "np.vectorize(otypes=...) is not supported"),
    "numbers": ("def f(x: float) -> float:\n    return np.vectorize(abs)(x)\n", "only gives a 0-d array in NumPy"),
    "piecewise_count": ("def f(x: f64[:]) -> f64[:]:\n    return np.piecewise(x, [x < 0.5], [1.0, 2.0, 3.0])\n",
                        "with 1 condition(s), either 1 or 2 functions are expected"),
    "piecewise_args": ("def f(x: f64[:]) -> f64[:]:\n    return np.piecewise(x, [x < 0.5], [lambda v, k: v * k], 2.0)\n",
                       "extra arguments for the functions are not supported"),
    "fft2_axes": ("def f(x: f64[:, :]) -> f64[:, :]:\n    return np.fft.fft2(x, axes=(0, 1)).real\n",
                  "np.fft.fft2(axes=...) is not supported"),
    "fft2_1d": ("def f(x: f64[:]) -> f64[:]:\n    return np.fft.fft2(x).real\n",
                "np.fft.fft2() of a 1-D array is not supported"),
    "eig_complex": ("def f(x: c128[:, :]) -> c128[:]:\n    return np.linalg.eigvals(x)\n",
                    "np.linalg.eigvals of a complex matrix is not supported"),
    "not_a_function": ("def f(x: f64[:]) -> f64[:]:\n    return np.vectorize(x)(x)\n", "needs a function"),
}


@pytest.mark.parametrize("name", sorted(LIMITS))
def test_limits_are_located_errors(tmp_path, name):
    source, message = LIMITS[name]
    text = compile_error(tmp_path, HEAD + source)
    assert message in text and "bad_program.fx:" in text and "^" in text


def test_eig_is_numpys_dgeev_as_complex():
    """LAPACK's dgeev from NumPy's own library, called as NumPy calls it: NumPy's eigenvalues and
    eigenvectors to the bit, always complex128 (NumPy's are float64 when every eigenvalue is real:
    a dtype that depends on the values, docs/language.md); a rotation has a conjugate pair."""
    mod = compiled(PATH)
    rot = np.array([[0.0, -1.0], [1.0, 0.0]])
    for a in (r(4, 4), r(5, 5), rot, np.eye(3), r(1, 1), r(6, 6).T, r(7, 7) - 0.5, np.zeros((0, 0))):
        w, v = mod.eig_wv(a)
        want_w, want_v = np.linalg.eig(a)
        assert w.dtype == v.dtype == np.complex128
        assert np.array_equal(w, want_w.astype(np.complex128)) and np.array_equal(v, want_v.astype(np.complex128))
        assert np.array_equal(mod.eigvals_c(a), np.linalg.eigvals(a).astype(np.complex128))
        if len(a):
            assert mod.eig_check(a) < 1e-12
    for bad in (r(2, 3), np.array([[np.nan, 1.0], [1.0, 1.0]]), np.array([[np.inf]])):
        with pytest.raises(np.linalg.LinAlgError) as want:
            np.linalg.eig(bad)
        with pytest.raises(np.linalg.LinAlgError) as got:
            mod.eig_wv(bad)
        assert str(got.value) == str(want.value)


EIG_ONLY = "import numpy as np\nfrom fastext import c128, f64\n\n\ndef ev(a: f64[:, :]) -> c128[:]:\n" \
           "    return np.linalg.eigvals(a)\n"
CHILD = """
import importlib.util, sys
import numpy as np
spec = importlib.util.spec_from_file_location("eig_only", sys.argv[1])
m = importlib.util.module_from_spec(spec)
spec.loader.exec_module(m)
print(m.__fastext_blas__())
print(m.ev(np.zeros((0, 0))).shape)
try:
    m.ev(np.eye(2))
except np.linalg.LinAlgError as e:
    print(e)
"""


def test_eig_without_lapack_is_a_linalg_error(tmp_path):
    """eig has no native code: without LAPACK a non-empty matrix raises LinAlgError saying why."""
    import fxload
    path = tmp_path / "eig_only.fx"
    path.write_text(EIG_ONLY)
    lines = fxload.run_without_blas(CHILD, fxload.linked_object(str(path), tmp_path))
    assert lines[0] == "None" and lines[1] == "(0,)"
    assert lines[2].startswith("np.linalg.eig needs LAPACK")
