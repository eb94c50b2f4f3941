"""Bound generators that resume by position (frontend/resumable.py): `it = iter(xs)`, generator
expressions over a sequence and one-loop generator functions, pulled with `next()` and `for`,
compiled against plain Python; and pulling n items one `next()` at a time costs O(n)."""
from __future__ import annotations

import os

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fxload

PATH = os.path.join(fxload.FX_DIR, "resumable.fx")
same = fxload.assert_same_outcome


@pytest.fixture(scope="module")
def both():
    return fxload.compiled(PATH), fxload.interpreted(PATH)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(-9, 9), max_size=12))
def test_list_shapes(both, xs):
    for name in ("pulled", "pairs", "broken", "stop", "drained", "tuples"):
        same(both, name, xs)
    if xs:
        same(both, "grows", xs)
    same(both, "shadow", [abs(x) for x in xs] + [1, 2])


def test_edges(both):
    for xs in ([], [1], [2], [3, 3, 3], [2, 4, 6, 8], [5, 4, 3, 2, 1]):
        for name in ("pulled", "pairs", "broken", "stop", "drained"):
            same(both, name, xs)
    for s in ("", " ", "a b c", "héllo wörld"):
        same(both, "chars", s)
    same(both, "array_items", np.arange(5.0))
    same(both, "array_items", np.arange(10.0)[::3])
    same(both, "array_items", np.zeros(0))


def test_resumed_not_replayed():
    """Each bound generator here resumes at its position: no replay skipping the items taken
    (whose `$ij` counter makes pulling n items one next() at a time cost n²/2 steps)."""
    from fastext.compiler import ir
    from fastext.compiler.driver import check_module
    module, _ = check_module(PATH, "resumable")
    for fn in module.functions.values():
        names = {s.var.name for s in ir.walk(fn.body) if isinstance(s, ir.Assign)}
        loops = [s for s in ir.walk(fn.body) if isinstance(s, ir.While)]
        assert not any(n.startswith("$ij") for n in names), fn.name
        if any(n.endswith("$k") for n in names):        # a bound generator
            assert loops, fn.name
