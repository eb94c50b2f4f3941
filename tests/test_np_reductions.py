"""Reductions against NumPy: every kind over the dtypes it applies to, whole-array and along
each axis (keepdims too), on contiguous, transposed, strided and empty arrays, and folded over
array expressions without temporaries.  Integer and boolean results, min/max, arg-reductions
and cumulative integer sums are exact; float sums follow NumPy's pairwise order — bit-equal for
a plain contiguous or 1-D array, within rounding otherwise (docs/language.md)."""
from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fxload

SHORT = {"float64": "f64", "float32": "f32", "int32": "i32", "int64": "i64", "uint64": "u64", "bool": "boolean",
         "complex128": "c128"}
KINDS = {
    "float64": ["sum", "prod", "min", "max", "mean", "var", "std", "argmin", "argmax", "all", "any", "cumsum",
                "cumprod", "count_nonzero"],
    "float32": ["sum", "mean", "var", "min", "argmax", "cumsum"],
    "int32": ["sum", "prod", "mean", "min", "max", "argmin", "cumsum", "count_nonzero", "all"],
    "bool": ["sum", "any", "all", "count_nonzero", "max"],
    "complex128": ["sum", "prod", "mean", "var", "cumsum"],
}
EXPRESSIONS = {   # name: (source of the body over x, y: f64[:, :], result annotation)
    "sq_dist": ("np.sum((x - y) ** 2)", "f64"),
    "frac_pos": ("(x > 0).mean()", "f64"),
    "col_dot": ("np.sum(x * y, axis=0)", "f64[:]"),
    "row_max_abs": ("np.max(np.abs(x - 1.0), axis=1)", "f64[:]"),
    "row_norm": ("np.linalg.norm(x, axis=1)", "f64[:]"),
    "norm_fro": ("np.linalg.norm(x)", "f64"),
    "norm_1": ("np.linalg.norm(x[0], ord=1)", "f64"),
    "norm_inf": ("np.linalg.norm(x[0], np.inf)", "f64"),
    "std_expr": ("np.std(x * 2.0 + y, axis=0, ddof=1)", "f64[:]"),
    "any_nan": ("np.isnan(x).any()", "boolean"),
    "average_w": ("np.average(x, axis=1, weights=y[0])", "f64[:]"),
    "cumsum_expr": ("np.cumsum(x + y, axis=1)", "f64[:, :]"),
    "argmax_expr": ("np.argmax(x * y, axis=0)", "i64[:]"),
    "mean_keep": ("x - x.mean(axis=1, keepdims=True)", "f64[:, :]"),
}


def _result(kind: str, dtype: str, axis) -> str:
    """NumPy's result type of `kind` on a 2-D `dtype` array, as an annotation."""
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        a = np.ones((2, 3), dtype)
        r = getattr(np, kind)(a) if axis == "none" else getattr(np, kind)(a, axis=axis)
    r = np.asarray(r)
    name = SHORT[str(r.dtype)]
    return name if r.ndim == 0 else f"{name}[{', '.join(':' * r.ndim)}]"


def _cases():
    for dtype, kinds in KINDS.items():
        for kind in kinds:
            for axis in ("none", 0, 1):
                yield f"{kind}_{SHORT[dtype]}_{axis}", kind, dtype, axis


CASES = list(_cases())


def _source() -> str:
    lines = ["import numpy as np", "from fastext import f64, f32, i32, i64, u64, c128, boolean", ""]
    for fname, kind, dtype, axis in CASES:
        call = f"np.{kind}(x)" if axis == "none" else f"np.{kind}(x, axis={axis})"
        lines.append(f"def {fname}(x: {SHORT[dtype]}[:, :]) -> {_result(kind, dtype, axis)}:\n    return {call}\n")
    for name, (body, ret) in EXPRESSIONS.items():
        lines.append(f"def {name}(x: f64[:, :], y: f64[:, :]) -> {ret}:\n    return {body}\n")
    lines.append("def keep(x: f64[:, :]) -> tuple[f64[:, :], f64[:, :], f64[:, :]]:\n"
                 "    return x.sum(axis=0, keepdims=True), np.max(x, axis=1, keepdims=True), "
                 "x.mean(keepdims=True)\n")
    lines.append("def flat(v: f64[:]) -> tuple[f64, f64, f64]:\n    return v.sum(), np.sum(v), v.mean()\n")
    lines.append("def f32_flat(v: f32[:]) -> f32:\n    return v.sum()\n")
    lines.append("def c_flat(v: c128[:]) -> c128:\n    return v.sum()\n")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def mods(tmp_path_factory):
    path = tmp_path_factory.mktemp("reductions") / "np_reductions.fx"
    path.write_text(_source())
    return fxload.compiled(str(path)), fxload.interpreted(str(path))


