"""Advanced indexing (docs/numpy-indexing.md): boolean masks and integer arrays in subscripts,
stores and augmented stores through them, np.nonzero / where(cond) / flatnonzero / argwhere /
take / extract, and the unbuffered np.add.at & co.

Every case runs the compiled module and the interpreted one (plain Python on NumPy: the
oracle) on fresh copies of the same arguments — views with any strides included — and
compares the results, the arrays the call wrote, and the exceptions (type and message).
"""
import os
import textwrap

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fxload
from fastext.compiler.driver import check_file

HERE = os.path.dirname(os.path.abspath(__file__))
FX = os.path.join(HERE, "fx", "indexing.fx")


@pytest.fixture(scope="module")
def both():
    return fxload.compiled(FX), fxload.interpreted(FX)


def same(x, y) -> bool:
    if isinstance(x, tuple) or isinstance(y, tuple):
        return type(x) is type(y) and len(x) == len(y) and all(same(u, v) for u, v in zip(x, y))
    if isinstance(x, np.ndarray) or isinstance(y, np.ndarray):
        return isinstance(x, np.ndarray) and isinstance(y, np.ndarray) and x.dtype == y.dtype \
            and x.shape == y.shape and np.array_equal(x, y, equal_nan=x.dtype.kind in "fc")
    return type(x) is type(y) and (x == y or x != x and y != y)


def _fresh(make):
    return [a.copy() if isinstance(a, np.ndarray) and a.base is None else a for a in make()]


def run(both, name, make, exact_message=True):
    """Call `name` in both modes on fresh arguments from `make()`; compare results, the arrays
    passed (stores), and errors.  Returns the compiled result."""
    outcomes = []
    for mod in both:
        args = make()
        try:
            result = getattr(mod, name)(*args)
        except (IndexError, ValueError) as e:
            result = e
        outcomes.append((result, args))
    (r1, a1), (r2, a2) = outcomes
    if isinstance(r2, Exception):
        assert isinstance(r1, type(r2)), (name, r1, r2)
        if exact_message:
            assert str(r1) == str(r2), (name, str(r1), str(r2))
        return r1
    assert not isinstance(r1, Exception), (name, r1, r2)
    assert same(r1, r2), (name, r1, r2)
    for x, y in zip(a1, a2):
        if isinstance(x, np.ndarray):
            assert same(x, y), (name, x, y)
    return r1


def arg_maker(*args):
    """A `make` that copies array arguments, keeping their strides: each view is rebuilt over a
    fresh copy of its base."""
    def make():
        out = []
        for a in args:
            if isinstance(a, np.ndarray):
                base = a.base if a.base is not None else a
                fresh = base.copy()
                offset = a.__array_interface__["data"][0] - base.__array_interface__["data"][0]
                out.append(np.ndarray(a.shape, a.dtype, fresh.data, offset, a.strides))
            else:
                out.append(a)
        return out
    return make


rng = np.random.default_rng(12345)
A = np.round(rng.standard_normal((5, 6)), 2)
V = np.round(rng.standard_normal(9), 2)


# ----------------------------------------------------------------------------- fixed cases

