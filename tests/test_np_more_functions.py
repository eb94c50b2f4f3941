"""NumPy functions written as `.fx` source over supported operations (frontend/npsource.py):
compiled results equal NumPy's (tests/fx/np_more.fx run by NumPy) in values, dtypes and shapes,
on random inputs, empty arrays, strided and transposed views; NumPy's run-time errors are
raised with NumPy's messages; unsupported forms are located compile errors.

Equality is to the bit (NaN equal to NaN) except where noted: the templates run NumPy's own
element operations in NumPy's order, and sums are NumPy's pairwise summation."""
import numpy as np
import pytest

from fastext.compiler.diagnostics import CompileError
from fastext.compiler.driver import compile_source
from fxload import FX_DIR, compiled, interpreted

PATH = f"{FX_DIR}/np_more.fx"


@pytest.fixture(scope="module")
def mods():
    return compiled(PATH), interpreted(PATH)


def _same(expect, got) -> bool:
    if isinstance(expect, tuple):
        return isinstance(got, tuple) and len(got) == len(expect) and all(map(_same, expect, got))
    if isinstance(expect, list):
        return isinstance(got, list) and len(got) == len(expect) and all(map(_same, expect, got))
    e, g = np.asarray(expect), np.asarray(got)
    return e.dtype == g.dtype and e.shape == g.shape and np.array_equal(e, g, equal_nan=e.dtype.kind in "fc")


def check(mods, name, *args):
    m, p = mods
    expect = getattr(p, name)(*[a.copy() if isinstance(a, np.ndarray) else a for a in args])
    got = getattr(m, name)(*args)
    assert _same(expect, got), (name, args, expect, got)


def raises_same(mods, name, *args, prefix=False):
    """NumPy's exception and message; `prefix`: the message's first sentence (a fused loop names the
    shapes of all its operands where NumPy names those of one step)."""
    m, p = mods
    with pytest.raises(Exception) as want:
        getattr(p, name)(*args)
    with pytest.raises(want.type) as info:
        getattr(m, name)(*args)
    if prefix:
        assert str(info.value).split(" with ")[0] == str(want.value).split(" with ")[0]
    else:
        assert str(info.value) == str(want.value)


def views(a):
    """a itself, a strided view and (2-D) a transposed copy's view of the same values."""
    out = [a]
    if a.ndim == 1:
        wide = np.empty(2 * a.size, a.dtype)
        wide[::2] = a
        out.append(wide[::2])
    elif a.ndim == 2:
        out.append(np.ascontiguousarray(a.T).T)
    return out


SEEDS = range(12)


@pytest.mark.parametrize("seed", SEEDS)
def test_trapezoid(mods, seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(0, 40))
    y = rng.standard_normal(n)
    for v in views(y):
        check(mods, "trap_1d", v)
        check(mods, "trap_x", v, np.sort(rng.random(n)))
    check(mods, "trap_dx", y.astype(np.float32), float(rng.random()))
    Y = rng.standard_normal((n, 3))
    for v in views(Y):
        check(mods, "trap_axis0", v, np.cumsum(rng.random(n)))
        check(mods, "trap_2d", v, rng.random((n, 3)))
    check(mods, "trap_int", rng.integers(-50, 50, (3, n)))


def test_trapezoid_errors(mods):
    raises_same(mods, "trap_x", np.ones(4), np.ones(5), prefix=True)       # shapes that do not broadcast
    raises_same(mods, "trap_axis0", np.ones((4, 2)), np.ones(3), prefix=True)


@pytest.mark.parametrize("seed", SEEDS)
def test_gradient(mods, seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 30))
    f = rng.standard_normal(n)
    for v in views(f):
        check(mods, "grad", v)
    check(mods, "grad_dx", rng.integers(-100, 100, n), float(rng.random() + 0.1))
    check(mods, "grad_f32", f.astype(np.float32))


