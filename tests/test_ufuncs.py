"""@vectorize and @guvectorize (docs/ufuncs.md): the compiled module's real `numpy.ufunc`s against
the same file run as plain Python (`fastext.ufuncs`) and against NumPy computing the same
formula in the loop's dtype — dtype loops, broadcasting, strides, `out=`/`where=`,
`reduce`/`accumulate`/`outer`/`at`, core dimensions, the error model, and located diagnostics.
"""
from __future__ import annotations

import os

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fxload

FX = os.path.join(fxload.FX_DIR, "ufuncs.fx")


@pytest.fixture(scope="module")
def both():
    return fxload.compiled(FX), fxload.interpreted(FX)


def _same(got, want, dtype):
    got = np.asarray(got)
    assert got.dtype == np.dtype(dtype), (got.dtype, dtype)
    if np.dtype(dtype).kind == "f":
        rtol = 1e-6 if np.dtype(dtype) == np.float32 else 1e-12
        np.testing.assert_allclose(got, want, rtol=rtol, atol=0)
    else:
        np.testing.assert_array_equal(got, want)


def test_real_ufunc_objects(both):
    c, p = both
    assert isinstance(c.axpy1, np.ufunc) and isinstance(c.dot, np.ufunc)
    for m in both:
        assert (m.axpy1.nin, m.axpy1.nout, m.axpy1.types) == (2, 1, ["ll->l", "ff->f", "dd->d"])
        assert m.hypot2.types == ["dd->d"] and m.clip01.types == ["f->f"]
        assert m.plus.identity == 0 and m.axpy1.identity is None
        assert m.dot.signature == "(n),(n)->()" and m.dot.types == ["dd->d", "ff->f"]
        assert m.matmul.signature == "(m,n),(n,p)->(m,p)" and m.shift.types == ["dd->d"]
    assert "x * y + 1" in c.axpy1.__doc__


ints = st.integers(-2**20, 2**20)
floats = st.floats(-1e6, 1e6, allow_nan=False)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["int64", "float32", "float64", "int32", "int8"]), st.integers(1, 7), st.integers(1, 5),
       st.data())
def test_vectorize_matches_numpy_and_python(both, dtype, n, m, data):
    """Each input dtype picks NumPy's loop (int32 and int8 cast safely to the i64 loop); inputs
    broadcast ((n, 1) against (m,)) and may be strided."""
    elems = ints if np.dtype(dtype).kind == "i" else floats
    info = np.iinfo(dtype) if np.dtype(dtype).kind == "i" else None
    if info is not None:
        elems = st.integers(max(info.min, -2**20), min(info.max, 2**20))
    x = np.array(data.draw(st.lists(elems, min_size=2 * n, max_size=2 * n)), dtype=dtype)[::2].reshape(n, 1)
    y = np.array(data.draw(st.lists(elems, min_size=m, max_size=m)), dtype=dtype)
    loop = {"int32": "int64", "int8": "int64"}.get(dtype, dtype)
    want = x.astype(loop) * y.astype(loop) + np.asarray(1, loop)
    c, p = both
    _same(c.axpy1(x, y), want, loop)
    _same(p.axpy1(x, y), want, loop)
    _same(c.axpy1(x, y), p.axpy1(x, y), loop)
    if np.dtype(dtype).kind == "f":
        h = np.sqrt(x.astype(np.float64) ** 2 + y.astype(np.float64) ** 2)
        _same(c.hypot2(x, y), h, "float64")
        _same(p.hypot2(x, y), h, "float64")


