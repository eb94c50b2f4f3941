"""Growth, deletion, re-insertion, reused and freed tables of native dicts and sets
(tests/fx/dict_growth.fx), compiled vs interpreted, and the memory they give back."""
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fxload
from test_lists import same

PATH = os.path.join(fxload.FX_DIR, "dict_growth.fx")


@pytest.fixture(scope="module")
def both():
    return fxload.compiled(PATH), fxload.interpreted(PATH)


KEYS = st.one_of(st.integers(-40, 40), st.integers(-2**62, 2**62), st.sampled_from([0, 8, 16, 1 << 32, -1, -2]))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), KEYS, st.integers(-10**6, 10**6)), max_size=400))
def test_dict_operations(both, ops):
    same(both, "replay", ops)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(-30, 30)), max_size=400))
def test_set_operations(both, ops):
    same(both, "replay_set", ops)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 1), st.sampled_from([0.0, -0.0, 1.5, -2.25, 1e300, 3.0, 7.0])), max_size=200))
def test_float_keys(both, ops):
    same(both, "float_keys", ops)


@pytest.mark.parametrize("n, step", [(0, 1), (5, 1), (300, 1), (5000, 1), (5000, 1024), (3000, -7), (20000, 1 << 33)])
def test_big_tables(both, n, step):
    same(both, "big", n, step)
    assert both[0].__fastext_live_blocks__() == 0


@pytest.mark.parametrize("name, args", [("temporaries", (0,)), ("temporaries", (300,)), ("reassigned", (6,)),
                                        ("escaping", (5,)), ("shrink_big", (5000, 4)),
                                        ("rebound_while_iterated", (7,)), ("memo_paths", (1,)), ("memo_paths", (3000,)),
                                        ("iterated_temporaries", (0,)), ("iterated_temporaries", (200,))])
def test_reused_tables(both, name, args):
    same(both, name, *args)
    assert both[0].__fastext_live_blocks__() == 0


def test_error_after_growth_frees_tables(both):
    same(both, "big_then_missing", 3000)
    assert both[0].__fastext_live_blocks__() == 0


def test_no_leak_over_many_calls(both):
    """Malloc'd tables are counted live blocks: every call gives all of them back, on the normal
    and the error path, and the process does not grow with the number of calls."""
    compiled, _ = both
    resource = pytest.importorskip("resource")
    for _ in range(200):
        compiled.big(3000, 3)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for _ in range(3000):
        compiled.big(3000, 3)
        with pytest.raises(KeyError):
            compiled.big_then_missing(2000)
        compiled.shrink_big(2000, 3)
    assert compiled.__fastext_live_blocks__() == 0
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 50_000     # KiB


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 1), st.integers(-20, 20)), max_size=300))
def test_boxed_after_deletions(both, ops):
    compiled, interpreted = both
    got, want = compiled.boxed_after_deletions(ops), interpreted.boxed_after_deletions(ops)
    assert list(got[0].items()) == list(want[0].items()) and got[1] == want[1]
    assert compiled.__fastext_live_blocks__() == 0
