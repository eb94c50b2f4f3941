"""`a % b == 0` lowered as a truncated remainder (lower/function.py: `_divisibility`): compiled
vs interpreted, negative operands, -1, the minimum value and ZeroDivisionError included."""
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fxload
from test_lists import same

PATH = os.path.join(fxload.FX_DIR, "divisibility.fx")
EDGES = [0, 1, -1, 2, -2, 3, 7, -7, 2**63 - 1, -2**63, 2**31 - 1, -2**31]


@pytest.fixture(scope="module")
def both():
    return fxload.compiled(PATH), fxload.interpreted(PATH)


@pytest.mark.parametrize("a", EDGES)
@pytest.mark.parametrize("b", EDGES)
def test_edges(both, a, b):
    same(both, "divisible", a, b)
    same(both, "not_divisible", a, b)
    if -2**31 <= a < 2**31 and -2**31 <= b < 2**31:
        same(both, "divisible32", a, b)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(-10**6, 10**6), max_size=20), st.integers(-30, 30))
def test_loops(both, xs, d):
    same(both, "count_multiples", xs, d)


@pytest.mark.parametrize("n", [2, 9, 97, 221, 1_000_003, 999_999_000_001])
def test_trial_division(both, n):
    same(both, "first_prime_factor", n)