def _array(dtype: str, rows: int, cols: int, seed: int, layout: str) -> np.ndarray:
    rng = np.random.default_rng(seed)
    shape = (cols, rows) if layout == "T" else (rows, cols * 2 if layout == "step" else cols)
    if dtype == "bool":
        a = rng.integers(0, 2, shape).astype(bool)
    elif dtype == "int32":
        a = rng.integers(-50, 50, shape).astype(np.int32)
    elif dtype == "complex128":
        a = rng.standard_normal(shape) + 1j * rng.standard_normal(shape)
    else:
        a = (rng.standard_normal(shape) * 4).astype(dtype)
    if layout == "T":
        return a.T
    if layout == "step":
        return a[::-1, ::2]
    return a


def _compare(got, want, kind: str, fname: str) -> None:
    want = np.asarray(want)
    got = np.asarray(got)
    assert got.dtype == want.dtype or want.ndim == 0 and got.dtype.kind == want.dtype.kind, (fname, got, want)
    assert got.shape == want.shape, (fname, got.shape, want.shape)
    if want.dtype.kind in "fc":
        single = want.dtype in (np.float32, np.complex64) or "_f32_" in fname   # f32 scalars come back as float
        rtol = 2e-5 if single else 1e-12
        np.testing.assert_allclose(got, want, rtol=rtol, atol=1e-12, equal_nan=True, err_msg=fname)
    else:
        assert np.array_equal(got, want), (fname, got, want)


def _outcome(fn, *args):
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        try:
            return fn(*args), None
        except ValueError as e:
            return None, e


@settings(max_examples=12, deadline=None)
@given(rows=st.integers(0, 6), cols=st.integers(0, 9), seed=st.integers(0, 2**32 - 1),
       layout=st.sampled_from(["C", "T", "step"]))
def test_every_reduction_matches_numpy(mods, rows, cols, seed, layout):
    native, oracle = mods
    for fname, kind, dtype, _axis in CASES:
        x = _array(dtype, rows, cols, seed, layout)
        want, want_exc = _outcome(getattr(oracle, fname), x)
        got, got_exc = _outcome(getattr(native, fname), x)
        assert type(got_exc) is type(want_exc), (fname, got_exc, want_exc)
        if want_exc is None:
            _compare(got, want, kind, fname)
        else:   # NumPy's messages: "zero-size array to reduction operation minimum ...", "attempt to get argmin ..."
            assert str(got_exc).split(" ")[:3] == str(want_exc).split(" ")[:3], (got_exc, want_exc)


@settings(max_examples=15, deadline=None)
@given(rows=st.integers(1, 6), cols=st.integers(1, 9), seed=st.integers(0, 2**32 - 1), transpose=st.booleans())
def test_reductions_of_expressions(mods, rows, cols, seed, transpose):
    native, oracle = mods
    x, y = _array("float64", rows, cols, seed, "T" if transpose else "C"), _array("float64", rows, cols, seed + 1, "C")
    y = np.abs(y) + 0.1
    for name in EXPRESSIONS:
        want, want_exc = _outcome(getattr(oracle, name), x, y)
        got, got_exc = _outcome(getattr(native, name), x, y)
        assert type(got_exc) is type(want_exc), (name, got_exc, want_exc)
        if want_exc is None:
            _compare(got, want, name, name)
    for g, w in zip(native.keep(x), oracle.keep(x)):
        _compare(g, w, "keep", "keep")


@settings(max_examples=25, deadline=None)
@given(n=st.integers(0, 20000), seed=st.integers(0, 2**32 - 1), step=st.sampled_from([1, 3, -1]))
def test_float_sums_are_numpys_bits(mods, n, seed, step):
    """NumPy's pairwise summation, reproduced: the same bits for 1-D arrays of any stride."""
    native, _ = mods
    rng = np.random.default_rng(seed)
    v = (rng.standard_normal(n * abs(step)) * 10.0 ** rng.integers(-8, 8, n * abs(step)))[::step]
    got = native.flat(v)
    assert got == (np.sum(v), np.sum(v), np.mean(v)) or np.isnan(got[2]) and n == 0
    f = v.astype(np.float32)
    assert native.f32_flat(f) == f.sum()
    z = v + 1j * v[::-1]
    assert native.c_flat(z) == z.sum()


