"""np.random's module functions draw NumPy's numbers (tests/fx/np_random_exact.fx;
docs/numpy-random.md): compiled, the legacy stream is NumPy's RandomState — MT19937 seeded by
init_genrand, its doubles, polar normals with the kept second number, masked bounded integers
per dtype (small dtypes from a buffered word), random_interval shuffles and RandomState.choice
— so every function gives, for any seed and size, the values the same file gives interpreted
(plain NumPy)."""
from __future__ import annotations

import os

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fxload

PATH = os.path.join(fxload.FX_DIR, "np_random_exact.fx")
SEEDS = st.integers(0, 2 ** 32 - 1)


@pytest.fixture(scope="module")
def c():
    return fxload.compiled(PATH)


@pytest.fixture(scope="module")
def py():
    return fxload.interpreted(PATH)


_same = fxload.assert_same_draws


@settings(max_examples=30, deadline=None)
@given(SEEDS, st.integers(0, 40))
def test_floats_are_numpys(c, py, s, n):
    for name in ("uniforms", "normals", "others"):
        _same(c, py, name, s, n)
    _same(c, py, "seed_drops_kept_normal", s)


@settings(max_examples=15, deadline=None)
@given(SEEDS, st.integers(1, 6), st.integers(1, 6))
def test_arrays_fill_in_numpys_order(c, py, s, n, m):
    assert c.shapes(s, n, m) == py.shapes(s, n, m)


def test_the_stream_crosses_the_twist(c, py):
    # 624 words per twist: 3000 doubles and 1500 normal pairs cross it many times
    _same(c, py, "uniforms", 7, 3000)
    _same(c, py, "normals", 7, 1001)
    assert c.draws_loop(11, 5000) == py.draws_loop(11, 5000)


BOUNDS = {"ints64": (-2 ** 63, 2 ** 63 - 1), "ints_u64": (0, 2 ** 63 - 1), "ints32": (-2 ** 31, 2 ** 31),
          "ints_u32": (0, 2 ** 32), "ints16": (-2 ** 15, 2 ** 15), "ints_u16": (0, 2 ** 16),
          "ints8": (-128, 128), "ints_u8": (0, 256)}


@settings(max_examples=60, deadline=None)
@given(SEEDS, st.sampled_from(sorted(BOUNDS)), st.data())
def test_randint_is_numpys_for_every_dtype(c, py, s, name, data):
    lo, hi = BOUNDS[name]
    low = data.draw(st.integers(lo, hi - 1))
    # small ranges, ranges just past a power of two, the dtype's whole range
    high = data.draw(st.one_of(st.integers(low + 1, min(hi, low + 300)), st.integers(low + 1, hi),
                               st.sampled_from([min(hi, low + 2 ** k + 1) for k in (0, 7, 8, 15, 16, 31, 32, 40)])))
    _same(c, py, name, s, low, high, data.draw(st.integers(0, 40)))


@pytest.mark.parametrize("low, high", [(0, 2 ** 32), (0, 2 ** 32 + 1), (-1, 2 ** 32 - 1), (0, 1), (5, 6),
                                       (-2 ** 63, 2 ** 63 - 1), (0, 2 ** 63 - 1), (-2 ** 62, 2 ** 62 + 3)])
def test_randint_int64_edges(c, py, low, high):
    # the 32-bit path for ranges that fit a word, the 64-bit path above, rng 0 draws nothing
    _same(c, py, "ints64", 2024, low, high, 25)


@settings(max_examples=20, deadline=None)
@given(SEEDS)
def test_small_ints_buffer_their_words_and_scalars_do_not(c, py, s):
    _same(c, py, "bools", s, 70)
    _same(c, py, "small_scalars", s)
    _same(c, py, "ints_upto", s, 7, 9)