READS = [
    ("mask_1d", (V, V > 0)),
    ("mask_1d", (V[::-2], V[::-2] < 0.5)),
    ("mask_1d", (V[:0], np.zeros(0, bool))),
    ("mask_2d", (A, A > 0)),
    ("mask_2d", (A.T, A.T > 0)),
    ("mask_2d", (A[::2, ::-3], np.ones((3, 2), bool))),
    ("mask_rows", (A, np.array([True, False, True, True, False]))),
    ("mask_rows", (A[:, ::-2], np.array([False] * 5))),
    ("mask_expr", (V,)),
    ("mask_band", (A, -0.5, 0.5)),
    ("mask_other", (np.arange(9, dtype=np.int32), V * 2)),
    ("mask_rows_slice", (A, np.array([True, False, True, False, True]))),
    ("mask_cols", (A, np.array([True, False, True, False, True, True]))),
    ("mask_row_of", (A, -2, np.array([True, False, True, False, True, True]))),
    ("mask_of_view", (V, np.array([True, False, True, True, False]))),
    ("mask_bool_items", (V > 0, V < 1)),
    ("mask_complex", (V + 1j * V[::-1],)),
    ("mask_sum", (V,)),
    ("mask_len", (A,)),
    ("take_1d", (V, np.array([0, -1, 3, 3, 8, -9]))),
    ("take_1d", (V[::-1], np.zeros(0, np.int64))),
    ("take_i32", (np.arange(7, dtype=np.int32) * 3, np.array([6, -7, 0], dtype=np.int32))),
    ("take_u8", (V.astype(np.float32), np.array([8, 0, 1], dtype=np.uint8))),
    ("take_u64", (V, np.array([8, 0, 1], dtype=np.uint64))),
    ("take_2d_index", (V, np.array([[1, 2, -3], [0, 0, 8]], dtype=np.int16))),
    ("take_rows", (A, np.array([4, -5, 2, 2]))),
    ("take_rows", (A[::-1, 1::2], np.array([0, 1]))),
    ("take_rows_slice", (A, np.array([4, 0]))),
    ("take_cols", (A, np.array([5, 0, -1, 2]))),
    ("take_cols", (A.T, np.array([4, 0]))),
    ("take_cols_slice", (A, np.array([1, -6]))),
    ("take_pairs", (A, np.array([0, 4, -1]), np.array([5, 0, 2]))),
    ("take_pairs_broadcast", (A, np.array([[0], [3], [-2]]), np.array([5, 0]))),
    ("take_row_scalar", (A, 3, np.array([5, 0, -6]))),
    ("take_col_scalar", (A, np.array([4, 0, -5]), -1)),
    ("take_mask_and_index", (A, np.array([True, False, True, False, True]), np.array([5, 0, 1]))),
    ("take_mask_and_index", (A, np.array([True, False, False, False, False]), np.array([5, 0, 1]))),
    ("take_index_expr", (V, np.array([1, 2, 5, -4]))),
    ("take_of_expr", (V, np.array([1, -2]))),
    ("take_twice", (V, np.array([1, 2, 5]), np.array([True, False, True]))),
    ("take_nonzero_tuple", (A,)),
    ("take_where_tuple", (V,)),
    ("take_ellipsis", (A, np.array([0, 5]))),
    ("take_rows_3d", (np.arange(24.0).reshape(4, 3, 2)[:, ::-1], np.array([3, 0, -1, 0]))),
    ("take_rows_3d", (np.arange(24.0).reshape(4, 3, 2)[:, :0], np.array([3, 0]))),
    ("take_middle_3d", (np.arange(60.0).reshape(4, 5, 3), np.array([[4, 0], [-1, 2]]))),
    ("take_middle_3d", (np.arange(60.0).reshape(4, 5, 3)[:0], np.array([[4, 0], [-1, 2]]))),
    ("gather_loop", (V, np.array([1, 1, -1]))),
    ("nonzero_1d", (np.array([0.0, 1.5, 0.0, -2.0, np.nan]),)),
    ("nonzero_1d", (np.zeros(0),)),
    ("nonzero_2d", ((A > 0).astype(np.int32),)),
    ("nonzero_2d", ((A > 0).astype(np.int32)[::-1, ::2],)),
    ("nonzero_method", (A > 0.3,)),
    ("where_1", (A,)),
    ("flatnonzero", ((A > 0) * A,)),
    ("flatnonzero", (A[:, :0],)),
    ("argwhere", (A,)),
    ("argwhere", (A.T[::2],)),
    ("argwhere_1d", (np.array([0, 3, 0, 1], dtype=np.uint8),)),
    ("take", (A, np.array([29, 0, -30, 7]))),
    ("take", (A.T[1:], np.array([3, -1]))),
    ("take_axis0", (A, np.array([4, -1]))),
    ("take_axis1", (A, np.array([[5, 0], [-1, 2]]))),
    ("take_wrap", (V, np.array([9, -10, 100, 3]))),
    ("take_clip", (A, np.array([-5, 100, 2]))),
    ("take_scalar", (V, -2)),
    ("extract", (A, A * 10)),
    ("extract", (A.T, A)),
    ("extract_flat", (np.array([0, 1, 1, 0, 2]), A)),
]


@pytest.mark.parametrize("name,args", READS, ids=[f"{n}-{k}" for k, (n, _) in enumerate(READS)])
def test_reads_match_numpy(both, name, args):
    run(both, name, arg_maker(*args))


