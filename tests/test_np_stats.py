"""np.median, np.percentile, np.quantile, np.histogram, np.cov, np.corrcoef, np.convolve, np.interp
and np.pad against NumPy: tests/fx/np_stats.fx compiled and run by CPython and NumPy on several
inputs each (empty and one-item arrays where NumPy defines a result, NaN, ints, float32), values,
shapes and dtypes equal — or the same exception; random shapes for the order statistics; and a
located compile error for each argument form .fx code does not take."""
from __future__ import annotations

import copy
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fastext.compiler.diagnostics import CompileError
from fastext.compiler.driver import compile_source
from fxload import FX_DIR, compiled, interpreted

PATH = f"{FX_DIR}/np_stats.fx"
rng = np.random.default_rng(7)


def r(*shape):
    return rng.random(shape)


def nans(a, *where):
    a = a.copy()
    for w in where:
        a[w] = np.nan
    return a


def ints(lo, hi, shape, dtype=np.int64):
    return rng.integers(lo, hi, shape).astype(dtype)


ON_EDGES = np.concatenate([np.linspace(0.0, 1.0, 11), np.linspace(0.25, 0.75, 8), [-1.0, 2.0, 0.1, 0.7]])
SORTED_X = np.linspace(-0.2, 1.2, 57)
XP = np.sort(r(9))

# name -> argument tuples, one call each (copied per run)
CASES = {
    "medians": [(r(5, 6),), (r(4, 7),), (nans(r(4, 5), (1, 2), (3, 0)),), (r(1, 1),), (np.zeros((0, 3)),),
                (np.ones((3, 4)),)],
    "median_1d": [(r(1),), (r(2),), (r(101),), (r(100),), (np.array([3.0, 1.0, 2.0, 1.0]),),
                  (nans(r(9), 4),), (np.array([]),), (np.array([np.inf, -np.inf, 1.0]),)],
    "median_ints": [(ints(-50, 50, (5, 6), np.int32), np.array([True, False, True])),
                    (ints(0, 3, (4, 1), np.int32), np.array([False, True]))],
    "median_f32": [(r(7).astype(np.float32),), (r(8).astype(np.float32),)],
    "median_expr": [(r(4, 5), r(4, 5))],
    "percentiles": [(r(6, 7), 37.5), (r(6, 7), 0.0), (r(6, 7), 100.0), (r(1, 5), 50.0),
                    (nans(r(5, 4), (2, 1)), 75.0), (r(3, 3), 150.0), (r(3, 3), np.nan), (r(3, 3), -1.0)],
    "quantiles": [(r(6, 7), 0.3), (ints(0, 4, (5, 6)).astype(float), 0.5), (r(2, 9), 1.0), (r(3, 4), 0.999),
                  (np.zeros((3, 0)), 0.5), (r(2, 2), 1.5)],
    "percentile_1d": [(r(1), 12.0), (r(2), 50.0), (r(10), 99.9), (np.array([]), 50.0), (nans(r(6), 0), 20.0),
                      (np.array([1.0, np.inf]), 100.0), (np.array([-np.inf, 1.0]), 25.0)],
    "quantile_ints": [(ints(-1000, 1000, (6, 5)), 0.3), (ints(0, 2, (3, 8)), 0.5), (ints(-9, 9, (1, 1)), 0.77)],
    "percentile_f32": [(r(9).astype(np.float32), r(1).astype(np.float32))],
    "percentile_array": [(r(20), np.array([0.0, 12.5, 50.0, 99.0, 100.0])), (nans(r(7), 3), np.array([10.0, 90.0])),
                         (r(5), np.array([50.0, 101.0])), (r(4), np.array([], dtype=float))],
    "histograms": [(r(100),), (ON_EDGES,), (np.array([0.5, 0.5]),), (np.array([]),), (nans(r(5), 2),),
                   (np.array([1e300, -1e300]),), (np.array([np.inf, 1.0]),)],
    "histogram_2d": [(r(10, 10), 4), (r(3, 4), 1), (r(3, 4), 0), (r(2, 3), 1000)],
    "histogram_ints": [(ints(-20, 20, 50), 7), (np.array([5, 5, 5]), 3), (np.arange(11), 10)],
    "histogram_f32": [(r(40).astype(np.float32),), (ON_EDGES.astype(np.float32),)],
    "histogram_edges": [(np.concatenate([r(40), ON_EDGES]), np.array([0.0, 0.2, 0.5, 0.5, 0.9, 1.0]),
                         np.array([0, 2, 5, 10])),
                        (r(20), np.array([0.5]), np.array([1, 9])),
                        (r(20), np.array([0.0, 0.5, 0.2]), np.array([0, 1]))],
    "covariances": [(r(4, 10), r(10)), (r(3, 2), r(2)), (r(2, 1), r(1)), (ints(0, 9, (3, 6)).astype(float), r(3))],
    "cov_ints": [(ints(-5, 5, (3, 7), np.int32),)],
    "correlations": [(r(3, 8), r(10)), (np.vstack([r(6), np.ones(6), r(6)]), np.ones(4))],
    "convolutions": [(r(10), r(3)), (r(3), r(10)), (r(20), r(15)), (r(1), r(1)), (r(5), r(5)), (r(30), r(11)),
                     (r(30), r(12)), (r(4), r(2)), (np.array([]), r(3)), (r(3), np.array([]))],
    "convolve_ints": [(ints(-9, 9, 10, np.int32), ints(-9, 9, 4)), (ints(-9, 9, 3, np.int32), ints(-9, 9, 8)),
                      (ints(-9, 9, 13, np.int32), ints(-9, 9, 13))],
    "convolve_mixed": [(ints(-9, 9, 10, np.int32), r(4).astype(np.float32))],
    "interpolations": [(r(20) * 1.4 - 0.2, XP, r(9)), (SORTED_X, XP, r(9)), (SORTED_X[::-1].copy(), XP, r(9)),
                       (np.array([np.nan, 0.5, 0.2, 0.25, 0.9]), np.array([0.1, 0.2, 0.2, 0.9]), r(4)),
                       (np.array([np.nan, 0.1, 0.5, 0.9]), np.array([0.5]), np.array([3.0])),
                       (r(3), np.array([]), np.array([])), (r(3), XP, r(8)),
                       (np.array([0.0, 0.5, 1.0]), np.array([0.0, 1.0]), np.array([np.inf, np.inf]))],
    "interp_ints": [(ints(-2, 12, (3, 4)), np.array([0, 3, 5, 10]), r(4).astype(np.float32))],
    "pads": [(np.arange(4), r(3, 4)), (np.array([5]), r(1, 1)), (np.array([], dtype=np.int64), r(2, 3))],
    "pad_cast": [(np.arange(3, dtype=np.int32), 2), (np.arange(3, dtype=np.int32), 0),
                 (np.arange(3, dtype=np.int32), -1)],
    "stats_in_loop": [(r(5, 9),)],
    "stats_in_prange": [(r(6, 8),)],
}


