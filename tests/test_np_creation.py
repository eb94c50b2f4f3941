"""NumPy's creation and shape functions in `.fx` code (ops/creation.py, ops/shape.py,
ops/sorting.py): np.array, asarray, arange, linspace, eye, identity, meshgrid, reshape, ravel,
flatten, astype, concatenate and the stacks, tile, repeat, roll, diff, flip, sort, argsort,
unique (and its return_index/return_inverse/return_counts tuples), searchsorted, isin.

Every case runs compiled and interpreted (plain Python on real NumPy: the oracle) and must
agree in dtype, shape and items — bit for bit, NaN payloads aside, since the algorithms are
NumPy's — in the exception raised (type and message), and in what the call did to its array
arguments (a view writes through, a copy does not).  Sorts compare values (NumPy may place
0.0 and -0.0, which compare equal, in another order); argsort is compared with NumPy's stable
order.  Misuse is a located compile error.
"""
from __future__ import annotations

import gc
import os
import textwrap
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fxload
from fastext.compiler.driver import check_file

FX = os.path.join(fxload.FX_DIR, "np_creation.fx")
SETTINGS = settings(max_examples=40, deadline=None)


@pytest.fixture(scope="module")
def mods():
    return fxload.compiled(FX), fxload.interpreted(FX)


def _call(fn, args):
    """(result or exception, the arguments after the call) — arrays copied first."""
    args = [a.copy() if isinstance(a, np.ndarray) else a for a in args]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")       # NumPy warns on invalid casts; compiled code does not
        try:
            return fn(*args), args
        except Exception as e:                 # noqa: BLE001 (the exception is the result compared)
            return e, args


def _same(got, want, bits: bool = True) -> None:
    if isinstance(want, Exception):
        assert isinstance(got, Exception), f"expected {type(want).__name__}: {want}, got {got!r}"
        assert type(got) is type(want) and str(got) == str(want)
        return
    assert not isinstance(got, Exception), f"compiled raised {type(got).__name__}: {got}; NumPy gives {want!r}"
    if isinstance(want, tuple):
        assert isinstance(got, tuple) and len(got) == len(want)
        for g, w in zip(got, want):
            _same(g, w, bits)
        return
    if isinstance(want, np.ndarray):
        assert isinstance(got, np.ndarray), f"expected an ndarray, got {got!r}"
        assert got.dtype == want.dtype and got.shape == want.shape, f"{got.dtype}{got.shape} vs {want.dtype}{want.shape}"
        if bits and want.dtype.kind in "fc":
            # bit for bit, except that every NaN is a NaN
            nan = np.isnan(want)
            assert np.array_equal(np.isnan(got), nan)
            assert got[~nan].tobytes() == want[~nan].tobytes(), f"{got} != {want}"
        else:
            assert np.array_equal(got, want, equal_nan=want.dtype.kind in "fc"), f"{got} != {want}"
        return
    assert type(got) is type(want) and (got == want or got != got and want != want), f"{got!r} != {want!r}"


def check(mods, name: str, *args, bits: bool = True):
    """Compiled and interpreted agree on `name(*args)`: result, exception, and effect on the arguments."""
    native, oracle = mods
    got, got_args = _call(getattr(native, name), args)
    want, want_args = _call(getattr(oracle, name), args)
    _same(got, want, bits)
    for g, w in zip(got_args, want_args):
        if isinstance(w, np.ndarray):
            assert np.array_equal(g, w, equal_nan=w.dtype.kind in "fc"), f"argument after the call: {g} != {w}"
    return got


R = np.random.default_rng(7)
F = R.standard_normal(24)
M = R.standard_normal((4, 6))
I = R.integers(-20, 20, (4, 6))