STORES = [
    ("clamp", (V,)),
    ("clamp", (V[::-3],)),
    ("set_mask", (V, V > 0.2, -1.0)),
    ("set_mask_int", (np.arange(9, dtype=np.int32), V > 0, -7)),
    ("set_mask_2d", (A.T, A.T < 0, 9.0)),
    ("set_mask_values", (V, V > 0, np.arange(float((V > 0).sum())))),
    ("set_mask_values", (V, V > 0, np.array([4.0]))),
    ("set_mask_values", (V, V > 0, np.arange(2.0))),
    ("set_mask_from", (V, V * 10, V > 0)),
    ("set_mask_from", (V[1:], V[:-1], V[1:] > 0)),
    ("set_mask_from", (V, V[:5], V > 0)),
    ("set_mask_map", (A, A.astype(np.float32))),
    ("set_mask_map", (A, A[::-1].astype(np.float32))),
    ("set_mask_rows", (A, np.array([True, False, True, True, False]), 0.5)),
    ("set_mask_rows_values", (A, np.array([True, False, True, True, False]), np.arange(6.0))),
    ("set_mask_rows_values", (A, np.array([True, False, True, True, False]), np.arange(5.0))),
    ("set_mask_shifted", (V,)),
    ("set_mask_bool", (V > 0, V < 0)),
    ("bump", (V,)),
    ("bump", (V[::2],)),
    ("scale_mask", (np.arange(-4, 5), np.arange(9) % 2 == 0)),
    ("halve_mask", (np.arange(30, dtype=np.int32).reshape(5, 6),)),
    ("add_mask_values", (V, V > 0, np.arange(float((V > 0).sum())))),
    ("add_mask_values", (V, V > 0, np.arange(1.0))),
    ("add_mask_rows", (A, np.array([True, False, True, True, False]))),
    ("bump_view", (A,)),
    ("put_1d", (V, np.array([0, -1, 4]), np.array([10.0, 20.0, 30.0]))),
    ("put_1d", (V, np.array([2, 2, 2]), np.array([1.0, 2.0, 3.0]))),
    ("put_1d", (V, np.array([2, 3]), np.array([7.0]))),
    ("put_1d", (V, np.array([2, 3]), np.array([7.0, 8.0, 9.0]))),
    ("put_1d", (V, np.array([2, 30]), np.array([7.0, 8.0]))),
    ("put_scalar", (V[::-1], np.array([0, -1, 4], dtype=np.int32), 5.0)),
    ("put_pairs", (A, np.array([0, 4, -1]), np.array([5, 0, 2]), -3.0)),
    ("put_rows", (A, np.array([4, 0, 4]), np.arange(6.0))),
    ("put_cols", (A, np.array([5, 0]), np.arange(10.0).reshape(5, 2))),
    ("put_rows_slice", (A, np.array([1, 3]), 0.0)),
    ("put_self", (np.array([1, 0, 2, 2]),)),
    ("put_reversed", (V, np.array([0, 1, 2, 3, 4, 5, 6, 7, 8]))),
    ("put_reversed", (V, np.array([8, 0, 1, 2, 3, 4, 5, 6, 7]))),
    ("put_int_from_int", (np.arange(5), np.array([4, 0]), np.array([-1, -2], dtype=np.int32))),
    ("add_at", (V, np.array([0, 0, 3, -1]), 2.5)),
    ("add_at_values", (V, np.array([1, 1, 2]), np.array([1.0, 2.0, 3.0]))),
    ("add_pairs", (np.zeros((3, 3), dtype=np.int64), np.array([0, 0, 2]), np.array([1, 1, 2]))),
    ("add_cols", (A, np.array([1, 1, -1]))),
    ("power_where", (np.zeros(6, np.int64), np.arange(6), np.array([2, -3, 0, 1, -5, 3]))),
    ("put_rows_3d", (np.zeros((4, 3, 2)), np.array([3, 0, -1]), np.arange(6.0).reshape(3, 2))),
    ("ufunc_add_at", (V, np.array([0, 0, 3, -1, 0]), np.arange(5.0))),
    ("ufunc_add_at", (V[::-2], np.array([1, 1, 1]), np.array([0.5]))),
    ("ufunc_add_at", (V, np.array([], np.int64), np.zeros(0))),
    ("ufunc_add_at_one", (np.zeros(4, np.int64), np.array([3, 3, 0, -1, 2, 3], np.int32))),
    ("ufunc_subtract_at", (np.arange(5, dtype=np.int32), np.array([4, 4, 0], np.uint8), 7)),
    ("ufunc_multiply_at", (np.ones(4, np.float32), np.array([1, 1, 3]), 1.5)),
    ("ufunc_maximum_at", (np.zeros(4), np.array([1, 1, 2, 3]), np.array([np.nan, 2.0, -1.0, 5.0]))),
    ("ufunc_minimum_at", (np.zeros(4, np.int8), np.array([0, 0, 2]), np.array([-1, 3, 1]))),
    ("ufunc_at_wraps", (np.zeros(3, np.int8), np.array([0, 0, 2]))),
    ("ufunc_at_truncates", (np.arange(3), np.array([0, 0, 2, -1]))),
    ("ufunc_at_rows", (A, np.array([0, 0, 4]), np.arange(6.0))),
    ("ufunc_at_pairs", (np.zeros((2, 3), complex), np.array([0, 0, 1]), np.array([1, 1, -1]))),
    ("ufunc_at_view", (A, np.array([4, 4, 0]))),
    ("ufunc_at_histogram", (rng.integers(0, 6, 40), 7)),
]


