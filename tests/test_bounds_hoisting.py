"""Bounds checks hoisted out of loops (compiler/bounds.py, lower/hoist.py): the compiled
kernels of tests/fx/hoist.fx against the same file run by CPython, over lengths and bounds
that pass and fail the hoisted check; and evidence that the check really left the loop."""
from __future__ import annotations

import os
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fxload
from fastext.compiler import bounds, ir
from fastext.compiler.driver import compile_source
from fastext.compiler.frontend import check_source
from fastext.compiler.source import SourceFile
from fastext.config import Options

PATH = os.path.join(fxload.FX_DIR, "hoist.fx")


@pytest.fixture(scope="module")
def both():
    return fxload.compiled(PATH), fxload.interpreted(PATH)


run = fxload.outcome_and_arrays
same = fxload.assert_same_outcome


small = st.integers(-3, 12)


@settings(max_examples=60, deadline=None)
@given(la=st.integers(0, 10), lo=st.integers(0, 10), n=small, off=small)
def test_shift_copy(both, la, lo, n, off):
    same(both, "shift_copy", np.arange(la, dtype=np.float64), np.zeros(lo), n, off)


@settings(max_examples=60, deadline=None)
@given(la=st.integers(0, 10), start=small, stop=small)
def test_backwards(both, la, start, stop):
    same(both, "backwards", np.arange(la, dtype=np.float64), np.zeros(6), start, stop)


@settings(max_examples=40, deadline=None)
@given(rows=st.integers(0, 6), cols=st.integers(0, 3), out=st.integers(0, 6), n=st.integers(-1, 7))
def test_pairwise(both, rows, cols, out, n):
    x = np.arange(rows * cols, dtype=np.float64).reshape(rows, cols)
    same(both, "pairwise", x, np.zeros((out, out)), n)


@settings(max_examples=60, deadline=None)
@given(lx=st.integers(0, 6), ly=st.integers(0, 30), a=small, n=small)
def test_repeat(both, lx, ly, a, n):
    same(both, "repeat", np.arange(lx, dtype=np.float64), np.zeros(ly), a, n)


@settings(max_examples=40, deadline=None)
@given(la=st.integers(0, 12), c=st.integers(-2 ** 62, 2 ** 62), n=small)
def test_products_and_overflow(both, la, c, n):
    """`c * i - i * c` cancels for every c, but the interval of `c * i` may overflow i64:
    the hoisted check then fails and the checked loop runs."""
    same(both, "scaled", np.arange(la, dtype=np.float64), np.zeros(12), c, n)


@settings(max_examples=40, deadline=None)
@given(a=st.lists(st.sampled_from([1.0, 2.0, -1.0]), max_size=8), n=small)
def test_access_after_break(both, a, n):
    same(both, "stop_early", np.array(a), n)


@settings(max_examples=30, deadline=None)
@given(la=st.integers(0, 12), n=small)
def test_loop_variable_reassigned(both, la, n):
    same(both, "reassigned", np.arange(la, dtype=np.float64), n)


@settings(max_examples=60, deadline=None)
@given(xs=st.lists(st.integers(-5, 5), max_size=10), lo=small, hi=small, w=st.integers(-1, 4))
def test_list_reads(both, xs, lo, hi, w):
    same(both, "list_window", xs, lo, hi, w)


@settings(max_examples=40, deadline=None)
@given(xs=st.lists(st.integers(-5, 5), max_size=10), n=small)
def test_lists_changing_size(both, xs, n):
    same(both, "list_grows", xs, n)
    same(both, "list_shrinks", xs, n)


@settings(max_examples=40, deadline=None)
@given(xs=st.lists(st.integers(-5, 5), max_size=10), n=small)
def test_list_writes(both, xs, n):
    same(both, "list_writes", xs, n)


def test_error_message_and_iteration(both):
    compiled, _ = both
    out = np.zeros(10)
    with pytest.raises(IndexError, match="index 5 is out of bounds for axis 0 with size 5"):
        compiled.shift_copy(np.arange(5.0), out, 10, 2)
    assert out.tolist() == [4.0, 6.0, 8.0] + [0.0] * 7    # iterations 0..2 ran, as in Python


# ------------------------------------------------------------------ the facts, and their effect
def _facts(source: str) -> dict[str, list[int]]:
    """Per function, the number of provable indexings of each top-level loop."""
    module, _ = check_source(SourceFile("t.fx", source), "t")
    return {name: [len(bounds.loop_facts(s)) for s in fn.body if isinstance(s, ir.ForRange)]
            for name, fn in module.functions.items()}