@settings(max_examples=30, deadline=None)
@given(SEEDS, st.integers(0, 30))
def test_shuffles_and_permutations_are_numpys(c, py, s, n):
    _same(c, py, "shuffled", s, np.arange(float(n)))
    _same(c, py, "shuffled_rows", s, np.arange(3 * n).reshape(n, 3))
    _same(c, py, "permuted", s, n)
    _same(c, py, "permuted_rows", s, np.arange(2.0 * n).reshape(n, 2))


@settings(max_examples=30, deadline=None)
@given(SEEDS, st.integers(1, 30), st.data())
def test_choices_are_numpys(c, py, s, n, data):
    k = data.draw(st.integers(0, n))
    _same(c, py, "chosen", s, n, k)
    _same(c, py, "chosen_items", s, np.arange(n) * 1.5, k)
    weights = np.array(data.draw(st.lists(st.sampled_from([0.0, 0.5, 1.0, 3.0, 7.25]), min_size=n, max_size=n)))
    if weights.sum() == 0:
        weights[0] = 1.0
    p = weights / weights.sum()
    k = min(k, int(np.count_nonzero(p)))
    _same(c, py, "chosen_weighted", s, n, p, max(k, 1))


def test_choice_of_a_shape(c, py):
    _same(c, py, "chosen_shape", 3, 8)


def test_seed_through_the_module_then_draw(c, py):
    c.seed(5)
    got = c.rand_now(4).tolist()
    py.seed(5)
    assert got == py.rand_now(4).tolist()


@settings(max_examples=20, deadline=None)
@given(st.lists(SEEDS, min_size=1, max_size=700))
def test_array_seeds_are_init_by_array(c, py, words):
    # more words than the state's 624 wrap the key, as NumPy's init_by_array does
    a = np.array(words, dtype=np.int64)
    _same(c, py, "seeded_by_words", a, 5)
    _same(c, py, "seeded_by_words", a[::-2], 3)
    _same(c, py, "seeded_by_bytes", (a % 256).astype(np.uint8), 5)


@pytest.mark.parametrize("words, message", [([], "Seed must be non-empty"), ([1, -1], "Seed must be between 0 and 2**32 - 1"),
                                            ([2 ** 32], "Seed must be between 0 and 2**32 - 1")])
def test_bad_array_seeds_raise_numpys_errors(c, py, words, message):
    for m in (c, py):
        with pytest.raises(ValueError, match=message.replace("*", r"\*")):
            m.seeded_by_words(np.array(words, dtype=np.int64), 2)


@pytest.mark.parametrize("body, needle, hint", [
    ("def f(a: f64[:]) -> None:\n    np.random.seed(a)\n", "must hold integers", "integer array"),
    ("def f(a: i64[:, :]) -> None:\n    np.random.seed(a)\n", "must be 1-D", "a.ravel()"),
])
def test_unsupported_seed_arrays_are_located_compile_errors(tmp_path, body, needle, hint):
    message = fxload.compile_error(tmp_path, "from fastext import f64, i64\nimport numpy as np\n\n\n" + body)
    assert needle in message and hint in message and "bad_program.fx:6:" in message


def test_choice_checks_the_kahan_sum_of_p(c, py):
    # RandomState.choice compares a Kahan sum of p with 1 (tolerance sqrt(eps)): find a p
    # whose plain left-to-right sum is beyond the tolerance while the Kahan sum is within
    rs = np.random.RandomState(0)
    tol = 2.0 ** -26
    for _ in range(5000):
        p = rs.random_sample(30)
        p /= p.sum()
        p[0] += tol * (1 + rs.uniform(-1e-6, 1e-6))
        plain = 0.0
        for v in p:
            plain += v
        total, carry = p[0], 0.0
        for v in p[1:]:
            y = v - carry
            t = total + y
            carry = (t - total) - y
            total = t
        if abs(plain - 1) > tol >= abs(total - 1):
            break
    else:
        pytest.skip("no such p found")
    _same(c, py, "chosen_weighted", 4, 30, p, 2)


