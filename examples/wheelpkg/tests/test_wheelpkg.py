"""wheelpkg's own tests: run from a checkout (import hook) or against an installed wheel."""
import math
import os
from array import array

import pytest

import wheelpkg
from wheelpkg import series, vecmath


def test_dot_norm_axpy():
    x = array("d", [1.0, 2.0, 3.0])
    y = array("d", [4.0, 5.0, 6.0])
    assert wheelpkg.dot(x, y) == 32.0
    assert wheelpkg.norm(array("d", [3.0, 4.0])) == 5.0
    wheelpkg.axpy(2.0, x, y)
    assert list(y) == [6.0, 9.0, 12.0]
    assert wheelpkg.dot(memoryview(x), x) == 14.0


def test_errors_are_python_exceptions():
    with pytest.raises(ValueError, match="same length"):
        wheelpkg.dot(array("d", [1.0]), array("d", [1.0, 2.0]))
    with pytest.raises(TypeError):
        wheelpkg.dot([1.0], [1.0])          # a list is not a buffer
    with pytest.raises(ValueError):
        wheelpkg.collatz_steps(0)


def test_series():
    assert [wheelpkg.fib(n) for n in range(10)] == [0, 1, 1, 2, 3, 5, 8, 13, 21, 34]
    assert math.isclose(wheelpkg.harmonic(4), 1 + 1 / 2 + 1 / 3 + 1 / 4)
    assert [n for n in range(30) if wheelpkg.is_prime(n)] == [2, 3, 5, 7, 11, 13, 17, 19, 23, 29]
    assert wheelpkg.collatz_steps(27) == 111
    assert wheelpkg.collatz_steps(27, limit=5) == 5
    assert series.collatz_steps(n=6) == 8


def test_call_across_fx_modules():
    # vecmath.fx imports harmonic from series.fx: compiled in, no Python round trip
    assert math.isclose(vecmath.harmonic_norm(array("d", [3.0, 4.0]), 2), 5.0 * 1.5)


def test_python_layer():
    d = wheelpkg.describe([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0])
    assert d["mean"] == 5.0 and d["std"] == 2.0 and d["n"] == 8
    assert wheelpkg.zscores([1.0, 3.0]) == [-1.0, 1.0]


def test_numpy_arrays_if_available():
    np = pytest.importorskip("numpy")
    x = np.arange(5.0)
    assert vecmath.dot(x, x) == 30.0
    assert vecmath.moments(x) == (2.0, 2.0)


def test_compiled_module_in_use():
    files = wheelpkg.native_files()
    assert all(f and f.endswith(".so") for f in files.values()), files
    if os.environ.get("WHEELPKG_EXPECT_WHEEL"):     # set by fastext's wheel tests
        assert all(f.endswith(".abi3.so") and "__fxcache__" not in f for f in files.values()), files
