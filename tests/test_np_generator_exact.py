"""Generators draw NumPy's numbers (tests/fx/np_generator_exact.fx; docs/numpy-random.md):
compiled, `np.random.default_rng(seed)` is PCG64 seeded by NumPy's SeedSequence, and random,
uniform, integers (every dtype, endpoint=), shuffle, permutation and choice run NumPy
Generator's algorithms on it — for any seed and size, the values the same file gives
interpreted (plain NumPy)."""
from __future__ import annotations

import os

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fxload

PATH = os.path.join(fxload.FX_DIR, "np_generator_exact.fx")
SEEDS = st.integers(0, 2 ** 63 - 1)


@pytest.fixture(scope="module")
def c():
    return fxload.compiled(PATH)


@pytest.fixture(scope="module")
def py():
    return fxload.interpreted(PATH)


_same = fxload.assert_same_draws


@settings(max_examples=30, deadline=None)
@given(SEEDS, st.integers(0, 40))
def test_seeding_and_doubles_are_numpys(c, py, s, n):
    # seeds of one 32-bit word and of two: SeedSequence's pool differs
    _same(c, py, "doubles", s, n)
    _same(c, py, "doubles", s & 0xFFFFFFFF, n)
    _same(c, py, "floats32", s, n)
    _same(c, py, "uniforms", s, -3.0, 7.5, n + 1)


def test_unsigned_seeds_up_to_2_64(c, py):
    for s in (0, 1, 2 ** 32 - 1, 2 ** 32, 2 ** 63, 2 ** 64 - 1):
        _same(c, py, "doubles_u64", np.uint64(s), 5)


BOUNDS = st.sampled_from([(0, 2), (0, 100), (-5, 6), (0, 2 ** 31), (3, 2 ** 32 + 3), (0, 2 ** 32 - 1),
                          (-2 ** 40, 2 ** 40), (0, 2 ** 62 + 12345), (-2 ** 63, 2 ** 63 - 1), (7, 8)])


@settings(max_examples=30, deadline=None)
@given(SEEDS, BOUNDS, st.integers(0, 30))
def test_int64_integers_are_numpys(c, py, s, bounds, n):
    low, high = bounds
    _same(c, py, "ints64", s, low, high, n)
    _same(c, py, "ints64_closed", s, low, high, n)
    _same(c, py, "ints64_mixed", s, max(high, 1), n % 8)
    if low >= 0:
        _same(c, py, "ints_u64", s, low, high, n)


SMALL = {"ints32": (-2 ** 31, 2 ** 31), "ints_u32": (0, 2 ** 32), "ints16": (-2 ** 15, 2 ** 15),
         "ints_u16": (0, 2 ** 16), "ints8": (-128, 128), "ints_u8": (0, 256)}


@settings(max_examples=30, deadline=None)
@given(SEEDS, st.sampled_from(sorted(SMALL)), st.floats(0, 1), st.floats(0, 1), st.integers(0, 40))
def test_small_dtypes_buffer_as_numpy(c, py, s, name, x, y, n):
    lo, hi = SMALL[name]
    low = lo + int((hi - lo - 1) * min(x, y))
    high = max(low + 1, lo + int((hi - lo) * max(x, y)))
    _same(c, py, name, s, low, high, n)
    _same(c, py, name, s, lo, hi, n)          # the dtype's whole range: raw pieces of words
    _same(c, py, "bools", s, n)
    _same(c, py, "small_scalars", s)


@settings(max_examples=25, deadline=None)
@given(SEEDS, st.integers(0, 30))
def test_shuffles_and_permutations_are_numpys(c, py, s, n):
    _same(c, py, "shuffled", s, np.arange(float(n)))
    _same(c, py, "shuffled_rows", s, np.arange(3 * n).reshape(n, 3))
    _same(c, py, "permuted", s, n)
    _same(c, py, "permuted_rows", s, np.arange(2.0 * n).reshape(n, 2))


@settings(max_examples=25, deadline=None)
@given(SEEDS, st.integers(1, 60), st.floats(0, 1))
def test_choices_are_numpys(c, py, s, n, frac):
    k = int(n * frac)
    _same(c, py, "chosen", s, n, k)
    _same(c, py, "chosen_scalar", s, n)
    _same(c, py, "chosen_items", s, np.arange(n) * 0.5, k)
    _same(c, py, "chosen_distinct", s, n, k)
    _same(c, py, "chosen_unshuffled", s, n, k)
    p = np.arange(1.0, n + 1.0)
    p /= p.sum()
    _same(c, py, "chosen_weighted", s, n, p, k)
    _same(c, py, "chosen_distinct_weighted", s, n, p, k)


def test_choice_without_replacement_takes_numpys_method(c, py):
    # above 10000 items NumPy shuffles the tail of arange(n) when the sample is large enough
    # (n // 50 with shuffle=True, n // 20 without), else it runs Floyd's algorithm
    for n, k in ((10001, 201), (10001, 200), (20000, 20000), (100000, 3), (12000, 500), (12000, 700)):
        _same(c, py, "chosen_distinct", 17, n, k)
        _same(c, py, "chosen_unshuffled", 17, n, k)


def test_other_samplers_follow_the_stream(c, py):
    for s in (0, 5, 2 ** 40):
        _same(c, py, "binomials_poissons", s, 50)


def test_a_generator_per_prange_iteration_is_numpys(c, py):
    _same(c, py, "per_iteration", 123, 200)