CASES = [
    # np.array, np.asarray
    ("lit_2d",), ("lit_3d",), ("lit_mixed", 2.5, 7), ("lit_ints", 3, -9), ("lit_bools", True),
    ("lit_complex", 1.5), ("lit_dtype_i32", 5, -2.7), ("lit_dtype_i32", 2**40, 1.0), ("lit_dtype_u8", 255),
    ("lit_dtype_u8", 256), ("lit_dtype_u8", -1), ("lit_dtype_f32", 0.1), ("lit_dtype_bool", 0.0, 3),
    ("lit_dtype_bool", float("nan"), 0), ("lit_float_into_int", 2.9), ("lit_float_into_int", -2.9),
    ("lit_float_into_int", float("nan")), ("lit_float_into_int", float("-inf")), ("lit_float_into_int", 1e30),
    ("lit_strong", np.array([1.5, 2.25], np.float32)), ("lit_strong_weak", np.array([0.1, 2], np.float32)),
    ("lit_strong_ints", np.array([100, 27], np.int8)), ("lit_empty",), ("lit_shape", M),
    ("lit_of_arrays", F[:3], F[3:6]), ("lit_of_arrays", F[:3], F[:4]), ("array_copy", F[:5]),
    ("array_convert", F[:8] * 10), ("asarray_alias", F[:4]), ("asarray_convert", I[0]), ("asarray_list", 4),
    # arange & co.
    ("arange_stop", 0), ("arange_stop", 7), ("arange_stop", -3), ("arange_int", 0, 10, 3), ("arange_int", 10, -10, -3),
    ("arange_int", 0, 5, 0), ("arange_int", 5, 0, 1), ("arange_float", 0.0, 1.0, 0.1), ("arange_float", 1.0, 0.0, -0.3),
    ("arange_float", 0.0, 1.0, 0.0), ("arange_float", 0.0, float("nan"), 1.0), ("arange_float", 0.0, float("inf"), 1.0),
    ("arange_float", 0.0, 1e-300, 1e300), ("arange_float", 0.0, -1e-300, 1e300), ("arange_mixed", 4.5),
    ("arange_f32_dtype", 1.0, 2.0, 0.1), ("arange_int_dtype", 0.0, 5.0, 0.5), ("arange_int_dtype", 0.5, 5.0, 1.0),
    ("arange_u8", 250, 256), ("arange_u8", -3, 3), ("arange_strong", np.array([0.1, 0.1], np.float32)),
    ("arange_strong", np.array([0.1, 0.0], np.float32)), ("arange_keywords", 10),
    ("linspace_basic", 0.0, 1.0, 7), ("linspace_basic", 1.0, 1.0, 4), ("linspace_basic", 0.0, 1.0, 1),
    ("linspace_basic", 0.0, 1.0, 0), ("linspace_basic", 0.0, 1.0, -1), ("linspace_basic", 0.0, 5e-324, 3),
    ("linspace_basic", -3.5, float("inf"), 3), ("linspace_open", 2.0, -1.0, 9), ("linspace_open", 0.0, 1.0, 1),
    ("linspace_default", -1.0, 1.0), ("linspace_ints", 0, 10, 5), ("linspace_ints", -3, 7, 8),
    ("linspace_f32", np.array([0.1, 1.3], np.float32), 11), ("linspace_f32_weak_start", np.array([0, 1.3], np.float32), 6),
    ("linspace_to_f32", 0.0, 1.0, 13),
    ("eye_n", 0), ("eye_n", 4), ("eye_full", 3, 5, 2), ("eye_full", 5, 3, -1), ("eye_full", 3, 3, 7),
    ("eye_full", 3, 4, -9), ("eye_full", -1, 2, 0), ("eye_keywords", 4, -2), ("identity_n", 3), ("identity_c", 2),
    # dtype=a.dtype and a.shape
    ("zeros_like_shape", M.astype(np.float32), 2), ("empty_filled", I.astype(np.int32)),
    ("astype_dtype_of", F[:5] * 3, I[0].astype(np.int32)),
    # reshape, ravel, flatten, astype
    ("reshape_args", F, 4, 6), ("reshape_args", F[::2], 3, 4), ("reshape_args", F, 5, 5), ("reshape_args", F, -1, 5),
    ("reshape_args", F, -1, -1), ("reshape_args", F[:0], 0, 3), ("reshape_tuple", F, 8), ("reshape_tuple", F, 7),
    ("reshape_shape_of", M, F), ("reshape_flat", F.reshape(2, 3, 4)), ("reshape_flat", F.reshape(2, 3, 4)[:, ::-1]),
    ("reshape_3d", I.ravel()), ("reshape_write", F[:12], 3), ("reshape_write", F[:12][::-1], 4),
    ("reshape_strided_write", F[:8]), ("reshape_transposed_write", M), ("reshape_sliced_write", F.reshape(2, 4, 3)),
    ("reshape_sliced_write", F.reshape(2, 2, 6)[:, :1, :]), ("ravel_write", M), ("ravel_write", M[::2]),
    ("ravel_write", M.T), ("ravel_np", I.T), ("flatten_write", M),
    ("astype_int", np.array([1.5, -2.7, np.nan, np.inf, 3e9, -3e9])), ("astype_i64", np.array([1.9, -1.9, 1e19, np.nan])),
    ("astype_u8", np.array([300.7, -1.5, 1e10, np.nan, 255.9])),
    ("astype_u64", np.array([1e19, -1.0, np.nan, 2e19, 5.5])), ("astype_bool", np.array([0.0, -0.0, np.nan, 2.0])),
    ("astype_f32", I), ("astype_f32", I.T), ("astype_fused", F[::3]), ("astype_same_is_copy", F[:3]),
    # joining
    ("concat2", F[:3], I[0]), ("concat_axis1", M, M[:, :2], M[:, ::-2]), ("concat_axis1", M, M[:3], M),
    ("concat_axis0", I.astype(np.int32), I[:1].astype(np.int32)), ("concat_axis0", I.astype(np.int32), I[:, 1:].astype(np.int32)),
    ("concat_none", M, F[:0]), ("concat_none", M.T, F[:5]), ("concat_tuple_value", F[:2], F[5:9]), ("concat_dtype", F[:2], F[:3]),
    ("stack0", F[:3], F[3:6]), ("stack0", F[:3], F[3:7]), ("stack_axis", M, M * 2), ("stack_axis", M, M.T),
    ("stack_mid", I, I.T.copy().T), ("hstack1", F[:2], I[0].astype(np.int32)), ("hstack2", M, M[:, :1]),
    ("hstack2", M, M[:1]), ("vstack1", F[:3], F[3:6]), ("vstack1", F[:3], F[3:5]), ("vstack_mixed", F[:6], M),
    ("vstack_mixed", F[:5], M), ("column_stack1", F[:4], I[0, :4]), ("column_stack_mixed", F[:4], M),
    ("column_stack_mixed", F[:3], M),
    # tile, repeat, roll, diff, flip
    ("tile_int", F[:3], 3), ("tile_int", F[:3], 0), ("tile_int", F[:3], -1), ("tile_2d", I[:2, :3].astype(np.int32), 2, 3),
    ("tile_up", F[:2], 2), ("repeat_flat", M[:2], 3), ("repeat_flat", M.T, 2), ("repeat_flat", M, -1),
    ("repeat_axis", M[::-1], 2), ("repeat_axis", M, 0), ("repeat_method", I, 3),
    ("roll_flat", M, 5), ("roll_flat", M.T, -7), ("roll_flat", M[:0], 3), ("roll_axis", M, 1), ("roll_axis", M, -9),
    ("roll_axes", M, 1, -2), ("roll_axes", M.T, 7, 100), ("roll_stencil", M),
    ("diff1", F), ("diff1", F[:1]), ("diff1", F[:0]), ("diff2", I), ("diff2", I[:2]),
    ("diff_u8", np.array([1, 3, 0, 255], np.uint8)), ("diff_bool", np.array([True, False, False, True])),
    ("diff_expr", M), ("flip_all", M), ("flip_axis", F.reshape(2, 3, 4)), ("flip_lr_ud", I),
    ("flip_write", F[:4]), ("flip_empty", 0), ("flip_empty", 3),
    # sorting and searching
    ("sort_last", M), ("sort_axis0", M), ("sort_axis0", M.T), ("sort_flat", I.astype(np.int32)),
    ("sort_1d", np.array([np.nan, 3.0, -np.inf, 1.0, np.nan, np.inf, 2.0] * 5)), ("sort_ints", I.ravel()[::-1]),
    ("sort_u8", np.array([200, 3, 255, 0, 3], np.uint8)), ("sort_bool", np.array([True, False, True, False])),
    ("sort_f32", np.array([3.5, np.nan, -1, 0.5], np.float32)), ("sort_expr", F), ("sort_inplace", F),
    ("sort_inplace", F[::-3]), ("sort_inplace_axis", I), ("sort_inplace_view", M),
    ("argsort_1d", F), ("argsort_ints", np.arange(9)[::-1]), ("argsort_axis0", M),
    ("argsort_flat", R.permutation(24).reshape(4, 6).astype(np.int32)), ("argsort_1d", F[:0]),
    ("unique_ints", I.ravel()), ("unique_ints", I.ravel()[:0]), ("unique_floats", np.array([[np.nan, 1, 2], [1, np.nan, 0]])),
    ("unique_bool", np.array([True, True, False])),
    ("unique_all", np.array([3.0, np.nan, 1.0, 3.0, -0.0, 0.0, np.nan, 2.0, 1.0, np.inf])), ("unique_all", F[:0]),
    ("unique_all", F[::-2]), ("unique_counts", I.astype(np.int32)), ("unique_counts", I.astype(np.int32).T[:, ::2]),
    ("unique_inverse", I), ("unique_inverse", I[:0]), ("unique_index_bool", np.array([False, True, True, False])),
    ("unique_rebuilt", F), ("unique_histogram", I.ravel() % 4),
    ("isin_floats", np.array([[3.0, np.nan, 1.0], [-0.0, 0.0, np.inf]]), np.array([0.0, np.nan, 3.0, np.inf])),
    ("isin_floats", M, F[:0]), ("isin_floats", M.T[::2], M.ravel()[::-3]),
    ("isin_mixed", I.ravel(), np.array([[1.5, 2.0, -3.0], [4.0, np.nan, 19.0]])), ("isin_mixed", I.ravel()[:0], M),
    ("isin_invert", I.ravel().astype(np.int32), np.array([0, 2, 4, 8, 200], np.uint8)),
    ("isin_bool", np.array([True, False, True]), np.array([True])), ("isin_bool", np.array([True, False]), np.array([], bool)),
    ("isin_count", R.integers(0, 100, 200), R.integers(0, 100, 80)),
    ("search_left", np.sort(F), F[:7]), ("search_left", np.arange(5.0), np.array([np.nan, -np.inf, 2.0, 2.0, 1.5])),
    ("search_right", np.sort(F), M), ("search_right", F[:0], M), ("search_scalar", np.arange(10), 3.5),
    ("search_scalar", np.arange(10), -1.0), ("search_scalar", np.arange(10), float("nan")),
    ("search_scalar_right", np.arange(10) // 2, 2), ("search_f32", np.array([0.1], np.float32), 0.1),
    ("search_expr", np.arange(10), np.array([5, 1, 3, 3, 9])),
    # meshgrid
    ("meshgrid_xy", F[:3], I[0, :2]), ("meshgrid_ij", F[:3], F[:4]), ("meshgrid_3", F[:2], F[:3], F[:4]),
    ("meshgrid_use", F[:3], F[4:8]),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}-{k}" for k, c in enumerate(CASES)])
def test_agrees_with_numpy(mods, case):
    name, *args = case
    check(mods, name, *args, bits=not name.startswith(("sort", "unique")))


ARGSORT_TIES = [
    ("argsort_ints", np.array([3, 1, 3, 1, 2, 3, 1] * 9), None),
    ("argsort_flat", I.astype(np.int32), None),
    ("argsort_axis0", np.array([[1.0, 0.0], [np.nan, 0.0], [1.0, np.nan], [np.nan, -1.0]]), 0),
    ("argsort_1d", np.array([2.0, np.nan, 1.0, 2.0, np.nan, 1.0, -0.0, 0.0]), -1),
]


@pytest.mark.parametrize("name, a, axis", ARGSORT_TIES, ids=[c[0] for c in ARGSORT_TIES])
def test_argsort_is_stable(mods, name, a, axis):
    """With equal items NumPy's default argsort order is its quicksort's; ours is the stable one."""
    got = getattr(mods[0], name)(a)
    assert np.array_equal(got, np.argsort(a, axis=axis, kind="stable"))


def test_every_function_is_exercised():
    names = {c[0] for c in CASES}
    assert set(fxload.exported(FX)) <= names


# ---------------------------------------------------------------- property tests

finite = st.floats(-1e6, 1e6, allow_nan=False)


@SETTINGS
@given(st.integers(-50, 50), st.integers(-50, 50), st.integers(-7, 7).filter(lambda s: s != 0))
def test_arange_int(mods, start, stop, step):
    check(mods, "arange_int", start, stop, step)


@SETTINGS
@given(finite, finite, st.floats(-100, 100).filter(lambda s: abs(s) > 1e-3))
def test_arange_float(mods, start, stop, step):
    if abs((stop - start) / step) < 1e5:
        check(mods, "arange_float", start, stop, step)


@SETTINGS
@given(finite, finite, st.integers(0, 60))
def test_linspace(mods, start, stop, num):
    check(mods, "linspace_basic", start, stop, num)
    check(mods, "linspace_open", start, stop, num)
    check(mods, "linspace_to_f32", start, stop, num)


float_items = st.one_of(st.floats(allow_nan=True, allow_infinity=True, width=64), st.sampled_from([0.0, 1.0, 2.0]))


@SETTINGS
@given(st.lists(float_items, max_size=300), st.sampled_from([1, -1, 2, -3]))
def test_sort_argsort_unique_floats(mods, items, step):
    a = np.array(items, dtype=np.float64)[::step]
    a[a == 0] = 0.0                         # NumPy may order 0.0 and -0.0 either way
    check(mods, "sort_1d", a, bits=False)
    check(mods, "unique_floats", a.reshape(1, -1), bits=False)
    check(mods, "unique_all", a, bits=False)
    check(mods, "sort_inplace", a, bits=False)
    got = fxload.compiled(FX).argsort_1d(a)
    assert np.array_equal(got, np.argsort(a, kind="stable"))


@SETTINGS
@given(st.lists(st.integers(-5, 5), max_size=400), st.integers(1, 5))
def test_sort_argsort_ints(mods, items, rows):
    a = np.array(items[: len(items) // rows * rows], dtype=np.int64)
    m = a.reshape(rows, -1)
    check(mods, "sort_ints", a)
    check(mods, "unique_ints", a)
    check(mods, "unique_inverse", m)
    check(mods, "sort_inplace_axis", m)
    native = fxload.compiled(FX)
    assert np.array_equal(native.argsort_ints(a), np.argsort(a, kind="stable"))
    assert np.array_equal(native.argsort_axis0(m.astype(np.float64)), np.argsort(m, axis=0, kind="stable"))


@SETTINGS
@given(st.lists(st.integers(-30, 30), min_size=0, max_size=50), st.lists(st.integers(-40, 40), max_size=30),
       st.booleans())
def test_searchsorted(mods, items, keys, ascending):
    a = np.sort(np.array(items, dtype=np.float64))
    v = np.array(sorted(keys) if ascending else keys, dtype=np.float64)
    check(mods, "search_left", a, v)
    check(mods, "search_right", a, v.reshape(1, -1))
    for x in keys[:3]:
        check(mods, "search_scalar", a.astype(np.int64), x + 0.5)


@SETTINGS
@given(st.integers(1, 5), st.integers(1, 5), st.integers(1, 3), st.sampled_from(["c", "t", "s", "r"]))
def test_reshape_views_and_copies(mods, r, c, k, layout):
    a = np.arange(float(r * c * k * 2)).reshape(r * k, c * 2)
    a = {"c": a, "t": a.T, "s": a[:, ::2], "r": a[::-1]}[layout]
    check(mods, "reshape_flat", a[None])
    check(mods, "ravel_write", a)
    check(mods, "reshape_sliced_write", a[None])
    check(mods, "reshape_write", a.ravel(), r)


@SETTINGS
@given(st.integers(0, 5), st.integers(0, 5), st.integers(-30, 30), st.integers(-30, 30))
def test_roll(mods, r, c, s, t):
    m = np.arange(float(r * c)).reshape(r, c)
    check(mods, "roll_flat", m, s)
    check(mods, "roll_axis", m, s)
    check(mods, "roll_axes", m, s, t)


# ---------------------------------------------------------------- memory

def test_results_own_their_memory_and_nothing_leaks(mods):
    native, _ = mods
    gc.collect()
    before = native.__fastext_live_blocks__()
    u = native.unique_ints(np.array([3, 1, 3, 2] * 50))        # a view of the first items of a larger block
    xx, yy = native.meshgrid_xy(np.arange(3.0), np.arange(2))
    s = native.search_right(np.arange(4.0), np.ones((2, 2)))
    assert native.__fastext_live_blocks__() == before + 4
    assert u.tolist() == [1, 2, 3] and xx.shape == yy.shape == (2, 3) and s.shape == (2, 2)
    for bad in (lambda: native.reshape_args(F, 5, 5), lambda: native.concat_axis1(M, M[:3], M),
                lambda: native.repeat_flat(M, -1), lambda: native.lit_dtype_u8(256)):
        with pytest.raises((ValueError, OverflowError)):
            bad()
    for _ in range(3):
        native.sort_axis0(M)
        native.argsort_axis0(M)
        native.roll_flat(M.T, 3)
        native.reshape_transposed_write(M.copy())
    del u, xx, yy, s
    gc.collect()
    assert native.__fastext_live_blocks__() == before


# ---------------------------------------------------------------- misuse: located compile errors

BAD = [
    ("np.array([[1, 2], [3]])", "inhomogeneous shape"),
    ("np.array([1j, 2], dtype=np.float64)", "complex number cannot go into a float64 array"),
    ("np.array([300], dtype=np.uint8)", "Python integer 300 out of bounds for uint8"),
    ("np.array(x[0])", "0-d array"),
    ("np.array([x, 1.0])", "takes one flat list of arrays"),
    ("x.reshape(-1, -1)", "can only specify one unknown dimension"),
    ("x.reshape(2, 3, order='F')", "supports only 'C'"),
    ("np.concatenate((x, m))", "same number of dimensions"),
    ("np.concatenate(())", "need at least one array"),
    ("np.concatenate((x, 1.0))", "joins arrays of numbers"),
    ("np.concatenate((x, x), axis=1)", "axis 1 is out of bounds for array of dimension 1"),
    ("np.stack((x, m))", "all input arrays must have the same shape"),
    ("np.sort(x, axis=2)", "axis 2 is out of bounds"),
    ("np.sort(z)", "complex numbers is not supported"),
    ("x.sort(axis=None)", "a.sort(axis=None) is not allowed"),
    ("np.diff(x, n=-1)", "order must be non-negative but got -1"),
    ("np.repeat(x, x)", "array of counts is not supported"),
    ("np.fliplr(x)", "Input must be >= 2-d."),
    ("np.linspace(0.0, 1.0, 5, retstep=True)", "retstep"),
    ("np.linspace(0.0, 1.0, 2.5)", "num must be an integer"),
    ("np.arange(1j)", "complex numbers is not supported"),
    ("np.searchsorted(m, 1.0)", "needs a 1-D array"),
    ("np.searchsorted(x, 1.0, side='middle')", "side must be 'left' or 'right'"),
    ("np.unique(x, return_counts=k)", "return_counts must be a constant bool"),
    ("np.unique(m, axis=0)", "axis=...) is not supported yet"),
    ("np.meshgrid(m, x)", "takes 1-D arrays"),
    ("np.isin(1.0, x)", "np.isin() needs an array `element`"),
    ("np.isin(x, z)", "complex numbers is not supported"),
    ("np.isin(x, m, invert=k)", "invert must be a constant bool"),
    ("x.astype(np.float32, casting='same_kind')", "supports only 'unsafe'"),
    ("z.astype(np.float64)", "discards the imaginary part"),
    ("np.roll(m, (1, 2), axis=0)", "should be scalars or 1D sequences of the same length"),
    ("np.zeros(3, dtype=k.dtype)", "is not a dtype the dialect knows"),
    ("np.eye(3, dtype=np.float16)", "is not a dtype the dialect knows"),
]


@pytest.mark.parametrize("expr, message", BAD, ids=[b[1][:30] for b in BAD])
def test_misuse_is_a_located_error(tmp_path, expr, message):
    path = tmp_path / "bad_creation.fx"
    path.write_text(textwrap.dedent(f"""\
        import numpy as np
        from fastext import f64, c128, i64


        def f(x: f64[:], m: f64[:, :], z: c128[:], k: i64) -> None:
            y = {expr}
        """))
    diagnostics = check_file(str(path))
    assert diagnostics, f"{expr} compiled"
    assert diagnostics[0].span.line == 6, diagnostics[0]
    assert message in diagnostics[0].message, diagnostics[0].message


def test_views_are_seen_by_the_alias_analysis(tmp_path):
    """A store through a view (reshape, ravel, a.T) writes the parameter: a read-only buffer is
    refused, and a returned view of a parameter is copied, as for slices."""
    path = tmp_path / "views.fx"
    path.write_text(textwrap.dedent("""\
        import numpy as np
        from fastext import f64


        def put(a: f64[:, :]) -> None:
            v = a.reshape(-1)
            v[0] = 1.0


        def put_t(a: f64[:, :]) -> None:
            a.T[0, 1] = 2.0


        def back(a: f64[:, :]) -> f64[:, :]:
            return a.T


        def back_flat(a: f64[:, :]) -> f64[:]:
            return a.ravel()
        """))
    native = fxload.compiled(str(path))
    ro = np.zeros((2, 3))
    ro.flags.writeable = False
    for fn in (native.put, native.put_t):
        with pytest.raises((TypeError, ValueError, BufferError)):
            fn(ro)
    a = np.arange(6.0).reshape(2, 3)
    t = native.back(a)
    assert np.array_equal(t, a.T) and not np.shares_memory(t, a)
    r = native.back_flat(a)
    assert np.array_equal(r, a.ravel()) and not np.shares_memory(r, a)
