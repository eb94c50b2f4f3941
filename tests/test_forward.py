"""Array expressions fused across statements (frontend/forward.py): a named intermediate used in
one later statement is computed inside that statement's loop nest — and nothing a program can
observe changes (the cases that must keep their own array are checked against plain Python)."""
from __future__ import annotations

import os

import numpy as np
import pytest

import fxload
from fastext.compiler.driver import typed_ir_file

PATH = os.path.join(fxload.FX_DIR, "forward.fx")


@pytest.fixture(scope="module")
def mods():
    return fxload.compiled(PATH), fxload.interpreted(PATH)


def _locals(name: str) -> str:
    text = typed_ir_file(PATH)
    return text.split(f"def {name}(")[1].split("\ndef ")[0]


def test_named_intermediates_fuse():
    assert "diff" not in _locals("pairwise")
    body = _locals("accelerations")
    assert "dx" not in body and "dy" not in body and "inv_r3:" in body
    body = _locals("two_names")
    assert "dx" not in body and "dy" not in body and "r:" not in body


@pytest.mark.parametrize("name", ["store_between", "rebinding_between", "loop_carried", "same_object_twice",
                                  "store_into_what_it_reads", "expensive_operand", "store_through_a_view"])
def test_names_that_must_keep_their_array(name):
    assert "t:" in _locals(name)


def test_results_are_pythons(mods):
    native, oracle = mods
    rng = np.random.default_rng(5)
    x = rng.random((40, 3))
    np.testing.assert_array_equal(native.pairwise(x), oracle.pairwise(x))
    a, b = rng.random(30), rng.random(30)
    np.testing.assert_array_equal(native.two_names(a, b), oracle.two_names(a, b))
    for name in ("store_between", "rebinding_between"):
        np.testing.assert_array_equal(getattr(native, name)(a.copy()), getattr(oracle, name)(a.copy()))
    assert native.loop_carried(a, 4) == oracle.loop_carried(a, 4)
    assert native.same_object_twice(a) == oracle.same_object_twice(a) == -1.0
    np.testing.assert_array_equal(native.store_into_what_it_reads(a), oracle.store_into_what_it_reads(a))
    np.testing.assert_allclose(native.accelerations(x, x[:, 0] + 1.0), oracle.accelerations(x, x[:, 0] + 1.0), rtol=1e-12)
    np.testing.assert_array_equal(native.expensive_operand(a), oracle.expensive_operand(a))
    np.testing.assert_array_equal(native.store_through_a_view(x), oracle.store_through_a_view(x))
    assert native.inside_try(a, b) == oracle.inside_try(a, b) == 2
    assert native.inside_try(a, b[:5]) == oracle.inside_try(a, b[:5]) == 0