@settings(max_examples=30, deadline=None)
@given(st.lists(floats, min_size=1, max_size=12), st.lists(st.booleans(), min_size=12, max_size=12))
def test_out_and_where(both, values, mask):
    x = np.array(values)
    where = np.array(mask[:len(x)])
    results = []
    for m in both:
        out = np.full(len(x), -7.0)
        assert m.hypot2(x, 3.0, out=out, where=where) is out
        results.append(out)
        np.testing.assert_allclose(out[where], np.hypot(x, 3.0)[where], rtol=1e-12)
        assert (out[~where] == -7.0).all()
    np.testing.assert_array_equal(*results)
    for m in both:      # casting of the output as NumPy does: float64 into float32 is same_kind
        out32 = np.zeros(len(x), np.float32)
        m.hypot2(x, 3.0, out=out32)
        np.testing.assert_allclose(out32, np.hypot(x, 3.0).astype(np.float32), rtol=1e-6)
        with pytest.raises(TypeError):
            m.hypot2(x, 3.0, out=np.zeros(len(x), np.int64))


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["int64", "float64"]), st.integers(1, 5), st.integers(1, 5), st.data())
def test_reduce_accumulate_outer_at(both, dtype, rows, cols, data):
    elems = ints if dtype == "int64" else floats
    a = np.array(data.draw(st.lists(elems, min_size=rows * cols, max_size=rows * cols)), dtype=dtype)
    a = a.reshape(rows, cols)
    for m in both:
        for axis in (0, 1, None):
            _same(m.plus.reduce(a, axis=axis), np.add.reduce(a, axis=axis), dtype)
        _same(m.plus.accumulate(a, axis=1), np.add.accumulate(a, axis=1), dtype)
        _same(m.plus.outer(a[0], a[:, 0]), np.add.outer(a[0], a[:, 0]), dtype)
        _same(m.axpy1.reduce(a[0, :2]), _fold(a[0, :2]), dtype)     # (no i64 overflow: fastext would fail it)
        target = np.zeros(4, dtype)
        m.plus.at(target, [0, 1, 0, 3], a[0, 0])
        _same(target, np.asarray([2, 1, 0, 1], dtype) * a[0, 0], dtype)
    assert both[0].plus.reduce(np.zeros((0,), np.int64)) == 0      # the identity


def _fold(v):
    acc = v[0]
    for x in v[1:]:
        acc = acc * x + v.dtype.type(1)
    return acc


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["float64", "float32"]), st.integers(0, 3), st.integers(1, 6), st.data())
def test_gufunc_core_dims(both, dtype, batch, n, data):
    x = np.array(data.draw(st.lists(floats, min_size=batch * 2 * n, max_size=batch * 2 * n)), dtype=dtype)
    x = x.reshape(batch, 2 * n)[:, ::2]            # strided core dimension
    y = np.array(data.draw(st.lists(floats, min_size=n, max_size=n)), dtype=dtype)
    want = (x.astype(np.float64) * y).sum(axis=-1)
    for m in both:
        got = m.dot(x, y)
        assert got.dtype == np.dtype(dtype) and got.shape == (batch,)
        np.testing.assert_allclose(got, want, rtol=1e-4 if dtype == "float32" else 1e-9, atol=1e-3)
        a, b = x[:, :, None] * np.ones((1, 1, 2), dtype), np.arange(2.0 * 3).reshape(2, 3)
        if n == 2:
            np.testing.assert_allclose(m.matmul(a.astype(np.float64), b), a.astype(np.float64) @ b, rtol=1e-12)
    c, p = both
    np.testing.assert_array_equal(c.shift(np.arange(3.0), np.array([[1.0], [2.0]])),
                                  p.shift(np.arange(3.0), np.array([[1.0], [2.0]])))
    assert c.shift(np.arange(3.0), 1.5).tolist() == [1.5, 2.5, 3.5]
    for m in both:
        with pytest.raises(ValueError):
            m.dot(np.ones(3), np.ones(4))      # core dimension n differs
        out = np.zeros(2)
        m.dot(np.ones((2, 3)), np.ones(3), out=out)
        assert out.tolist() == [3.0, 3.0]


CALLS = [
    lambda m: m.axpy1(np.arange(3), np.arange(3), dtype=np.float32),
    lambda m: m.axpy1(np.arange(3, dtype=np.int8), np.int8(2)),
    lambda m: m.axpy1(True, 2),
    lambda m: m.axpy1(np.float32(1.5), 2),
    lambda m: m.axpy1(np.arange(3.0), 2.5, out=np.zeros(3, np.float32)),
    lambda m: m.plus.reduce(np.arange(6).reshape(2, 3), axis=1, keepdims=True),
    lambda m: m.plus.reduce(np.arange(6.0).reshape(2, 3), axis=None),
    lambda m: m.plus.accumulate(np.arange(4, dtype=np.int32)),
    lambda m: m.clip01(2),                     # Python numbers alone are NumPy's defaults: no f32 loop
    lambda m: m.clip01(np.float32(3)),
    lambda m: m.hypot2(np.arange(3, dtype=np.uint8), 4),
]


