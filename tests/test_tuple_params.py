"""Tuple parameters of exported functions (any sequence of the items, each converted as a
parameter of its type) and nested unpacking in assignments and loops: tests/fx/tuple_params.fx
compiled against interpreted.  Misuse: tests/fx/bad/tuple_param_arrays.fx (test_diagnostics.py)."""
from __future__ import annotations

import os

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import fxload

PATH = os.path.join(fxload.FX_DIR, "tuple_params.fx")
SETTINGS = settings(max_examples=int(os.environ.get("FASTEXT_DIFF_EXAMPLES", "40")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
floats = st.floats(allow_nan=False, allow_infinity=False, width=64, min_value=-1e6, max_value=1e6)
ints = st.integers(-2**40, 2**40)


@pytest.fixture(scope="module")
def m():
    return fxload.compiled(PATH)


@pytest.fixture(scope="module")
def py():
    return fxload.interpreted(PATH)


def check(m, py, name, *args):
    got, want = getattr(m, name)(*args), getattr(py, name)(*args)
    assert got == want and type(got) is type(want), (name, args, got, want)
    return got


@given(st.tuples(ints, ints, ints), floats)
@SETTINGS
def test_scalar_tuples(m, py, mask, scale):
    check(m, py, "mask_sum", mask, scale)
    check(m, py, "mask_sum", list(mask), scale)          # any sequence of the items
    check(m, py, "mask_sum", np.array(mask), scale)      # NumPy integers convert as ints do


def test_item_types_convert(m, py):
    got = check(m, py, "mixed", (1, 2, True, 255, 0.1, 2))
    assert got == (1.0, 2, True, 255, np.float32(0.1).item(), 2 + 0j)
    assert type(got[0]) is float and type(got[5]) is complex


@given(st.tuples(st.tuples(floats, floats), st.integers(-2**31, 2**31 - 1)), st.tuples(floats, floats))
@SETTINGS
def test_nested(m, py, t, v):
    check(m, py, "nested", t, v)
    check(m, py, "with_structs", (v, (v, t[1])))


def test_records_in_tuples_are_copies(m, py):
    a = m.Acc(1.0)
    assert m.with_record((a, 2.5)) == py.with_record((py.Acc(1.0), 2.5)) == 3.5
    assert a.total == 1.0        # compiled: a copy; interpreted changes it (docs: "tuple parameters")


@given(st.lists(st.tuples(floats, floats), max_size=20), st.data())
@SETTINGS
def test_lists_of_tuples(m, py, pairs, data):
    vals = data.draw(st.lists(floats, min_size=len(pairs), max_size=len(pairs)))
    assert m.pair_loop(pairs, vals) == py.pair_loop(pairs, vals)
    assert m.enumerate_pairs(pairs) == py.enumerate_pairs(pairs)
    assert m.struct_list(pairs) == py.struct_list(pairs)


@pytest.mark.parametrize("n", [0, 1, 7, 100])
def test_nested_unpacking(m, py, n):
    check(m, py, "built_pairs", n)


def test_defaults_after_a_tuple(m, py):
    assert check(m, py, "default_after", (3, 4)) == 10
    assert m.default_after((3, 4), k=5) == 19 and m.default_after(mask=[1, 1]) == 3


@pytest.mark.parametrize("arg, exc, message", [
    (5, TypeError, r"mask_sum\(\) argument 'mask' must be tuple\[i64, i64, i64\] \(a sequence of 3 values\), not int"),
    ((1, 2), TypeError, r"argument 'mask' must be tuple\[i64, i64, i64\] \(a sequence of 3 values\), got a sequence of 2"),
    ((1, "a", 3), TypeError, r"argument 'mask\[1\]' must be int \(i64\), not str"),
    ((1.5, 2, 3), TypeError, r"argument 'mask\[0\]' must be int \(i64\), not float"),
    ((1, 2, 2**63), OverflowError, r"argument 'mask\[2\]' is out of range for int \(i64\)"),
    ("abc", TypeError, r"argument 'mask\[0\]' must be int \(i64\), not str"),
])
def test_bad_arguments(m, arg, exc, message):
    with pytest.raises(exc, match=message):
        m.mask_sum(arg, 1.0)


def test_bad_nested_arguments(m):
    with pytest.raises(TypeError, match=r"argument 't\[0\]\[1\]' must be float \(f64\), not str"):
        m.nested(((1.0, "x"), 2), (1.0, 2.0))
    with pytest.raises(OverflowError, match=r"argument 't\[1\]' is out of range for int \(i32\)"):
        m.nested(((1.0, 2.0), 2**31), (1.0, 2.0))
    with pytest.raises(TypeError, match=r"argument 'pairs\[\]\[1\]' must be float \(f64\), not str"):
        m.pair_loop([(1.0, 2.0), (1.0, "y")], [1.0, 1.0])
    with pytest.raises(TypeError, match=r"argument 'pairs\[\]' must be tuple\[f64, f64\]"):
        m.pair_loop([(1.0, 2.0), 3.0], [1.0, 1.0])
