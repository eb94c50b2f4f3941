"""Dicts keyed by slices and characters of str values (tests/fx/strkeys.fx, lower/strkeys.py):
compiled vs interpreted — the same dicts in the same order, the same KeyErrors — for ASCII text
(keys found from the characters) and other text (the keys' objects)."""
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fxload

PATH = os.path.join(fxload.FX_DIR, "strkeys.fx")


@pytest.fixture(scope="module")
def both():
    return fxload.compiled(PATH), fxload.interpreted(PATH)


def same(both, name, *args):
    compiled, interpreted = (fxload.outcome(getattr(m, name), *args) for m in both)
    assert compiled == interpreted, (name, args)
    if compiled[0] == "ok" and isinstance(compiled[1], dict):
        assert list(compiled[1]) == list(interpreted[1]), (name, args)      # insertion order
    return compiled


DNA = "GGTATTTTAATTTATAGTACGTACGTTGCA" * 7
CASES = [
    ("kmers", DNA, 1), ("kmers", DNA, 2), ("kmers", DNA, 12), ("kmers", DNA, 0), ("kmers", "", 3),
    ("kmers", "ééaéa日本日本a", 2), ("kmers", "a\ud800b\ud800b", 2), ("kmers", "abcdefghijklmnopqrstuvwxyz" * 3, 9),
    ("bounds", "abcdef", 1, 4), ("bounds", "abcdef", -3, -1), ("bounds", "abcdef", -99, 99),
    ("bounds", "abcdef", 5, 2), ("bounds", "", 0, 0), ("bounds", "aébc", 1, 3),
    ("lookup", "abcdef", 1, 3, {"bc": 7}), ("lookup", "abcdef", 1, 4, {"bc": 7}),
    ("lookup", "aébc", 1, 3, {"éb": 5}), ("lookup", "aébc", 0, 3, {"éb": 5}), ("lookup", "abc", 3, 3, {"": 1}),
    ("has", "abcdef", 2, 5, {"cde": 0}), ("has", "abcdef", 2, 4, {"cde": 0}), ("has", "x\ud800", 1, 2, {"\ud800": 1}),
    ("complement", "acgtacgg"), ("complement", "acgéta"), ("complement", "acgxt"), ("complement", ""),
    ("complement_local", 3), ("char_counts", "hello world"), ("char_counts", "héllo wörld x"),
    ("mixed", DNA, ["GG", "TA", "zz", "é"]), ("mixed", "aéaéa", ["aé", "éa"]),
    ("reassigned", "abcabcé"), ("reassigned", ""),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}{c[1:]!r}"[:60])
def test_matches_python(both, case):
    same(both, *case)


def test_key_error_names_the_key(both):
    assert same(both, "lookup", "abcdef", 0, 2, {}) == ("KeyError", "'ab'")
    assert same(both, "complement", "acgu")[0] == "KeyError"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ACGTé", max_size=40), st.integers(0, 5))
def test_kmers_of_any_text(both, seq, k):
    same(both, "kmers", seq, k)
    same(both, "mixed", seq, ["AC", "é", seq[:2]])


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="abé", max_size=8), st.integers(-10, 10), st.integers(-10, 10))
def test_bounds_like_python(both, seq, a, b):
    same(both, "bounds", seq, a, b)


def test_many_calls_keep_no_keys(both):
    """The keys made on insertion belong to the call: no str object leaks over many calls."""
    import gc
    import sys
    compiled = both[0]
    compiled.kmers(DNA, 5)
    gc.collect()
    before = sys.gettotalrefcount() if hasattr(sys, "gettotalrefcount") else None
    blocks = sys.getallocatedblocks()
    for _ in range(2000):
        compiled.kmers(DNA, 5)
        compiled.has("abcdef", 2, 5, {"cde": 0})
    gc.collect()
    assert sys.getallocatedblocks() - blocks < 200
    if before is not None:
        assert sys.gettotalrefcount() - before < 200