@pytest.mark.parametrize("name, low, high", [("ints64", 5, 3), ("ints_u8", -1, 3), ("ints32", 5, 3), ("ints8", 0, 1000)])
def test_empty_integer_fills_skip_the_bounds_checks(c, py, name, low, high):
    # NumPy returns an empty array before looking at the bounds; with items it raises
    fill = name + "_fill"
    _same(c, py, fill, 0, low, high, 0)
    for m in (c, py):
        with pytest.raises(ValueError):
            getattr(m, fill)(0, low, high, 2)


@settings(max_examples=40, deadline=None)
@given(SEEDS, st.one_of(st.sampled_from([0.0, 1e-300, 9.999999999999998, 10.0, 1e12]),
                        st.floats(0.0, 30.0), st.floats(30.0, 1e7)), st.integers(0, 60))
def test_poisson_is_numpys(c, py, s, lam, n):
    # multiplication below lam = 10, PTRS (with its log-gamma test) from 10 up
    _same(c, py, "poissons", s, lam, n)


def test_poisson_defaults_and_scalars(c, py):
    assert c.poisson_default(3) == py.poisson_default(3)
    assert type(c.gen_poisson(1, 3.0)) is type(py.gen_poisson(1, 3.0)) is int


@pytest.mark.parametrize("lam, message", [(float("nan"), "lam < 0 or lam is NaN"), (-1.0, "lam < 0 or lam is NaN"),
                                          (1e19, "lam value too large")])
def test_poisson_raises_numpys_errors(c, py, lam, message):
    for name in ("poissons", "gen_poissons"):
        for m in (c, py):
            with pytest.raises(ValueError, match=message):
                getattr(m, name)(0, lam, 2)


@pytest.mark.parametrize("lam", [0.7, 4.0, 25.0, 400.0])
def test_generator_poisson_has_the_law(c, lam):
    # a Generator's Poisson runs NumPy's samplers on fastext's stream: mean and variance lam
    x = c.gen_poissons(1, lam, 200_000)
    assert x.dtype == np.int64 and x.min() >= 0
    se = np.sqrt(lam / len(x))
    assert abs(x.mean() - lam) < 5 * se
    assert abs(x.var() / lam - 1) < 0.03


@settings(max_examples=50, deadline=None)
@given(SEEDS, st.one_of(st.integers(0, 60), st.integers(60, 10 ** 9)),
       st.one_of(st.sampled_from([0.0, 0.5, 1.0, 1e-9, 1 - 1e-9]), st.floats(0.0, 1.0)), st.integers(0, 40))
def test_binomial_is_numpys(c, py, s, n, p, k):
    # inversion (n·p <= 30), BTPE (its triangle, parallelograms, tails, ratio and squeeze
    # tests), p > 1/2 by symmetry; the randint after it checks the draws consumed
    _same(c, py, "binomials", s, n, p, k)


@pytest.mark.parametrize("n, p, message", [(-1, 2.0, "p < 0, p > 1 or p is NaN"), (-1, 0.5, "n < 0"),
                                           (3, float("nan"), "p < 0, p > 1 or p is NaN")])
def test_binomial_raises_numpys_errors(c, py, n, p, message):
    for name in ("binomials", "gen_binomials"):
        for m in (c, py):
            with pytest.raises(ValueError, match=message.replace("(", r"\(")):
                getattr(m, name)(0, n, p, 2)


@pytest.mark.parametrize("n, p", [(100, 0.3), (10 ** 6, 0.6), (20, 0.9), (0, 0.5)])
def test_generator_binomial_has_the_law(c, n, p):
    x = c.gen_binomials(1, n, p, 200_000)
    assert x.dtype == np.int64 and x.min() >= 0 and x.max() <= n
    mean, var = n * p, n * p * (1 - p)
    assert abs(x.mean() - mean) <= 5 * np.sqrt(var / len(x)) + 1e-12
    if var:
        assert abs(x.var() / var - 1) < 0.03