def test_whole_sum_of_contiguous_2d_is_numpys_bits(mods):
    native, _ = mods
    a = np.random.default_rng(3).standard_normal((97, 131)) * 1e6
    assert native.sum_f64_none(a) == a.sum()
    assert np.array_equal(native.sum_f64_1(a), a.sum(axis=1)) and np.array_equal(native.sum_f64_0(a), a.sum(axis=0))


@pytest.mark.parametrize("layout", ["T", "step", "C"])
def test_sum_along_last_axis_follows_numpys_order(mods, layout):
    """A transposed array's lines are summed left to right (NumPy iterates the smaller stride
    innermost and accumulates slice by slice), a C or stepped one pairwise: NumPy's bits."""
    native, _ = mods
    rng = np.random.default_rng(11)
    for cols in (1, 7, 8, 9, 16, 33, 200):
        for rows in (1, 2, 3):
            base = (rng.standard_normal((cols, rows) if layout == "T" else (rows, 2 * cols)) * 1e3)
            a = base.T if layout == "T" else base[:, ::2] if layout == "step" else base[:, :cols]
            for dtype in (np.float32, np.float64):
                x = a.astype(dtype, copy=False) if dtype is np.float64 else np.asarray(a, dtype=dtype)
                x = x if layout != "T" else np.ascontiguousarray(x.T).T
                fn = native.sum_f32_1 if dtype is np.float32 else native.sum_f64_1
                assert np.array_equal(fn(x), x.sum(axis=1)), (layout, cols, rows, dtype)


def test_reduction_misuse_is_located(tmp_path):
    from fastext.compiler.driver import check_file
    path = tmp_path / "bad.fx"
    path.write_text("import numpy as np\nfrom fastext import f64, i64\n\n\n"
                    "def f(x: f64[:, :], k: i64) -> f64:\n"
                    "    a = x.sum(axis=2)\n"
                    "    b = np.mean(x, axis=k)\n"
                    "    c = np.sum(x, out=x)\n"
                    "    return 0.0\n")
    got = [(d.span.line, d.message) for d in check_file(str(path))]
    assert got == [(6, "axis 2 is out of bounds for array of dimension 2"),
                   (7, "axis must be a constant int in .fx code"),
                   (8, "np.sum(out=...) is not supported yet")], got


def test_case_count():
    assert len(CASES) > 100


BINCOUNT = '''\
import numpy as np
from fastext import f64, i64, i32, u8


def counts(x: i64[:], m: int) -> i64[:]:
    return np.bincount(x, minlength=m)


def weighted(x: i32[:], w: f64[:]) -> f64[:]:
    return np.bincount(x, weights=w)


def of_expression(x: i64[:]) -> i64[:]:
    return np.bincount(x[::-1] % 7)
'''


@pytest.fixture(scope="module")
def bincount_mods(tmp_path_factory):
    path = tmp_path_factory.mktemp("bincount") / "bincount.fx"
    path.write_text(BINCOUNT)
    return fxload.compiled(str(path)), fxload.interpreted(str(path))


@settings(max_examples=30, deadline=None)
@given(xs=st.lists(st.integers(-2, 40), max_size=30), m=st.integers(-1, 50))
def test_bincount_matches_numpy(bincount_mods, xs, m):
    native, oracle = bincount_mods
    x = np.array(xs, dtype=np.int64)
    w = np.linspace(0.5, 3.0, len(xs))
    for name, args in (("counts", (x, m)), ("weighted", (x.astype(np.int32), w)), ("of_expression", (x,))):
        if name == "weighted" and not xs:
            continue    # NumPy gives int64 for an empty x even with weights; compiled: float64 (documented)
        want, want_exc = _outcome(getattr(oracle, name), *args)
        got, got_exc = _outcome(getattr(native, name), *args)
        assert type(got_exc) is type(want_exc) and str(got_exc) == str(want_exc), (name, got_exc, want_exc)
        if want_exc is None:
            assert got.dtype == want.dtype and np.array_equal(got, want), (name, got, want)