@pytest.mark.parametrize("seed", SEEDS)
def test_gradient_nd(mods, seed):
    rng = np.random.default_rng(seed)
    shape = tuple(int(x) for x in rng.integers(3, 7, 3))
    f = rng.standard_normal(shape)
    for v in views(f[0]):
        check(mods, "grad_2d", v, float(rng.random() + 0.1), float(rng.random() + 0.1))
        check(mods, "grad_2d_order2", v.astype(np.float32))
    check(mods, "grad_axis", rng.integers(-99, 99, shape))
    check(mods, "grad_axes", f, float(rng.random() + 0.1))
    check(mods, "grad_axes", f.transpose(2, 0, 1), 0.5)
    check(mods, "grad_order2", f[0, 0])


def test_gradient_too_short(mods):
    for n in (0, 1):
        raises_same(mods, "grad", np.ones(n))
    raises_same(mods, "grad_order2", np.ones(2))
    raises_same(mods, "grad_2d_order2", np.ones((5, 2), np.float32))


@pytest.mark.parametrize("seed", SEEDS)
def test_digitize(mods, seed):
    rng = np.random.default_rng(seed)
    x = rng.random(int(rng.integers(0, 30))) * 1.2 - 0.1
    bins = np.sort(rng.random(int(rng.integers(0, 8))))
    if seed % 3 == 0 and bins.size > 1:
        bins[1] = bins[0]                              # ties
        x[:2] = bins[0] if x.size >= 2 else x[:2]
    for v in views(x):
        check(mods, "digitize", v, bins)
        check(mods, "digitize", v, bins[::-1])         # decreasing bins
    check(mods, "digitize_right", x[: x.size // 2 * 2].reshape(2, -1), bins)
    check(mods, "digitize_right", x[: x.size // 2 * 2].reshape(2, -1), bins[::-1])
    check(mods, "digitize_one", float(x[0]) if x.size else 0.5, np.array([0, 1, 1, 3]))
    check(mods, "digitize", np.array([np.nan, np.inf, -np.inf]), bins)


def test_digitize_errors(mods):
    raises_same(mods, "digitize", np.ones(3), np.array([0.0, 2.0, 1.0]))
    # a comparison with NaN reverses nothing: no error (the bins are not sorted, so the indices
    # are those of a binary search of unsorted data, which NumPy leaves undefined)
    assert mods[0].digitize(np.ones(3), np.array([0.0, np.nan, 1.0])).shape == (3,)
    raises_same(mods, "digitize", np.ones(3), np.array([1.0, 1.0, 2.0, 0.0]))


@pytest.mark.parametrize("seed", SEEDS)
def test_ptp(mods, seed):
    rng = np.random.default_rng(seed)
    a = rng.standard_normal((int(rng.integers(1, 6)), int(rng.integers(1, 7))))
    for v in views(a):
        check(mods, "ptp", v)
    check(mods, "ptp", np.array([[1.0, np.nan]]))
    ints = rng.integers(-2**31, 2**31 - 1, a.shape).astype(np.int32)     # wraps, as NumPy's subtract
    check(mods, "ptp_axis", ints)
    check(mods, "ptp_keep", rng.integers(0, 256, a.shape).astype(np.uint8))


def test_ptp_empty(mods):
    raises_same(mods, "ptp", np.ones((0, 3)))
    raises_same(mods, "ptp_axis", np.ones((0, 3), np.int32))


@pytest.mark.parametrize("seed", SEEDS)
def test_ediff1d(mods, seed):
    rng = np.random.default_rng(seed)
    a = rng.standard_normal((int(rng.integers(0, 5)), int(rng.integers(0, 5))))
    for v in views(a):
        check(mods, "ediff1d", v)
    ints = rng.integers(-9, 9, int(rng.integers(0, 8)))
    check(mods, "ediff1d_ends", ints, rng.integers(-9, 9, int(rng.integers(0, 3))))


@pytest.mark.parametrize("seed", SEEDS)
def test_sinc(mods, seed):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(int(rng.integers(0, 40))) * 3
    x[::5] = 0.0
    for v in views(x):
        check(mods, "sinc", v)
    # float32: NumPy's own SIMD sine against libmvec's, within 2 ULP (float64 is the same sine)
    x32 = x[: x.size // 4 * 4].reshape(4, -1).astype(np.float32)
    got, want = mods[0].sinc_f32(x32), mods[1].sinc_f32(x32)
    assert got.dtype == want.dtype == np.float32
    np.testing.assert_array_max_ulp(got, want, maxulp=2)
    for v in (0.0, -0.0, float(rng.standard_normal()), np.inf, np.nan):
        check(mods, "sinc_one", v)


@pytest.mark.parametrize("seed", SEEDS)
def test_array_equal(mods, seed):
    rng = np.random.default_rng(seed)
    a = rng.integers(0, 3, int(rng.integers(0, 6))).astype(np.float64)
    b = a.copy()
    if seed % 2 and b.size:
        b[-1] += 1
    for v in views(a):
        check(mods, "array_equal", v, b)
    check(mods, "array_equal", a, a[:-1])
    A = a[: a.size // 2 * 2].reshape(2, -1)
    A[0, :1] = np.nan
    check(mods, "array_equal_nan", A, A.copy())
    check(mods, "array_equal_nan", A, A.T.copy().T)
    check(mods, "array_equal_nan", A, np.zeros((1, 1)))
    check(mods, "array_equal_ranks", a, A)


@pytest.mark.parametrize("seed", SEEDS)
def test_polyval(mods, seed):
    rng = np.random.default_rng(seed)
    p = rng.standard_normal(int(rng.integers(0, 7)))
    x = rng.standard_normal(int(rng.integers(0, 20)))
    for v in views(x):
        check(mods, "polyval", p, v)
    if p.size:       # (an empty p: zeros of the promoted dtype, not x's; docs/language.md)
        check(mods, "polyval_mixed", rng.integers(-5, 5, p.size), rng.random((3, 4)).astype(np.float32))
    check(mods, "polyval_one", p, float(rng.standard_normal()))


@pytest.mark.parametrize("seed", SEEDS)
def test_vander(mods, seed):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(int(rng.integers(0, 8)))
    for v in views(x):
        check(mods, "vander", v)
    ints = rng.integers(-9, 9, x.size).astype(np.int32)
    for n in (0, 1, 2, 5):
        check(mods, "vander_n", ints, n)
        check(mods, "vander_f32", x.astype(np.float32), n)


def test_vander_negative_n(mods):
    raises_same(mods, "vander_n", np.arange(3, dtype=np.int32), -1)


HEADER = "import numpy as np\nfrom fastext import f64, i64, c128\n\n\n"
MISUSE = [
    ("def f(a: f64[:, :], d: f64) -> f64[:, :]:\n    return np.gradient(a, d, d, d)\n", "one per axis (2)",
     (6, 11)),
    ("def f(a: f64[:], s: f64[:]) -> f64[:]:\n    return np.gradient(a, s)\n", "the spacing must be a real number",
     (6, 26)),
    ("def f(a: f64[:]) -> f64[:]:\n    return np.gradient(a, edge_order=3)\n", "edge_order", (6, 37)),
    ("def f(a: f64[:], b: f64[:, :]) -> i64[:]:\n    return np.digitize(a, b)\n", "bins must be a 1-D array",
     (6, 26)),
    ("def f(a: c128[:], b: f64[:]) -> i64[:]:\n    return np.digitize(a, b)\n", "not supported", (6, 23)),
    ("def f(a: bool[:]) -> bool:\n    return np.ptp(a)\n", "bool array", (6, 11)),
    ("def f(a: f64[:], b: f64[:, :, :]) -> f64:\n    return np.trapezoid(a, b)\n", "x must be 1-D", (6, 27)),
    ("def f(a: f64[:, :]) -> f64[:, :]:\n    return np.vander(a)\n", "one-dimensional", (6, 21)),
    ("def f(a: f64[:], b: f64[:, :]) -> f64[:]:\n    return np.polyval(b, a)\n", "p must be a 1-D array",
     (6, 22)),
    ("def f(a: i64[:]) -> i64[:]:\n    return np.ediff1d(a, to_begin=0.5)\n", "cannot be cast", (6, 34)),
    ("def f(a: f64[:]) -> f64[:]:\n    return np.rot90(a)\n", "at least 2 dimensions", (6, 20)),
    ("def f(a: f64[:, :]) -> f64[:, :]:\n    return np.rot90(a, axes=(0, 0))\n", "must be different", (6, 28)),
    ("def f(a: f64[:, :]) -> f64[:, :]:\n    return np.rot90(a, 1.5)\n", "k must be an integer", (6, 23)),
    ("def f(a: f64[:, :, :]) -> f64[:, :, :]:\n    return np.moveaxis(a, (0, 0), (1, 2))\n", "repeated axis",
     (6, 26)),
    ("def f(a: f64[:, :, :]) -> f64[:, :, :]:\n    return np.moveaxis(a, 0, 3)\n", "out of bounds", (6, 29)),
    ("def f(a: f64[:, :, :]) -> f64[:, :, :]:\n    return np.moveaxis(a, (0, 1), 2)\n", "same number", (6, 11)),
    ("def f(a: f64[:], b: f64[:]) -> f64[:]:\n    return np.gcd(a, b)\n", "np.gcd is not defined", (6, 11)),
    ("def f(a: c128[:]) -> c128[:]:\n    return np.modf(a)[0]\n", "not supported", (6, 19)),
    ("def f(a: f64[:], b: f64[:]) -> f64[:]:\n    return np.intersect1d(a, b, True)\n", "assume_unique", (6, 32)),
    ("def f(a: f64[:], b: f64[:]) -> f64[:]:\n    return np.union1d(a, b, True)\n", "at most 2 arguments", (6, 11)),
    ("def f(a: f64[:], b: f64) -> f64[:]:\n    return np.intersect1d(a, b)\n", "needs an array", (6, 29)),
    ("def f(a: f64[:]) -> f64[:]:\n    return np.unwrap(a, period=360)\n", "integer period", (6, 31)),
    ("def f(a: f64[:, :]) -> f64:\n    return np.linalg.norm(a, 3)\n", "supports None, 2, 1", (6, 29)),
    ("def f(a: f64[:], k: f64) -> list[f64[:]]:\n    return np.split(a, k)\n", "an int or a 1-D sequence", (6, 23)),
    ("def f(a: f64[:]) -> list[f64[:]]:\n    return np.split(a, 2, axis=1)\n", "out of bounds", (6, 31)),
    ("def f(a: f64[:, :], i: i64[:]) -> f64[:, :]:\n    return np.add.reduceat(a, i, axis=1)\n", "other than 0",
     (6, 38)),
    ("def f(a: f64[:, :, :], i: i64[:]) -> f64[:, :, :]:\n    return np.add.reduceat(a, i)\n", "more than 2",
     (6, 27)),
    ("def f(a: f64[:], i: f64[:]) -> f64[:]:\n    return np.add.reduceat(a, i)\n", "indices must be", (6, 30)),
    ("def f(a: f64[:, :]) -> f64[:]:\n    return np.broadcast_to(a, (3,))\n", "more dimensions than allowed",
     (6, 30)),
]


@pytest.mark.parametrize("body, message, where", MISUSE)
def test_misuse_is_a_located_compile_error(body, message, where):
    with pytest.raises(CompileError) as info:
        compile_source(HEADER + body, "<misuse>", "misuse")
    d = info.value.diagnostics[0]
    assert message in d.message, d.message
    assert (d.span.line, d.span.col) == where, (d.span.line, d.span.col, d.message)


# ----------------------------------------------------------------------------- group 2

INT_EDGES = np.array([0, 1, -1, -4, 12, 18, -2**63, 2**63 - 1, 7, -2**62])


@pytest.mark.parametrize("seed", SEEDS)
def test_gcd_lcm(mods, seed):
    rng = np.random.default_rng(seed)
    a = rng.integers(-1000, 1000, 6)
    b = rng.integers(-1000, 1000, (3, 6))
    b[0, :3] = 0
    check(mods, "gcd", a, b)
    check(mods, "gcd", INT_EDGES, INT_EDGES[::-1][None, :])
    check(mods, "gcd", INT_EDGES[::2], INT_EDGES.reshape(2, 5))
    check(mods, "lcm", rng.integers(-300, 300, 9).astype(np.int32), int(rng.integers(-300, 300)))
    # (an lcm past the dtype's range wraps; NumPy's loops disagree on its sign, so none here)
    check(mods, "lcm", np.array([0, -2**30, 2**29 - 1, 6, -6], np.int32), 4)
    for x, y in zip(INT_EDGES, INT_EDGES[::-1]):
        check(mods, "gcd_one", int(x), int(y))
    x, y = rng.integers(0, 256, 10).astype(np.uint8), rng.integers(0, 256, 10).astype(np.uint8)
    got, want = np.zeros(10, np.uint8), np.zeros(10, np.uint8)
    mods[0].gcd_u8_out(x, y, got)
    mods[1].gcd_u8_out(x, y, want)
    assert _same(want, got)


FLOAT_EDGES = np.array([0.0, -0.0, 1.5, -2.0, -2.5, np.inf, -np.inf, np.nan, 5e-324, 1e-310, 3e300, -7.25, 0.5])


@pytest.mark.parametrize("seed", SEEDS)
def test_ldexp(mods, seed):
    rng = np.random.default_rng(seed)
    x = np.concatenate([FLOAT_EDGES, rng.standard_normal(7) * 10.0 ** rng.integers(-300, 300, 7)])
    n = rng.integers(-1100, 1100, x.size)
    n[:3] = [2**40, -2**40, 0]                        # saturating exponents
    with np.errstate(all="ignore"):
        for v in views(x):
            check(mods, "ldexp", v, n)
        check(mods, "ldexp_f32", x[:20].astype(np.float32).reshape(4, 5), int(rng.integers(-200, 200)))


@pytest.mark.parametrize("seed", SEEDS)
def test_modf_frexp(mods, seed):
    rng = np.random.default_rng(seed)
    x = np.concatenate([FLOAT_EDGES, rng.standard_normal(11) * 10.0 ** rng.integers(-20, 20, 11)])
    for v in views(x):
        check(mods, "modf", v)
        check(mods, "frexp", v)
        check(mods, "frexp_roundtrip", v)
    m, i = mods[0].modf(x)
    assert np.array_equal(np.signbit(m), np.signbit(np.modf(x)[0]))      # -2.0 gives -0.0
    x32 = x[:24].astype(np.float32).reshape(4, 6)
    for v in views(x32):
        check(mods, "modf_f32", v)
        check(mods, "frexp_f32", v)
    check(mods, "modf_int", rng.integers(-50, 50, 7))
    for v in x[:16]:
        check(mods, "modf_one", float(v))
        check(mods, "frexp_one", float(v))
    check(mods, "modf", np.zeros(0))
    check(mods, "frexp", np.zeros(0))


@pytest.mark.parametrize("shape", [(3, 4), (1, 5), (0, 2), (4, 4)])
def test_rot90(mods, shape):
    rng = np.random.default_rng(len(shape))
    a = rng.standard_normal(shape)
    for v in views(a):
        for k in range(-5, 6):
            check(mods, "rot90", v, k)
    check(mods, "rot90_axes", np.arange(24).reshape(2, 3, 4))
    if a.size:
        got, want = a.copy(), a.copy()
        mods[0].rot90_write(got)
        mods[1].rot90_write(want)
        assert _same(want, got)          # a view: the write reaches the argument


def test_moveaxis(mods):
    a = np.random.default_rng(2).standard_normal((2, 3, 4, 5))
    check(mods, "moveaxis", a[0])
    check(mods, "moveaxis", a[0].transpose(2, 0, 1))
    check(mods, "moveaxis_many", a)


# ----------------------------------------------------------------------------- group 3

@pytest.mark.parametrize("seed", SEEDS)
def test_set_functions(mods, seed):
    rng = np.random.default_rng(seed)
    a = rng.integers(0, 12, int(rng.integers(0, 20))).astype(np.float64)
    b = rng.integers(0, 12, int(rng.integers(0, 10))).astype(np.float64)
    if seed % 2 and a.size and b.size:
        a[0] = b[0] = np.nan
    ai = rng.integers(0, 12, (3, int(rng.integers(0, 5))))
    for v in views(a):
        check(mods, "union1d", v, b)
        check(mods, "setdiff1d", v, ai[0])
    check(mods, "intersect1d", ai, b)
    check(mods, "intersect1d", ai.T.copy().T, b[::-1])
    i32 = rng.integers(-5, 5, 15).astype(np.int32)
    check(mods, "setdiff1d_int", i32, i32[::3])


@pytest.mark.parametrize("seed", SEEDS)
def test_unwrap(mods, seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(0, 40))
    phase = np.cumsum(rng.standard_normal(n) * 3)
    wrapped = np.angle(np.exp(1j * phase))
    for v in views(wrapped):
        check(mods, "unwrap", v)
    check(mods, "unwrap", np.array([0.0, np.pi, 0.0, -np.pi, 2 * np.pi, np.nan, 1.0]))   # exact half periods
    check(mods, "unwrap_axis", (phase[: n // 4 * 4] % 6).astype(np.float32).reshape(4, -1), float(rng.random() * 4))
    check(mods, "unwrap_degrees", rng.integers(0, 720, n))


@pytest.mark.parametrize("seed", SEEDS)
def test_cov_corrcoef_y(mods, seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 30))
    x = rng.standard_normal(n)
    for v in views(x):
        check(mods, "corrcoef_xy", v, x ** 2 + rng.standard_normal(n))
    check(mods, "cov_xy", rng.standard_normal((3, n)), rng.integers(-9, 9, n))
    raises_same(mods, "corrcoef_xy", x, x[:-1])           # lengths that do not stack


@pytest.mark.parametrize("seed", SEEDS)
def test_matrix_norms(mods, seed):
    rng = np.random.default_rng(seed)
    a = rng.standard_normal((int(rng.integers(1, 7)), int(rng.integers(1, 7))))
    for v in views(a):
        check(mods, "norm_1", v)
        check(mods, "norm_fro", v)
    check(mods, "norm_inf", a.astype(np.float32))
    check(mods, "norm_minus", rng.integers(-9, 9, a.shape))
    for v in views(a):
        check(mods, "norm_2", v)
    check(mods, "norm_2_f32", a.astype(np.float32))
    check(mods, "norm_2_int", rng.integers(-9, 9, a.shape))


def test_matrix_norm_empty(mods):
    check(mods, "norm_1", np.ones((0, 3)))
    check(mods, "norm_1", np.ones((3, 0)))              # NumPy's max starts from 0
    check(mods, "norm_inf", np.ones((0, 3), np.float32))
    raises_same(mods, "norm_minus", np.ones((3, 0), np.int64))     # its min has no start


@pytest.mark.parametrize("seed", SEEDS)
def test_reduceat(mods, seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 400))
    a = rng.standard_normal(n)
    ix = rng.integers(0, n, int(rng.integers(0, 9)))
    if seed % 2:
        ix = np.sort(ix)
    for v in views(a):
        check(mods, "add_reduceat", v, ix)
        check(mods, "multiply_reduceat", 1 + v / 100, ix)
    check(mods, "add_reduceat_f32", a.astype(np.float32), ix.astype(np.int32))
    rows = rng.standard_normal((n, 3))
    for v in views(rows):
        check(mods, "add_reduceat_rows", v, ix)
        check(mods, "maximum_reduceat", v, ix)
    check(mods, "add_reduceat_ints", rng.integers(-9, 9, (n, 2)).astype(np.int32), ix)
    check(mods, "add_reduceat_bool", a > 0, ix)
    check(mods, "minimum_reduceat", rng.integers(-99, 99, n), ix)


def test_reduceat_errors(mods):
    for ix in ([0, 5], [-1], [5]):
        raises_same(mods, "add_reduceat", np.ones(5), np.array(ix))


@pytest.mark.parametrize("shape", [(6, 4), (0, 3), (5, 2), (12, 1)])
def test_split(mods, shape):
    a = np.arange(float(np.prod(shape))).reshape(shape)
    for k in (1, 2, 3, 4, 6, 7):
        for v in views(a):
            if shape[0] % k == 0:
                check(mods, "split", v, k)
            else:
                raises_same(mods, "split", v, k)
        check(mods, "array_split", a.ravel(), k)
        check(mods, "array_split", a.ravel()[::-1], k)
    check(mods, "split_at", a, np.array([1, 3]))
    check(mods, "split_at", a, np.array([3, 1, 9, -1]))
    check(mods, "split_at", a, np.zeros(0, np.int64))
    check(mods, "split_list", a.ravel())
    if a.size % 2 == 0:
        check(mods, "split_unpack", a.ravel())
    else:
        raises_same(mods, "split_unpack", a.ravel())
    if a.size >= 3:
        got, want = a.ravel().copy(), a.ravel().copy()
        mods[0].split_write(got)
        mods[1].split_write(want)
        assert _same(want, got)          # the pieces are views


def test_split_errors(mods):
    raises_same(mods, "array_split", np.ones(3), 0)
    raises_same(mods, "split", np.ones((3, 2)), -1)


@pytest.mark.parametrize("n", [0, 1, 4])
def test_broadcast_to(mods, n):
    rng = np.random.default_rng(n)
    a = rng.standard_normal(5)
    for v in views(a):
        check(mods, "broadcast_rows", v, n)
    m2 = rng.standard_normal((1, 3))
    check(mods, "broadcast_3d", m2, n)
    check(mods, "broadcast_3d", rng.standard_normal((n, 3)), n)
    check(mods, "broadcast_number", 2.5, n)
    if n:
        check(mods, "broadcast_use", a, n)
    check(mods, "broadcast_flat", a[:1], n)
    got = mods[0].broadcast_fresh(n)
    assert _same(mods[1].broadcast_fresh(n), got)
    if n > 1:
        assert got.strides[0] == 0          # a view: the rows share one memory


def test_broadcast_to_errors(mods):
    raises_same(mods, "broadcast_rows", np.ones(3), -1)
    raises_same(mods, "broadcast_flat", np.ones(3), 2)                 # NumPy's message: the shapes fit
    raises_same(mods, "broadcast_3d", np.ones((2, 3)), 3, prefix=True)   # (the two extents that disagree)


def test_gcd_lcm_in_gpu_kernels_compile():
    """The scalar gcd/lcm loops are plain LLVM (a Euclid loop): they compile to PTX in kernels (run
    on a device by the GPU suites where one is present)."""
    source = ("import numpy as np\nfrom fastext import gpu, i64\n\n\n@gpu.kernel\n"
              "def k(a: i64[:], b: i64[:], out: i64[:]) -> None:\n    i = gpu.global_id(0)\n"
              "    if i < out.shape[0]:\n        out[i] = np.gcd(a[i], b[i]) + np.lcm(a[i], b[i])\n")
    art = compile_source(source, "gcdk.fx", "gcdk")
    assert art.object_code
