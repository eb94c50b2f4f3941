"""Native dicts and sets (tests/fx/dicts.fx), compiled vs interpreted."""
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fxload
from test_lists import same

PATH = os.path.join(fxload.FX_DIR, "dicts.fx")


@pytest.fixture(scope="module")
def both():
    return fxload.compiled(PATH), fxload.interpreted(PATH)


CASES = [
    ("counts", [1, 2, 2, 5, 1, 1]), ("counts", []), ("ops", 30), ("ops", 0), ("sets", list(range(20))),
    ("tkeys", 5), ("missing", 7), ("missing", 1), ("changed_during", 0), ("changed_during", 3),
    ("updates", [3, 1, 3, 9]), ("bools", 4), ("deleted_order", 10), ("deleted_order", 1),
    ("remove_missing", 2), ("remove_missing", 5),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}{c[1:]}")
def test_matches_python(both, case):
    same(both, *case)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(-1000, 1000), max_size=200))
def test_counting(both, xs):
    same(both, "counts", xs)


@settings(max_examples=50, deadline=None)
@given(st.integers(0, 300))
def test_deletions_keep_order(both, n):
    same(both, "deleted_order", n)


def test_results_are_python_containers(both):
    compiled, _ = both
    d, s = compiled.updates([1, 2])
    assert type(d) is dict and type(s) is set
    assert compiled.__fastext_live_blocks__() == 0
