"""np.polyfit as NumPy's steps (frontend/npsource.py): the same coefficients to the bit, and
NumPy's errors; sliding_window_view's windows (a copy of the view's items)."""
from __future__ import annotations

import os

import numpy as np
import pytest

import fxload
from test_np_lists import _same

PATH = os.path.join(fxload.FX_DIR, "np_fit_windows.fx")


@pytest.fixture(scope="module")
def both():
    return fxload.compiled(PATH), fxload.interpreted(PATH)


R = np.random.default_rng(5)


@pytest.mark.parametrize("name,args", [
    ("fit_line", (np.linspace(0, 1, 10), R.random(10))),
    ("fit_w", (np.linspace(0, 3, 12), R.random(12), R.random(12) + 0.5, 3)),
    ("fit_w", (np.linspace(0, 3, 12), R.random(12), R.random(12) + 0.5, -1)),
    ("fit_2d", (np.arange(6.0), R.random((6, 3)))),
    ("fit_int", (np.arange(8), np.arange(8) * 3 + 1)),
    ("fit_line", (np.zeros(0), np.zeros(0))),
    ("fit_line", (np.ones(3), np.ones(4))),
    ("sliding", (R.random(10), 3)), ("sliding", (R.random(3), 3)), ("sliding", (R.random(3), 4)),
    ("sliding", (R.random(3), -1)), ("sliding2", (R.integers(0, 9, (3, 5)), 2)), ("sliding0", (R.random((5, 3)), 2)),
])
def test_like_numpy(both, name, args):
    _same(both, name, *args)


def test_bits_equal_numpys(both):
    compiled = both[0]
    for _ in range(100):
        n = int(R.integers(3, 40))
        x, y = R.normal(size=n), R.normal(size=n)
        assert np.array_equal(compiled.fit_line(x, y), np.polyfit(x, y, 2))


NDINDEX = os.path.join(fxload.FX_DIR, "np_ndindex.fx")


@pytest.mark.parametrize("name,args", [
    ("ndindex_sum", (R.random((3, 4)),)), ("ndindex_ints", (3, 4)), ("ndindex_ints", (0, 4)),
    ("ndenum", (R.random((2, 3, 2)),)), ("ndindex_store", (R.random((2, 3)),)), ("comp", (R.random((2, 2)),)),
])
def test_ndindex_loops_like_numpy(name, args):
    """np.ndindex / np.ndenumerate (frontend/npiter.py) and `a[idx]` with a tuple of ints."""
    _same((fxload.compiled(NDINDEX), fxload.interpreted(NDINDEX)), name, *args)


def test_ndindex_outside_a_loop_is_located(tmp_path):
    text = fxload.compile_error(tmp_path, "import numpy as np\nfrom fastext import f64\n\n\n"
                                          "def f(a: f64[:, :]) -> int:\n    return len(np.ndindex(a.shape))\n")
    assert "bad_program.fx:6:16:" in text and "np.ndindex() is supported as the iterable of a `for` loop" in text