@pytest.mark.parametrize("name,args", STORES, ids=[f"{n}-{k}" for k, (n, _) in enumerate(STORES)])
def test_stores_match_numpy(both, name, args):
    run(both, name, arg_maker(*args))


ERRORS = [
    ("take_1d", (V, np.array([1, 9])), IndexError, "index 9 is out of bounds for axis 0 with size 9"),
    ("take_1d", (V, np.array([1, -10, 99])), IndexError, "index -10 is out of bounds for axis 0 with size 9"),
    ("take_1d", (V[:0], np.array([0])), IndexError, "index 0 is out of bounds for axis 0 with size 0"),
    ("take_cols", (A, np.array([6])), IndexError, "index 6 is out of bounds for axis 1 with size 6"),
    ("take_pairs", (A, np.array([0, 1]), np.array([1, 2, 3])), IndexError,
     "shape mismatch: indexing arrays could not be broadcast together with shapes (2,) (3,) "),
    ("take_pairs_broadcast", (A, np.array([[0], [9]]), np.array([7, 1])), IndexError,
     "index 9 is out of bounds for axis 0 with size 5"),
    ("take_row_scalar", (A, 5, np.array([0])), IndexError, "index 5 is out of bounds for axis 0 with size 5"),
    ("mask_1d", (V, np.ones(4, bool)), IndexError,
     "boolean index did not match indexed array along axis 0; size of axis is 9 "
     "but size of corresponding boolean axis is 4"),
    ("mask_cols", (A, np.ones(5, bool)), IndexError,
     "boolean index did not match indexed array along axis 1; size of axis is 6 "
     "but size of corresponding boolean axis is 5"),
    ("mask_2d", (A, np.ones((5, 5), bool)), IndexError, None),
    ("set_mask_values", (V, V > 0, np.arange(100.0)), ValueError,
     "NumPy boolean array indexing assignment cannot assign 100 input values to the "
     f"{(V > 0).sum()} output values where the mask is true"),
    ("set_mask_from", (V, V[:4], V > 0), IndexError, None),
    ("put_1d", (V, np.array([0, 1]), np.arange(3.0)), ValueError,
     "shape mismatch: value array of shape (3,) could not be broadcast to indexing result of shape (2,)"),
    ("put_1d", (V, np.array([0, 10]), np.arange(2.0)), IndexError, "index 10 is out of bounds for axis 0 with size 9"),
    ("add_at", (V, np.array([-10]), 1.0), IndexError, "index -10 is out of bounds for axis 0 with size 9"),
    ("take", (A, np.array([30])), IndexError, "index 30 is out of bounds for axis 0 with size 30"),
    ("take_wrap", (V[:0], np.array([1])), IndexError, "cannot do a non-empty take from an empty axes."),
    ("extract_flat", (np.ones(31, dtype=np.int64), A), IndexError, "index 30 is out of bounds for axis 0 with size 30"),
    ("take_nonzero_tuple", (np.ones((5, 6)),), None, None),
    ("power_where", (np.zeros(3, np.int64), np.arange(3), np.array([2, -3, -1])), ValueError,
     "Integers to negative integer powers are not allowed."),
    ("take_rows_3d", (np.zeros((4, 0, 2)), np.array([4])), IndexError, "index 4 is out of bounds for axis 0 with size 4"),
    ("take_middle_3d", (np.zeros((0, 5, 3)), np.array([[5]])), IndexError,
     "index 5 is out of bounds for axis 1 with size 5"),
    ("take_pairs", (np.zeros((0, 3)), np.array([0]), np.array([0])), IndexError,
     "index 0 is out of bounds for axis 0 with size 0"),
    ("ufunc_add_at", (V, np.array([0, 9]), np.ones(2)), IndexError, "index 9 is out of bounds for axis 0 with size 9"),
    ("ufunc_add_at", (V, np.array([0, 1]), np.ones(3)), ValueError, "array is not broadcastable to correct shape"),
]