TUPLE_AXES = {   # name: (body over x: f64[:, :, :] / n: i32[:, :, :], result annotation)
    "t_sum02": ("np.sum(x, axis=(0, 2))", "f64[:]"),
    "t_sum_neg": ("x.sum(axis=(-1, 0))", "f64[:]"),
    "t_sum_all": ("np.sum(x, axis=(0, 1, 2))", "f64"),
    "t_sum_one": ("np.sum(x, axis=(1,))", "f64[:, :]"),
    "t_sum_keep": ("np.sum(x, axis=(1, 2), keepdims=True)", "f64[:, :, :]"),
    "t_prod": ("np.prod(x, axis=(0, 1))", "f64[:]"),
    "t_min": ("np.min(x, axis=(1, 2))", "f64[:]"),
    "t_max_expr": ("np.max(np.abs(x - 0.5), axis=(0, 2))", "f64[:]"),
    "t_mean": ("x.mean(axis=(0, 2))", "f64[:]"),
    "t_all": ("np.all(x > -1.0, axis=(0, 1))", "boolean[:]"),
    "t_any": ("np.any(x > 1.0, axis=(1, 2))", "boolean[:]"),
    "t_count": ("np.count_nonzero(x > 0.0, axis=(0, 2))", "i64[:]"),
    "t_int_sum": ("np.sum(n, axis=(0, 2))", "i64[:]"),
    "t_int_mean": ("np.mean(n, axis=(1, 2))", "f64[:]"),
    "t_nansum": ("np.nansum(x, axis=(0, 1))", "f64[:]"),
    "t_add_reduce": ("np.add.reduce(x, axis=(0, 2))", "f64[:]"),
}


@pytest.fixture(scope="module")
def tuple_mods(tmp_path_factory):
    lines = ["import numpy as np", "from fastext import f64, i32, i64, boolean", ""]
    for name, (body, ret) in TUPLE_AXES.items():
        lines.append(f"def {name}(x: f64[:, :, :], n: i32[:, :, :]) -> {ret}:\n    return {body}\n")
    path = tmp_path_factory.mktemp("tuple_axes") / "tuple_axes.fx"
    path.write_text("\n".join(lines))
    return fxload.compiled(str(path)), fxload.interpreted(str(path))


@pytest.mark.parametrize("layout", ["C", "T", "step"])
@pytest.mark.parametrize("shape", [(3, 4, 5), (2, 1, 3), (3, 0, 2)])
def test_tuple_of_axes_matches_numpy(tuple_mods, shape, layout):
    """`axis=(0, 2)` folds the axes together in one pass (einsum's sums use it)."""
    native, oracle = tuple_mods
    rng = np.random.default_rng(sum(shape))
    x = rng.standard_normal(shape[::-1] if layout == "T" else shape[:2] + (shape[2] * 2,))
    x = x.T if layout == "T" else x[::-1, :, ::2] if layout == "step" else x[:, :, :shape[2]]
    n = (x * 10).astype(np.int32)
    if x.size:
        x[0, 0, 0] = np.nan
    for name in TUPLE_AXES:
        want, err = _outcome(getattr(oracle, name), x, n)
        if err is not None:
            with pytest.raises(ValueError):
                getattr(native, name)(x, n)
            continue
        _compare(getattr(native, name)(x, n), want, name, name)


def test_tuple_axis_misuse_is_located(tmp_path):
    from fastext.compiler.driver import check_file
    path = tmp_path / "bad.fx"
    path.write_text("import numpy as np\nfrom fastext import f64\n\n\n"
                    "def f(x: f64[:, :, :]) -> f64:\n"
                    "    a = x.var(axis=(0, 1))\n"
                    "    b = np.sum(x, axis=(0, 0))\n"
                    "    c = np.sum(x, axis=(0, 3))\n"
                    "    d = np.argmax(x, axis=(0, 1))\n"
                    "    return 0.0\n")
    got = [(d.span.line, d.message) for d in check_file(str(path))]
    assert got == [(6, "x.var(axis=(...)) with a tuple of axes is not supported"),
                   (7, "repeated axis"),
                   (8, "axis 3 is out of bounds for array of dimension 3"),
                   (9, "np.argmax(axis=(...)) with a tuple of axes is not supported")], got
