"""The checked copy of a versioned loop outlined into a function of its own (lower/coldloops.py):
the compiled kernels of tests/fx/coldloops.fx against plain Python where the hoisted check
passes and where it fails (IndexError at the same iteration, after the same stores; `return`,
`break` and `continue` leaving the outlined loop), and the outlined function in the IR."""
from __future__ import annotations

import os
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fxload
from fastext.compiler.driver import compile_file

PATH = os.path.join(fxload.FX_DIR, "coldloops.fx")
same = fxload.assert_same_outcome


@pytest.fixture(scope="module")
def both():
    return fxload.compiled(PATH), fxload.interpreted(PATH)


@settings(max_examples=40, deadline=None)
@given(la=st.integers(0, 16), lo=st.integers(0, 10), n=st.integers(-2, 12))
def test_window(both, la, lo, n):
    same(both, "window8", np.arange(la, dtype=np.float64), np.zeros(lo), n)


@settings(max_examples=40, deadline=None)
@given(la=st.integers(0, 14), n=st.integers(-1, 10), lim=st.floats(0, 100))
def test_return_inside(both, la, n, lim):
    same(both, "first_above", np.arange(la, dtype=np.float64), n, lim)


@settings(max_examples=40, deadline=None)
@given(r=st.integers(0, 5), c=st.integers(0, 5), m=st.integers(0, 6), lim=st.floats(-5, 200),
       sign=st.sampled_from([1.0, -1.0]))
def test_break_continue_outside(both, r, c, m, lim, sign):
    x = sign * np.arange(r * c, dtype=np.float64).reshape(r, c)
    same(both, "rows", x, m, lim)


@settings(max_examples=40, deadline=None)
@given(la=st.integers(0, 14), lo=st.integers(0, 6), c=st.integers(-9, 9))
def test_recomputed_value_from_an_unmentioned_parameter(both, la, lo, c):
    same(both, "shifted", np.arange(la, dtype=np.float64), np.zeros(lo), c)


@pytest.mark.parametrize("n", [0, 1, 2, 3, 50])
def test_over_approximated_check(both, n):
    a = np.random.default_rng(n).random(n)
    out = same(both, "guarded", a, np.zeros(n))
    assert out[0][0] == "ok"


@settings(max_examples=30, deadline=None)
@given(rows=st.integers(0, 5), cols=st.integers(0, 4), vrows=st.integers(0, 5), n=st.integers(0, 6))
def test_straight_line_run(both, rows, cols, vrows, n):
    pos = np.arange(rows * cols, dtype=np.float64).reshape(rows, cols) / 7
    same(both, "body", pos, np.ones((vrows, 3)), n)


def test_checked_copies_are_outlined_and_shared_by_the_variants():
    ir_text = compile_file(PATH).unoptimized_ir
    assert 'define hidden i32 @"fx.window8.checked"' in ir_text
    assert 'define hidden i32 @"fx.rows.checked' in ir_text
    assert 'define hidden i32 @"fx.shifted.checked"' in ir_text
    # `window8` has a no-alias variant (two arrays, one written): both call the one outlined copy
    assert 'define internal {i32, double} @"fx.window8.noalias"' in ir_text
    calls = [line for line in ir_text.split("\n") if 'call i32 @"fx.window8.checked' in line]
    assert len(calls) == 2 and len({c.split("@")[1].split("(")[0] for c in calls}) == 1


@settings(max_examples=40, deadline=None)
@given(r=st.integers(0, 19), c=st.integers(0, 6), lw=st.integers(0, 6), lo=st.integers(0, 20),
       steps=st.integers(0, 7), d=st.integers(-6, 2))
def test_jammed_and_speculated_inside_the_outlined_copy(both, r, c, lw, lo, steps, d):
    # `k + j + d` is zero somewhere when `d` is negative (ZeroDivisionError at Python's row and
    # column); `steps == lw` runs the outlined copy to the end; other lengths raise IndexError
    a = np.arange(r * c, dtype=np.float64).reshape(r, c) / 3
    w = np.arange(lw, dtype=np.float64) / 2
    same(both, "rows_guarded", a, w, np.zeros(lo), steps, d)


def test_outlined_copy_runs_jammed_and_speculated():
    fn = _function_text(compile_file(PATH).unoptimized_ir, "fx.rows_guarded.checked")
    assert "jam.block" in fn and "spec.replay" in fn
    c, p = fxload.compiled(PATH), fxload.interpreted(PATH)
    a = np.random.default_rng(1).random((21, 5))
    w = np.linspace(1.0, 2.0, 6)
    got, want = c.rows_guarded(a, w, np.zeros(21), 6, 1), p.rows_guarded(a, w, np.zeros(21), 6, 1)
    assert got == want


def _function_text(ir_text: str, name: str) -> str:
    """The definition of `name` in `ir_text` (not a call of it)."""
    start = re.search(r'^define [^\n]*@"' + re.escape(name) + r'"\(', ir_text, re.M).start()
    return ir_text[start:ir_text.index("\n}\n", start)]
