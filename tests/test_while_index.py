"""Indexings in `while` loops (lists, arrays, str characters) after the cheaper check of
FunctionLowering.wrap_index: compiled results, exceptions and side effects against CPython,
with negative indices that wrap and indices that fail mid-loop."""
from __future__ import annotations

import os

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fxload

PATH = os.path.join(fxload.FX_DIR, "while_index.fx")


@pytest.fixture(scope="module")
def both():
    return fxload.compiled(PATH), fxload.interpreted(PATH)


run = fxload.outcome_and_arrays
same = fxload.assert_same_outcome


values = st.lists(st.floats(-5, 5, allow_nan=False), max_size=12)


@settings(max_examples=150, deadline=None)
@given(a=values, i=st.integers(-15, 15), pivot=st.floats(-6, 6, allow_nan=False))
def test_scans(both, a, i, pivot):
    same(both, "scan_up", a, i, pivot)
    same(both, "scan_down", a, i, pivot)


@settings(max_examples=150, deadline=None)
@given(a=values, lo=st.integers(-3, 12), hi=st.integers(-3, 12))
def test_partition(both, a, lo, hi):
    same(both, "partition", a, lo, hi)


def test_negative_wrap_then_fail(both):
    # from -1 down through the negative indices, then past -len: IndexError at that read
    assert same(both, "scan_down", [1.0, 2.0, 3.0], -1, 0.0)[0][0] == "IndexError"
    assert same(both, "scan_up", [1.0, 2.0, 3.0], -3, 9.0)[0][0] == "IndexError"
    assert same(both, "scan_up", [1.0, 2.0, 3.0], -3, 2.5) == (("ok", -1), [])


@pytest.mark.parametrize("k, step", [(0, 1), (5, -1), (-2, 1), (-8, 1), (3, 2), (9, 1), (-9, -1)])
def test_stores_before_failure(both, k, step):
    out = same(both, "fill_until", np.zeros(8), k, step)
    assert out[0][0] == "IndexError"


@pytest.mark.parametrize("s, i, step", [("abcx", 0, 1), ("abcx", -4, 1), ("xabc", -1, -1), ("abc", 0, 1),
                                        ("abc", -1, -1), ("héllo wörld x", 0, 1), ("日本x", -3, 1)])
def test_str_characters(both, s, i, step):
    same(both, "chars", s, i, step)
