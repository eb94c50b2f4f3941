"""Pythran's `#pythran export` comments type unannotated functions (frontend/pythran.py): such a
file compiles unchanged and gives what the same file gives under CPython and NumPy."""
from __future__ import annotations

import os

import numpy as np
import pytest

from fxload import FX_DIR, assert_located_error, compiled, interpreted, same_values

PATH = os.path.join(FX_DIR, "pythran_exports.fx")
rng = np.random.default_rng(12)


@pytest.fixture(scope="module")
def both():
    return compiled(PATH), interpreted(PATH)


CASES = {
    "rosen": (rng.random(20),),
    "arc": tuple(rng.random(8) for _ in range(4)),
    "laplace": (rng.random((6, 7)), 3),
    "counts": (rng.integers(0, 5, 40), 5),
    "weighted": ([0.5, 1.5, 2.0, 4.0], (3, 2.0)),
    "tally": (["a", "b", "a", "c"], {"a": 10, "z": 1}),
    "grid_sum": (rng.random((4, 5)),),
    "scaled": (rng.random(5), 3.0),
    "periodic": (rng.random((5, 3)), 1.0),
    "julia_set": (-0.4, 0.6, 9, 30),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_exported_kernels_equal_python(both, name):
    native, python = (getattr(m, name) for m in both)
    same_values(python(*CASES[name]), native(*CASES[name]))


def test_the_types_are_the_exports(both):
    native = both[0]
    with pytest.raises(TypeError, match="x"):
        native.rosen([1.0, 2.0, 3.0])           # a list is not a float[] array
    with pytest.raises(ValueError, match="labels.*i64"):
        native.counts(np.arange(3.0), 2)         # int[]: not a float array


@pytest.mark.parametrize("source,line,col,message", [
    ("#pythran export f(float[], int)\ndef f(a):\n    return a\n", 2, 1, "gives 2 types for 1 parameters"),
    ("#pythran export f(slice)\ndef f(a):\n    return a\n", 2, 1, "cannot read the Pythran export 'f(slice)'"),
])
def test_unreadable_exports_are_located_errors(tmp_path, source, line, col, message):
    assert_located_error(tmp_path, "import numpy as np\n" + source, line, col, message, "annotate the parameters")
