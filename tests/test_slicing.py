"""Array slicing to strided views: `a[1:-1]`, `a[:, j]`, `a[::2]`, `a[i]` of a 2-D array.

Compiled results must match the interpreted module (Python's slice rules) for
every start/stop/step, including negative and out-of-range bounds.
"""
import os

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fxload
from fastext.compiler.driver import check_file

HERE = os.path.dirname(os.path.abspath(__file__))
SLICING = os.path.join(HERE, "fx", "slicing.fx")


@pytest.fixture(scope="module")
def both():
    return fxload.compiled(SLICING), fxload.interpreted(SLICING)


bound = st.one_of(st.none(), st.integers(-15, 15))


@settings(max_examples=300, deadline=None)
@given(n=st.integers(0, 12), start=st.integers(-15, 15), stop=st.integers(-15, 15),
       step=st.sampled_from([-4, -3, -2, -1, 1, 2, 3, 5]))
def test_slice_bounds_match_python(both, n, start, stop, step):
    native, oracle = both
    x = np.arange(float(n)) + 1.0
    assert native.every(x, start, stop, step) == oracle.every(x, start, stop, step)
    assert len(x[start:stop:step]) == len(range(n)[start:stop:step])


def test_views_of_views_and_axes(both):
    native, oracle = both
    a = np.arange(30.0).reshape(5, 6)[::-1, 1:]     # already a strided, reversed view
    for j in range(-5, 5):
        assert native.col(a, j) == oracle.col(a, j) == a[:, j].sum()
    for i in range(-5, 5):
        assert native.row(a, i) == oracle.row(a, i) == a[i].sum()
    x = np.arange(7.0)
    assert native.inner(x) == oracle.inner(x) == x[1:-1].sum()


def test_writes_through_a_view_reach_the_base(both):
    native, oracle = both
    a, b = np.zeros((5, 4)), np.zeros((5, 4))
    native.bump(a)
    oracle.bump(b)
    assert np.array_equal(a, b)
    assert a[::2, 1:].sum() == 3 * 3 and a[1::2].sum() == 0 and a[:, 0].sum() == 0


def test_view_errors(both):
    native, _ = both
    with pytest.raises(ValueError, match="slice step cannot be zero"):
        native.every(np.ones(3), 0, 3, 0)
    with pytest.raises(IndexError, match="index 9 is out of bounds for axis 0 with size 5"):
        native.row(np.ones((5, 2)), 9)
    ro = np.ones((3, 3))
    ro.flags.writeable = False
    with pytest.raises(ValueError, match="must be writable"):
        native.bump(ro)      # writes through a view of its parameter


def test_slice_diagnostics(tmp_path):
    path = tmp_path / "badslice.fx"
    path.write_text("from fastext import f64\n\n\ndef f(x: f64[:], m: f64[:, :]) -> None:\n    x[1:] += m\n"
                    "    y = x[0:1.5]\n    z = x[1, 2]\n")
    messages = [d.message for d in check_file(str(path))]
    assert messages == ["`+=`: a 2-D result cannot be stored into a 1-D array",
                        "array indices must be integers, not f64", "too many indices for a 1-D array: 2"], messages