def _run(f, args):
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")     # NumPy warns for empty means and zero degrees of freedom
        try:
            return f(*copy.deepcopy(args))
        except Exception as e:              # noqa: BLE001 - compared with the other side's exception
            return e


def _same(expect, got) -> bool:
    if isinstance(expect, Exception):
        return type(got) is type(expect) and str(got).split(" (")[0] in (str(expect), str(got))
    if isinstance(expect, tuple):
        return isinstance(got, tuple) and len(got) == len(expect) and all(map(_same, expect, got))
    if isinstance(expect, np.float32):      # a float32 result: the float32 value
        return np.isclose(np.float32(got), expect, rtol=1e-6, equal_nan=True) and float(np.float32(got)) == got
    e, g = np.asarray(expect), np.asarray(got)
    if e.shape != g.shape or e.dtype != g.dtype:
        return False
    return bool(np.allclose(e, g, rtol=1e-12, atol=1e-14, equal_nan=True))


EXACT = {"medians", "median_1d", "median_ints", "median_f32", "percentiles", "quantiles", "percentile_1d",
         "quantile_ints", "percentile_f32", "percentile_array", "histograms", "histogram_2d", "histogram_ints",
         "histogram_f32", "histogram_edges", "convolve_ints", "interpolations", "interp_ints", "pads", "pad_cast"}