@pytest.mark.parametrize("k", range(len(CALLS)))
def test_dtype_rules_match_numpy(both, k):
    """The plain-Python objects choose loops and result types as NumPy does for the compiled ufunc."""
    out = []
    for m in both:
        try:
            r = CALLS[k](m)
            out.append((repr(r), getattr(r, "dtype", type(r))))
        except TypeError as e:
            out.append(("TypeError", "not supported for the input types" in str(e)))
    assert out[0] == out[1]


def test_bool_complex_empty_and_reversed(both):
    x = np.array([1.0, 20.0, 5.0, 30.0])
    flags = np.array([True, False, False, False])
    z = np.array([1 + 2j, -3j, 0.5])
    for m in both:
        got = m.is_big(x, flags)
        assert got.dtype == np.bool_ and got.tolist() == [True, True, False, True]
        _same(m.scale(z, 2.0), z * 2.0, "complex128")
        _same(m.scale(z.astype(np.complex64), np.float32(2)), z.astype(np.complex64) * np.float32(2), "complex64")
        assert m.axpy1(np.zeros(0), 1.0).shape == (0,) and m.dot(np.zeros((0, 3)), np.ones(3)).shape == (0,)
        _same(m.axpy1(x[::-1], x[::-2].repeat(2)), x[::-1] * x[::-2].repeat(2) + 1, "float64")
        _same(m.hypot2(x[::-1], 3.0), np.hypot(x[::-1], 3.0), "float64")


def test_failing_items_follow_numpy_error_model(both):
    for m in both:
        with np.errstate(invalid="ignore", divide="ignore"):
            got = m.inv(np.array([2.0, 0.0, 4.0]))
        assert got[0] == 0.5 and np.isnan(got[1]) and got[2] == 0.25
        with np.errstate(invalid="raise", divide="ignore"), pytest.raises(FloatingPointError, match="inv"):
            m.inv(np.array([0.0]))
        with np.errstate(invalid="warn", divide="ignore"), pytest.warns(RuntimeWarning, match="invalid value"):
            m.inv(np.array([0.0, 1.0]))
    assert both[1].inv.py_func(2.0) == 0.5


