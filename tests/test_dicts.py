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
    ("remove_missing", 2), ("remove_missing", 5), ("groups", 8),
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


def test_dict_and_set_parameters(both):
    compiled, interpreted = both
    d = {1: 2.0, 5: 0.5, 9: -1.0}
    assert compiled.total(d) == interpreted.total(d)
    assert compiled.grow(dict(d), 3) == interpreted.grow(dict(d), 3)
    assert d == {1: 2.0, 5: 0.5, 9: -1.0}       # the function worked on its own copy
    assert compiled.members({1, 4, 9}, [1, 2, 9]) == [True, False, True]
    for bad, message in (({1: "x"}, "'d' must be a dict of i64 to f64, not str"),
                         ([1], "'d' must be dict[i64, f64], not list"),
                         ({1.5: 2.0}, "not float")):
        with pytest.raises(TypeError, match=message.replace("[", r"\[").replace("]", r"\]")):
            compiled.total(bad)
    assert compiled.__fastext_live_blocks__() == 0


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.integers(-2**40, 2**40), st.floats(-1e6, 1e6), max_size=300))
def test_dict_parameter_roundtrip(both, d):
    compiled, interpreted = both
    assert compiled.grow(dict(d), 5) == interpreted.grow(dict(d), 5)