@pytest.mark.parametrize("name,k", [(n, k) for n in sorted(CASES) for k in range(len(CASES[n]))])
def test_kernel_matches_numpy(name, k):
    args = CASES[name][k]
    expect = _run(getattr(interpreted(PATH), name), args)
    got = _run(getattr(compiled(PATH), name), args)
    assert _same(expect, got), (name, k, expect, got)
    if name in EXACT and not isinstance(expect, Exception):   # order statistics, counts, lerps: NumPy's bits
        for e, g in zip(expect if isinstance(expect, tuple) else (expect,), got if isinstance(got, tuple) else (got,)):
            assert np.array_equal(np.asarray(e), np.asarray(g), equal_nan=True), (name, k, e, g)


def test_every_kernel_is_tested():
    module = compiled(PATH)
    kernels = {n for n in dir(module) if not n.startswith("_") and callable(getattr(module, n))
               and getattr(getattr(module, n), "__module__", None) == module.__name__}
    assert kernels - set(CASES) == set()


def test_large_inputs_match_numpy():
    """Lines long enough for the quickselect's partitions (not only its final sort), many equal
    items, and histograms whose items fall on the edges."""
    m = compiled(PATH)
    big = rng.random((3, 5001))
    big[1] = np.round(big[1] * 4)                  # five distinct values: the equal-items pass
    got = m.medians(big)
    assert all(np.array_equal(g, w) for g, w in zip(got, (np.median(big), np.median(big, axis=0),
                                                          np.median(big, axis=-1))))
    for q in (0.0, 13.0, 50.0, 87.5, 100.0):
        assert np.array_equal(m.percentiles(big, q)[2], np.percentile(big, q, axis=1))
    data = np.concatenate([rng.normal(size=100_000), np.linspace(-3, 3, 1001)])
    counts, edges = m.histogram_2d(data.reshape(1, -1), 97)
    want = np.histogram(data, 97)
    assert np.array_equal(counts, want[0]) and np.array_equal(edges, want[1])


@settings(max_examples=60, deadline=None)
@given(rows=st.integers(1, 5), cols=st.integers(1, 40), q=st.floats(0.0, 100.0), seed=st.integers(0, 2**32 - 1),
       kind=st.sampled_from(["random", "few", "nan", "sorted"]))
def test_order_statistics_over_random_shapes(rows, cols, q, seed, kind):
    g = np.random.default_rng(seed)
    a = g.random((rows, cols))
    if kind == "few":
        a = np.floor(a * 3)
    elif kind == "nan":
        a[g.random((rows, cols)) < 0.1] = np.nan
    elif kind == "sorted":
        a = np.sort(a, axis=None).reshape(rows, cols)
    m = compiled(PATH)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for got, want in zip(m.medians(a), (np.median(a), np.median(a, axis=0), np.median(a, axis=-1))):
            assert np.array_equal(got, want, equal_nan=True), (a, got, want)
        for got, want in zip(m.percentiles(a, q), (np.percentile(a, q), np.percentile(a, q, axis=0),
                                                   np.percentile(a, q, axis=1))):
            assert np.array_equal(got, want, equal_nan=True), (a, q, got, want)
        for got, want in zip(m.quantiles(a, q / 100), (np.quantile(a, q / 100), np.quantile(a, q / 100, axis=0),
                                                       np.quantile(a, q / 100, axis=1))):
            assert np.array_equal(got, want, equal_nan=True), (a, q, got, want)