def test_function_using_python_objects(both):
    """NumPy releases the GIL around loops: such a function takes it per call, from threads too."""
    import threading
    x = np.array([1.0, 123.5, -1.0, 7.25])
    c, p = both
    results = []
    for m in both:
        with np.errstate(invalid="ignore"):
            results.append(m.digits(x))
    np.testing.assert_array_equal(*results)
    assert results[0].tolist() == [4, 6, 0, 4] and results[0].dtype == np.int64
    assert c.digits_of(x[:2]).tolist() == [5, 7] == p.digits_of(x[:2]).tolist()   # .fx caller keeps the GIL
    threads = [threading.Thread(target=f, args=(np.arange(1000.0),)) for _ in range(4) for f in (c.digits, c.digits_of)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def test_bad_input_raises_not_crashes(both):
    for m in both:
        with pytest.raises(TypeError):
            m.axpy1(np.array(["a", "b"]), 1)
        with pytest.raises(TypeError):
            m.axpy1(1.0)
        with pytest.raises(ValueError):
            m.dot(np.ones(3), 1.0)


def test_calls_inside_fx(both):
    """Scalars: a direct call; arrays: a broadcasting loop fused into the expression (the
    registry's `fx.vectorized`), NumPy's loop choice in both."""
    a = np.arange(5.0)
    c, p = both
    assert c.sum_axpy1(a) == pytest.approx(p.sum_axpy1(a), rel=1e-15)
    b = np.arange(10.0).reshape(2, 5)
    np.testing.assert_array_equal(c.map_axpy1(a, b), (b * a + 1) * 2)
    np.testing.assert_array_equal(c.map_axpy1(a, b), p.map_axpy1(a, b))
    ints = c.map_ints(np.arange(4))
    assert ints.dtype == np.int64 and ints.tolist() == [1, 4, 7, 10] == p.map_ints(np.arange(4)).tolist()
    a2 = np.arange(6.0).reshape(2, 3)
    np.testing.assert_array_equal(c.rowdots(a2, np.ones(3)), p.rowdots(a2, np.ones(3)))
    assert c.rowdots(a2, np.ones(3)).tolist() == [3.0, 12.0]
    got = c.map_inv(np.array([2.0, 0.0]))
    assert got[0] == 0.5 and np.isnan(got[1])       # a failing item is NaN, as in the ufunc
    assert isinstance(c.clip01(np.float32(2.0)), np.float32) and c.clip01(np.float32(2.0)) == 1.0


H = "from fastext import f64, guvectorize, vectorize\n"


@pytest.mark.parametrize("source, message, where", [
    ("@vectorize\ndef f(x: f64[:]) -> f64:\n    return x[0]\n", "is f64[:], not a scalar", (3, 7)),
    ('@vectorize(["f64(f64"])\ndef f(x):\n    return x\n', "cannot read the signature", (2, 13)),
    ('@vectorize(["f64(f64, f64)"])\ndef f(x):\n    return x\n', "names 2 parameters; `f` takes 1", (2, 13)),
    ('@vectorize(["f64(quux)"])\ndef f(x):\n    return x\n', "`quux` in the signature", (2, 13)),
    ("@vectorize\ndef f(x):\n    return x\n", "needs a type annotation", (3, 7)),
    ('@guvectorize(["void(f64[:], f64[:])"], "(n),(n)->()")\ndef f(x, o):\n    o[0] = x[0]\n',
     "has 3 operands but `f` takes 2", (2, 2)),
    ('@guvectorize(["void(f64[:, :], f64[:])"], "(n)->()")\ndef f(x, o):\n    o[0] = x[0, 0]\n',
     "does not match the core dimensions (n)", (2, 15)),
    ('@guvectorize("(n)->(m)")\ndef f(x: f64[:], o: f64[:]):\n    o[0] = x[0]\n', "`m` of '(n)->(m)'", (2, 14)),
    ("@vectorize(identity=5)\ndef f(x: f64, y: f64) -> f64:\n    return x\n", "unsupported ufunc identity", (2, 21)),
    ('@vectorize(["f32(f32)"])\ndef f(x: f64) -> f64:\n    return x\n', "does not match the annotations", (2, 13)),
    ("@vectorize\ndef f(x: f64) -> f64:\n    return x\n\n\ndef g(a: complex) -> f64:\n    return f(a)\n",
     "`f` has no loop for (c128)", (8, 12)),
])
def test_located_diagnostics(source, message, where):
    from fastext.compiler.diagnostics import CompileError
    from fastext.compiler.driver import compile_source
    with pytest.raises(CompileError) as info:
        compile_source(H + source, "bad_ufunc.fx", "bad_ufunc")
    diags = info.value.diagnostics
    assert len(diags) == 1, [d.message for d in diags]
    assert message in diags[0].message and (diags[0].span.line, diags[0].span.col + 1) == where
    assert diags[0].hint


def test_numba_spelling(tmp_path):
    """Numba's decorators compile unchanged: `from numba import vectorize` and `@numba.guvectorize`."""
    path = tmp_path / "nbufuncs.fx"
    path.write_text("import numba\nfrom numba import vectorize\n\n\n"
                    '@vectorize(["float32(float32)", "float64(float64)"], nopython=True, cache=True)\n'
                    "def twice(x):\n    return x * 2\n\n\n"
                    '@numba.guvectorize(["void(float64[:], float64[:])"], "(n)->()")\n'
                    "def total(x, out):\n    s = 0.0\n    for v in x:\n        s += v\n    out[0] = s\n")
    m = fxload.compiled(str(path))
    assert m.twice.types == ["f->f", "d->d"] and m.twice(np.float32(1.5)) == np.float32(3.0)
    assert m.total(np.arange(6.0).reshape(2, 3)).tolist() == [3.0, 12.0]


def test_stubs_declare_ufuncs():
    from fastext.build.stubs import stub_for_file
    text = stub_for_file(FX, "ufuncs")
    assert "axpy1: numpy.ufunc  # @vectorize: i64(i64, i64), f32(f32, f32), f64(f64, f64)" in text
    assert "dot: numpy.ufunc  # @guvectorize:" in text and "def hypot2" not in text
    assert "def sum_axpy1(a: Buffer) -> float:" in text