@pytest.mark.parametrize("name,args,exc,message", ERRORS, ids=[f"{e[0]}-{k}" for k, e in enumerate(ERRORS)])
def test_errors_match_numpy(both, name, args, exc, message):
    native, _ = both
    r = run(both, name, arg_maker(*args))
    if exc is not None:
        assert isinstance(r, exc)
        if message is not None:
            assert str(r) == message


def test_bad_indices_never_touch_memory_outside(both):
    """An out-of-bounds store raises before anything is written."""
    native, _ = both
    a = np.arange(6.0)
    with pytest.raises(IndexError):
        native.put_1d(a, np.array([0, 1, 6]), np.array([9.0, 9.0, 9.0]))
    assert np.array_equal(a, np.arange(6.0))
    with pytest.raises(IndexError):
        native.add_at(a, np.array([1, -7]), 1.0)
    assert np.array_equal(a, np.arange(6.0))


def test_failed_value_stores_nothing(both):
    """The value of a store is computed before anything is stored (NumPy's order)."""
    native, _ = both
    a = np.zeros(3, np.int64)
    with pytest.raises(ValueError, match="negative integer powers"):
        native.power_where(a, np.arange(3), np.array([2, 3, -1]))
    assert not a.any()


def test_results_own_their_memory(both):
    native, _ = both
    before = native.__fastext_live_blocks__()
    r = native.mask_1d(V, V > 0)
    t = native.nonzero_2d((A > 0).astype(np.int32))
    assert r.flags.owndata is False and r.base is not None      # an ndarray over arena memory
    assert before < native.__fastext_live_blocks__()
    del r, t
    assert native.__fastext_live_blocks__() == before
    for k in range(3):          # temporaries (masks' coordinates, detached copies) are freed
        native.add_mask_rows(A.copy(), np.array([True, False, True, True, False]))
        native.put_self(np.array([1, 0, 2, 2]))
    assert native.__fastext_live_blocks__() == before


def test_read_only_targets_are_rejected(both):
    native, _ = both
    a = np.arange(5.0)
    a.flags.writeable = False
    with pytest.raises((TypeError, ValueError, BufferError)):
        native.clamp(a)
    native.mask_1d(a, a > 1)      # reads are fine


# ----------------------------------------------------------------------------- property tests

DTYPES = ["f64", "f32", "i32", "i16", "u8", "bool", "c128"]
INDEX_DTYPES = ["i64", "i32", "i16", "u8", "u32"]
NP = {"f64": np.float64, "f32": np.float32, "i64": np.int64, "i32": np.int32, "i16": np.int16, "u8": np.uint8,
      "u32": np.uint32, "u64": np.uint64, "bool": np.bool_, "c128": np.complex128}
ANN = {"bool": "boolean"}


