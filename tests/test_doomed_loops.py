"""Checked copies that run only on the way to an IndexError (compiler/bounds.py:
`fails_only_into_error`) get loop metadata that keeps LLVM's vectoriser and unroller off them;
checked copies that may be what runs (an over-approximated interval, a valid negative index, a
step over 1, a guard) keep the full pipeline.  An outlined doomed copy is compiled at `optnone`.  Results against plain Python either way."""
from __future__ import annotations

import os
import re

import numpy as np
import pytest

import fxload
from fastext.compiler.driver import compile_file

PATH = os.path.join(fxload.FX_DIR, "doomed.fx")
same = fxload.assert_same_outcome


@pytest.fixture(scope="module")
def both():
    return fxload.compiled(PATH), fxload.interpreted(PATH)


@pytest.fixture(scope="module")
def ir_text():
    return compile_file(PATH).unoptimized_ir


def _cold_loops(ir_text: str, name: str) -> int:
    """How many back edges of `fx.NAME` (general body) carry the cold loop metadata."""
    start = re.search(r'^define [^\n]*@"fx\.' + re.escape(name) + r'"\(', ir_text, re.M).start()
    body = ir_text[start:ir_text.index("\n}\n", start)]
    off = re.search(r'^(!\d+) = !\{ !"llvm\.loop\.unroll\.disable" \}', ir_text, re.M)
    if off is None:
        return 0
    cold = set(re.findall(r'^(!\d+) = !\{ \1,[^\n]*' + off.group(1) + r'\b', ir_text, re.M))
    return sum(1 for node in re.findall(r"!llvm\.loop (!\d+)", body) if node in cold)


@pytest.mark.parametrize("name, loops", [("dot", 1), ("pairs", 2), ("backwards", 1)])
def test_doomed_copies_are_kept_scalar(ir_text, name, loops):
    assert _cold_loops(ir_text, name) == loops


@pytest.mark.parametrize("name", ["lagged", "previous", "every_other", "guarded", "with_else"])
def test_copies_that_may_run_are_optimised(ir_text, name):
    assert _cold_loops(ir_text, name) == 0


@pytest.mark.parametrize("la, lo, n", [(5, 5, 5), (5, 5, 7), (3, 8, 6), (8, 3, 6), (0, 0, 0), (4, 4, -2), (6, 6, 1)])
def test_same_as_python(both, la, lo, n):
    a = np.arange(la, dtype=np.float64) + 1.5
    same(both, "dot", a, np.ones(lo) * 2)
    for name in ("pairs", "backwards", "previous", "every_other", "guarded", "with_else"):
        same(both, name, a, np.zeros(lo), n)
    same(both, "lagged", a, np.zeros(lo))


@pytest.mark.parametrize("la", [9, 10])
def test_outlined_doomed_copy_is_optnone(both, la):
    ir_text = compile_file(PATH).unoptimized_ir
    head = re.search(r'^define [^\n]*@"fx\.eight\.checked"[^\n]*', ir_text, re.M).group(0)
    assert "optnone" in head
    guarded = re.search(r'^define [^\n]*@"fx\.eight_guarded\.checked"[^\n]*', ir_text, re.M).group(0)
    assert "optnone" not in guarded
    a = np.arange(la, dtype=np.float64)
    same(both, "eight", a, a * 2, np.zeros(10), 10)
    same(both, "eight_guarded", a, a * 2, np.zeros(10), 10)