HEADER = "import numpy as np\nfrom fastext import f64, f32, i64, c128, boolean\n\n\n"
MISUSE = [
    ("def f(a: f64[:]) -> f64:\n    return np.median(a, keepdims=True)\n", "np.median(keepdims=...) is not supported",
     (6, 34)),
    ("def f(a: f64[:]) -> f64:\n    return np.percentile(a, 50.0, method='nearest')\n",
     "supports method='linear'", (6, 42)),
    ("def f(a: c128[:]) -> f64:\n    return np.median(a)\n", "needs an array of real numbers", (6, 22)),
    ("def f(a: boolean[:]) -> f64:\n    return np.quantile(a, 0.5)\n", "needs an array of real numbers", (6, 24)),
    ("def f(a: f64[:, :], q: f64[:]) -> f64[:, :]:\n    return np.percentile(a, q, axis=0)\n",
     "with an array q is supported for a 1-D float q and axis=None", (6, 29)),
    ("def f(a: f64[:]) -> f64:\n    return np.quantile(a, 'x')\n", "q must be a real number", (6, 27)),
    ("def f(a: f64[:, :]) -> f64[:]:\n    return np.median(a, axis=2)\n", "axis 2 is out of bounds", (6, 30)),
    ("def f(a: f64[:]) -> tuple[i64[:], f64[:]]:\n    return np.histogram(a, bins='auto')\n",
     "bins must be an int or a 1-D array of edges", (6, 33)),
    ("def f(a: f64[:]) -> tuple[i64[:], f64[:]]:\n    return np.histogram(a, density=True)\n",
     "np.histogram(density=...) is not supported", (6, 36)),
    ("def f(a: f64[:], w: i64[:]) -> tuple[f64[:], f64[:]]:\n    return np.histogram(a, weights=w)\n",
     "np.histogram(weights=...) takes float64 weights", (6, 36)),
    ("def f(a: f64[:], lo: f64) -> tuple[i64[:], f64[:]]:\n    return np.histogram(a, 5, lo)\n",
     "range must be a pair (low, high)", (6, 31)),
    ("def f(a: boolean[:]) -> tuple[i64[:], f64[:]]:\n    return np.histogram(a)\n",
     "needs an array of numbers", (6, 25)),
    ("def f(m: f64[:, :]) -> f64[:, :]:\n    return np.cov(m, bias=True)\n", "np.cov(bias=...) is not supported",
     (6, 27)),
    ("def f(m: f64[:, :, :]) -> f64[:, :]:\n    return np.cov(m)\n", "needs a 1-D or 2-D array of real numbers",
     (6, 19)),
    ("def f(m: f64[:, :]) -> f64[:, :]:\n    return np.corrcoef(m, dtype=np.float32)\n",
     "np.corrcoef(dtype=...) is not supported", (6, 33)),
    ("def f(a: f64[:], v: f64[:]) -> f64[:]:\n    return np.convolve(a, v, 'middle')\n",
     "mode must be a constant 'full', 'same' or 'valid'", (6, 30)),
    ("def f(a: f64[:, :], v: f64[:]) -> f64[:]:\n    return np.convolve(a, v)\n", "needs 1-D arrays", (6, 24)),
    ("def f(x: f64[:], xp: f64[:], fp: f64[:]) -> f64[:]:\n    return np.interp(x, xp, fp, period=1.0)\n",
     "np.interp(period=...) is not supported", (6, 40)),
    ("def f(x: f64[:], xp: f64[:], fp: c128[:]) -> f64[:]:\n    return np.interp(x, xp, fp)\n",
     "needs a 1-D array of real numbers", (6, 29)),
    ("def f(a: f64[:]) -> f64[:]:\n    return np.pad(a, 2, mode='median')\n",
     "supports the modes 'constant', 'edge', 'reflect', 'symmetric', 'wrap'", (6, 30)),
    ("def f(a: f64[:, :]) -> f64[:, :]:\n    return np.pad(a, ((1, 2), (3, 4), (5, 6)))\n",
     "pad_width must be an int, (before, after), or ((before, after), ...)", (6, 22)),
    ("def f(a: f64[:]) -> f64[:]:\n    return np.pad(a, 1, mode='edge', constant_values=3.0)\n",
     "constant_values=...) is for mode='constant'", (6, 54)),
    ("def f(a: f64[:], c: f64[:]) -> f64[:]:\n    return np.pad(a, 1, constant_values=c)\n",
     "constant_values must be one number", (6, 41)),
    ("def f(a: f64[:]) -> f64[:]:\n    return np.pad(a, 1.5)\n", "pad_width must be an integer", (6, 22)),
]


@pytest.mark.parametrize("body,message,where", MISUSE, ids=[m[1][:40] for m in MISUSE])
def test_misuse_is_a_located_compile_error(body, message, where):
    with pytest.raises(CompileError) as info:
        compile_source(HEADER + body, "misuse.fx", "misuse")
    d = info.value.diagnostics[0]
    assert message in d.message, d.message
    assert "internal" not in d.message
    assert str(d.span) == "misuse.fx:%d:%d" % where, str(d.span)
    assert d.hint