def _typed_module_source() -> str:
    """Per data dtype the mask and gather operations (i64 or i32 indices), per index dtype the
    gathers and scatters of f64 items."""
    lines = ["import numpy as np", "from fastext import boolean, f64, f32, i64, i32, i16, u8, u32, u64, c128", ""]

    def gathers(d, t, x):
        return [f"def take_{d}_{x}(a: {t}[:], idx: {x}[:]) -> {t}[:]:", "    return a[idx]", "",
                f"def put_{d}_{x}(a: {t}[:], idx: {x}[:], v: {t}[:]) -> None:", "    a[idx] = v", ""]
    for d in DTYPES:
        t = ANN.get(d, d)
        lines += [
            f"def sel_{d}(a: {t}[:, :], m: boolean[:, :]) -> {t}[:]:", "    return a[m]", "",
            f"def setm_{d}(a: {t}[:, :], m: boolean[:, :], b: {t}[:, :]) -> None:", "    a[m] = b[m]", "",
            f"def fill_{d}(a: {t}[:], m: boolean[:], v: {t}[:]) -> None:", "    a[m] = v[0]", "",
            f"def nz_{d}(a: {t}[:, :]) -> tuple[i64[:], i64[:]]:", "    return np.nonzero(a)", "",
        ] + gathers(d, t, "i64")
    lines += ["def rows(a: f64[:, :], m: boolean[:]) -> f64[:, :]:", "    return a[m]", "",
              "def cols(a: u8[:, :], idx: i32[:, :]) -> u8[:, :, :]:", "    return a[:, idx]", ""]
    for x in INDEX_DTYPES[1:]:
        lines += gathers("f64", "f64", x)
    for x in INDEX_DTYPES:
        lines += [f"def addat_{x}(a: f64[:], idx: {x}[:], v: f64) -> None:", "    a[idx] += v", ""]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def typed(tmp_path_factory):
    path = tmp_path_factory.mktemp("indexing") / "indexing_typed.fx"
    path.write_text(_typed_module_source())
    return fxload.compiled(str(path)), fxload.interpreted(str(path))


def _values(d, shape, seed):
    r = np.random.default_rng(seed)
    x = r.integers(-50, 50, size=shape)
    if d == "bool":
        return x > 0
    if d == "c128":
        return (x + 1j * r.integers(-5, 5, size=shape)).astype(np.complex128)
    if d in ("u8", "u64"):
        x = np.abs(x)
    return x.astype(NP[d])


@st.composite
def strided(draw, d, ndim):
    """An array of dtype d and `ndim` dimensions (some of size 0), as a view with any steps."""
    shape = tuple(draw(st.integers(0, 5)) for _ in range(ndim))
    steps = tuple(draw(st.sampled_from([1, 2, -1, -2])) for _ in range(ndim))
    base_shape = tuple(n * abs(s) for n, s in zip(shape, steps))
    base = _values(d, base_shape, draw(st.integers(0, 2**16)))
    return base[tuple(slice(None, None, s) for s in steps)]


def _mask(draw, shape):
    seed = draw(st.integers(0, 2**16))
    return np.random.default_rng(seed).random(shape) < draw(st.sampled_from([0.0, 0.3, 0.7, 1.0]))


@settings(max_examples=40, deadline=None)
@given(data=st.data(), d=st.sampled_from(DTYPES))
def test_masks_over_dtypes_and_strides(typed, data, d):
    a = data.draw(strided(d, 2))
    m = _mask(data.draw, a.shape)
    run(typed, f"sel_{d}", arg_maker(a, m))
    run(typed, f"nz_{d}", arg_maker(a))
    if d == "f64":
        run(typed, "rows", arg_maker(a, m[:, 0] if a.shape[1] else np.zeros(a.shape[0], bool)))
    b = data.draw(strided(d, 2))
    if b.shape != a.shape:
        b = _values(d, a.shape, 7)
    run(typed, f"setm_{d}", arg_maker(a, m, b))
    x = data.draw(strided(d, 1))
    run(typed, f"fill_{d}", arg_maker(x, _mask(data.draw, x.shape), _values(d, (1,), 3)))


def _index_array(draw, x, n, size):
    seed = draw(st.integers(0, 2**16))
    r = np.random.default_rng(seed)
    lo = 0 if x.startswith("u") else -n - 2
    hi = n + 2
    if draw(st.booleans()):          # in range most of the time: the results are compared
        lo, hi = (0 if x.startswith("u") else -n), max(n, 1)
    return r.integers(lo, hi, size=size).astype(NP[x])


@settings(max_examples=40, deadline=None)
@given(data=st.data(), d=st.sampled_from(DTYPES), x=st.sampled_from(INDEX_DTYPES))
def test_integer_indices_over_dtypes_and_strides(typed, data, d, x):
    if d != "f64":
        x = "i64"
    a = data.draw(strided(d, 1))
    n = a.shape[0]
    k = data.draw(st.integers(0, 7))
    idx = _index_array(data.draw, x, n, k)
    run(typed, f"take_{d}_{x}", arg_maker(a, idx))
    v = _values(d, (data.draw(st.sampled_from([k, 1])),), 11)
    run(typed, f"put_{d}_{x}", arg_maker(a, idx, v))
    a2 = data.draw(strided("u8", 2))
    idx2 = _index_array(data.draw, "i32", a2.shape[1], (data.draw(st.integers(0, 3)), 2))
    run(typed, "cols", arg_maker(a2, idx2))