def test_which_indexings_are_proven():
    with open(PATH) as f:
        facts = _facts(f.read())
    assert facts["shift_copy"] == [2]
    assert facts["pairwise"] == [4]          # x[i, k], x[j, k], out[i, j], out[j, i]
    assert facts["repeat"] == [2]
    assert facts["reassigned"] == [0]        # `i` changes inside the body: nothing known
    assert facts["list_window"] == [1]
    assert facts["list_grows"] == [0]        # append in the loop
    assert facts["list_shrinks"] == [0]      # pop in the loop
    assert facts["list_writes"] == [2]


def test_call_in_loop_keeps_list_checks():
    src = ("from fastext import i64\n"
           "def _touch(xs: list[i64]) -> None:\n    xs.append(1)\n"
           "def f(xs: list[i64], n: i64) -> i64:\n    s = 0\n"
           "    for i in range(n):\n        s += xs[i]\n        _touch(xs)\n    return s\n")
    assert _facts(src)["f"] == [0]


KERNEL = """
from fastext import f64, i64

def spread(x: f64[:], y: f64[:], n: i64) -> None:
    for i in range(len(x)):
        for r in range(n):
            y[i * n + r] = x[i] * 2.0
"""


@pytest.mark.parametrize("boundscheck", [True, False])
def test_proven_loop_is_vectorised(boundscheck):
    """With the check and the negative-index wrap out of the loop, LLVM vectorises the store
    loop; with either inside (the loop body can leave, or the address is a select) it does not."""
    art = compile_source(KERNEL, "t.fx", "t", Options(boundscheck=boundscheck))
    assert "bounds.proven" in art.unoptimized_ir
    assert re.search(r"store <\d+ x double>", art.llvm_ir), "the proven copy's inner loop is not vectorised"


@settings(max_examples=40, deadline=None)
@given(lens=st.lists(st.integers(0, 5), max_size=4))
def test_straight_line_region(both, lens):
    """`v[0] += d; v[1] += d; v[2] += d` checks once before the three updates (one version)
    or each on its own (the other): a short inner list fails after the same updates."""
    same(both, "triple_update", lens, 0.5)


@settings(max_examples=40, deadline=None)
@given(la=st.integers(0, 6), ks=st.lists(st.integers(-8, 8), max_size=4))
def test_straight_line_stores(both, la, ks):
    same(both, "pair_store", np.zeros(la), np.array(ks, dtype=np.int64))


def test_region_facts():
    with open(PATH) as f:
        module, _ = check_source(SourceFile(PATH, f.read()), "hoist")
    body = next(s for s in module.functions["_triple"].body if isinstance(s, ir.ForRange)).body
    end = bounds.region_end(body, 0)
    assert end == len(body)
    assert len(bounds.region_facts(body)) == 1                 # `vs[i]`; `v` is assigned in the run
    assert len(bounds.region_facts(body[1:])) == 6             # after it: three reads, three writes


@settings(max_examples=40, deadline=None)
@given(xs=st.lists(st.integers(-5, 5), max_size=8), n=small)
def test_appending_to_a_private_list(both, xs, n):
    """`out.append(i)` cannot resize `xs` (`out` only ever holds its own new list): `xs[i]`
    is proven; `ys = xs` makes `ys.append` resize `xs`, whose reads keep their checks."""
    same(both, "evens_at", xs, n)
    same(both, "alias_grows", xs, n)


def test_private_lists_allow_other_lists_facts():
    with open(PATH) as f:
        module, _ = check_source(SourceFile(PATH, f.read()), "hoist")
    for name, want in (("evens_at", [1]), ("alias_grows", [0])):
        fn = module.functions[name]
        private = bounds.private_lists(fn)
        got = [len(bounds.loop_facts(s, private)) for s in fn.body if isinstance(s, ir.ForRange)]
        assert got == want, name


@settings(max_examples=60, deadline=None)
@given(lx=st.integers(0, 5), ly=st.integers(0, 24), n=small, k=small)
def test_running_counter(both, lx, ly, n, k):
    """`y[k] = ...; k += 1`: k is within k0 + [0, iterations - 1] before the increment."""
    same(both, "repeat_counter", np.linspace(0.0, 1.0, lx), np.zeros(ly), n, k)


@settings(max_examples=60, deadline=None)
@given(lx=st.integers(0, 8), ly=st.integers(0, 16), n=small)
def test_counter_read_after_its_increment(both, lx, ly, n):
    same(both, "counter_after", np.linspace(0.0, 1.0, lx), np.zeros(ly), n)


def test_counter_facts():
    with open(PATH) as f:
        module, _ = check_source(SourceFile(PATH, f.read()), "hoist")
    # repeat_counter: y[k] and x[i], not y[k - 1] after the inner loop; counter_after: y[k - 2],
    # y[k - 1] and the three x[i]
    for name, want in (("repeat_counter", [2]), ("counter_after", [5])):
        fn = module.functions[name]
        got = [len(bounds.loop_facts(s)) for s in fn.body if isinstance(s, ir.ForRange)]
        assert got == want, name
