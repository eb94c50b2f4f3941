"""`for` over arrays, rows, enumerate, zip and ranges: compiled vs interpreted."""
import os

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fxload
from fastext.compiler.driver import check_file

HERE = os.path.dirname(os.path.abspath(__file__))
LOOPS = os.path.join(HERE, "fx", "loops.fx")

arrays = st.lists(st.floats(-1e6, 1e6, allow_nan=False), max_size=20).map(np.array)


@pytest.fixture(scope="module")
def both():
    return fxload.compiled(LOOPS), fxload.interpreted(LOOPS)


@settings(max_examples=100, deadline=None)
@given(x=arrays, y=arrays, start=st.integers(-5, 5))
def test_array_loops_match(both, x, y, start):
    native, oracle = both
    x, y = x.astype(float), y.astype(float)
    assert native.total(x) == oracle.total(x)
    assert native.weighted(x, start) == oracle.weighted(x, start)
    assert native.dot(x, y) == oracle.dot(x, y)
    assert native.triple(x, y, x[::-1]) == oracle.triple(x, y, x[::-1])
    assert native.first_negative(x) == oracle.first_negative(x)
    a, b = x.copy(), x.copy()
    native.scale(a, 2.5)
    oracle.scale(b, 2.5)
    assert np.array_equal(a, b)


@settings(max_examples=200, deadline=None)
@given(lo=st.integers(-20, 20), hi=st.integers(-20, 20), step=st.sampled_from([-7, -3, -1, 1, 2, 5]))
def test_ranges_inside_enumerate(both, lo, hi, step):
    native, oracle = both
    assert native.stepped(lo, hi, step) == oracle.stepped(lo, hi, step)


def test_extreme_range_lengths(both):
    native, _ = both
    assert native.stepped(-2**63, -2**63 + 10, 2**62) == sum((k + 1) * i for k, i in enumerate(range(-2**63, -2**63 + 10, 2**62)))
    with pytest.raises(ValueError):
        native.stepped(0, 10, 0)


def test_rows_are_views(both):
    native, oracle = both
    m = np.arange(12.0).reshape(3, 4)[:, ::-1]
    a, b = np.zeros(3), np.zeros(3)
    native.row_sums(m, a)
    oracle.row_sums(m, b)
    assert np.array_equal(a, b) and np.array_equal(a, m.sum(axis=1))


def test_loop_diagnostics(tmp_path):
    path = tmp_path / "badloop.fx"
    path.write_text("from fastext import f64\n\n\ndef f(x: f64) -> f64:\n    for v in x:\n        pass\n"
                    "    for a, b in zip():\n        pass\n    return x\n")
    messages = [d.message for d in check_file(str(path))]
    assert messages == ["cannot iterate over f64", "zip() takes one or more iterables"], messages


@settings(max_examples=100, deadline=None)
@given(x=st.lists(st.floats(-1e6, 1e6), min_size=1, max_size=20).map(np.array))
def test_array_methods_match(both, x):
    native, oracle = both
    got, want = native.methods(x), oracle.methods(x)
    assert got[0] == want[0]
    assert got[1:] == want[1:] == (x.min(), x.max())


def test_array_methods_on_ints_bools_views_and_nan(both):
    native, oracle = both
    m = np.arange(-6, 6, dtype=np.int32).reshape(3, 4)[::-1, ::2]
    assert native.int_methods(m) == oracle.int_methods(m) == (int(m.sum()), int(m.min()), int(m.max()))
    b = np.array([True, False, True, True])
    assert native.count_true(b) == oracle.count_true(b) == 3
    nan = np.array([1.0, np.nan, -3.0])
    got = native.methods(nan)
    assert all(np.isnan(v) for v in got)
    with pytest.raises(ValueError, match="zero-size array"):
        native.methods(np.zeros(0))
    a, c = np.zeros((2, 3)), np.zeros((2, 3))
    assert native.reset(a[:, ::2], 1.5) == oracle.reset(c[:, ::2], 1.5) == 6.0
    assert np.array_equal(a, c) and a.sum() == 6.0