@settings(max_examples=40, deadline=None)
@given(data=st.data(), x=st.sampled_from(INDEX_DTYPES))
def test_augmented_scatter_does_not_accumulate(typed, data, x):
    a = data.draw(strided("f64", 1))
    idx = _index_array(data.draw, x, a.shape[0], data.draw(st.integers(0, 8)))
    run(typed, f"addat_{x}", arg_maker(a, idx, 1.5))


# ----------------------------------------------------------------------------- misuse

def _diagnostics(tmp_path, body: str):
    path = tmp_path / "bad_indexing.fx"
    path.write_text("import numpy as np\nfrom fastext import f64, i64, boolean\n\n" + textwrap.dedent(body))
    return [(d.span.line, d.message) for d in check_file(str(path))]


MISUSE = [
    ("def f(a: f64[:], x: f64[:]) -> f64[:]:\n    return a[x]\n",
     "arrays used as indices must be of integer (or boolean) type"),
    ("def f(a: f64[:], m: boolean[:, :]) -> f64[:]:\n    return a[m]\n",
     "too many indices for array: array is 1-dimensional, but 2 were indexed"),
    ("def f(a: f64[:, :], i: i64[:]) -> f64[:, :, :]:\n    return a[i, None]\n",
     "np.newaxis together with an index array is not supported"),
    ("def f(a: f64[:], m: boolean[:], v: f64[:, :]) -> None:\n    a[m] = v\n",
     "requires a 0 or 1-dimensional input, input has 2 dimensions"),
    ("def f(a: i64[:], i: i64[:], v: f64[:]) -> None:\n    a[i] = v\n",
     "cannot assign f64 items into an i64 array without a conversion"),
    ("def f(a: i64[:], m: boolean[:]) -> None:\n    a[m] += 1.5\n",
     "cannot cast the result from float64 to int64 with casting rule 'same_kind'"),
    ("def f(a: f64[:], i: i64[:]) -> f64[:]:\n    return np.take(a, i, mode='nearest')\n",
     "mode must be a constant 'raise', 'wrap' or 'clip'"),
    ("def f(a: f64[:], m: boolean[:]) -> f64[:]:\n    return np.take(a, m)\n",
     "indices must be an integer array, got bool array"),
    ("def f(a: f64[:], x: f64) -> f64:\n    return np.nonzero(x)[0][0]\n",
     "needs an array, got an f64"),
    ("def f(a: f64[:], i: i64[:]) -> f64[:]:\n    return np.take(a, i, out=a)\n",
     "out=...) is not supported"),
    ("def f(a: f64[:, :], i: i64[:]) -> f64[:, :]:\n    return np.take(a, i, axis=2)\n",
     "axis 2 is out of bounds for array of dimension 2"),
    ("def f(a: f64[:], i: i64[:]) -> None:\n    x = np.add.at(a, i, 1.0)\n", "it is a statement of its own"),
    ("def f(a: f64[:], m: boolean[:]) -> None:\n    np.add.at(a, m, 1.0)\n", "takes integer index arrays here"),
    ("def f(a: f64[:], i: i64) -> None:\n    np.add.at(a, i, 1.0)\n", "takes integer index arrays here"),
    ("def f(a: f64[:], i: i64[:]) -> None:\n    np.add.at(a * 2.0, i, 1.0)\n", "must be an array, not an expression"),
    ("def f(a: boolean[:], i: i64[:]) -> None:\n    np.subtract.at(a, i, True)\n", "is not defined for bool"),
    ("def f(a: f64[:], i: i64[:]) -> None:\n    np.add.at(a, i, 1j)\n", "cannot be stored into the float64 array"),
    ("def f(a: f64[:], i: i64[:], v: f64[:, :]) -> None:\n    np.add.at(a, i, v)\n",
     "array is not broadcastable to correct shape"),
    ("def f(a: f64[:], i: i64[:]) -> None:\n    np.add.at(a, i)\n", "missing argument `b`"),
]


@pytest.mark.parametrize("body,message", MISUSE, ids=[m[1][:30] for m in MISUSE])
def test_misuse_is_a_located_error(tmp_path, body, message):
    found = _diagnostics(tmp_path, body)
    assert found, "no diagnostic"
    line, text = found[0]
    assert line == 5 and message in text, found
