"""shuffle, permutation and choice in .fx code (tests/fx/np_random_perm.fx; docs/numpy-random.md).

Compiled, the orders come from fastext's own stream, so values differ from NumPy's: the tests
check properties (permutations are permutations, shuffles keep the multiset and the rows,
draws without replacement are distinct, weighted frequencies within a few sigma),
reproducibility from a seed, NumPy's dtypes, shapes and errors (interpreted mode runs NumPy)."""
from __future__ import annotations

import math
import os
import re

import numpy as np
import pytest

import fxload
from fastext.compiler.diagnostics import CompileError
from fastext.compiler.driver import compile_source

PATH = os.path.join(fxload.FX_DIR, "np_random_perm.fx")


@pytest.fixture(scope="module")
def c():
    return fxload.compiled(PATH)


@pytest.fixture(scope="module")
def py():
    return fxload.interpreted(PATH)


@pytest.fixture(params=["compiled", "interpreted"])
def mod(request, c, py):
    return c if request.param == "compiled" else py


def test_shuffle_keeps_the_multiset(mod):
    for name, dtype in (("shuffle1", np.int64), ("shuffle_f32", np.float32)):
        a = (np.arange(200) % 17).astype(dtype)
        before = np.sort(a)
        getattr(mod, name)(a)
        assert np.array_equal(np.sort(a), before)
    flags = np.arange(50) % 3 == 0
    mod.shuffle_bool(flags)
    assert flags.sum() == 17


def test_shuffle_moves_items(c):
    a = np.arange(1000)
    c.seed(3)
    c.shuffle1(a)
    assert not np.array_equal(a, np.arange(1000))
    assert (a == np.arange(1000)).sum() < 10          # about one fixed point expected


def test_row_shuffles_keep_rows_intact(mod):
    m = np.arange(60.0).reshape(20, 3)
    mod.shuffle2(m)
    assert sorted(map(tuple, m)) == [tuple(r) for r in np.arange(60.0).reshape(20, 3)]
    g = np.arange(40.0).reshape(10, 4)
    mod.gen_shuffle2(5, g)
    assert sorted(map(tuple, g)) == [tuple(r) for r in np.arange(40.0).reshape(10, 4)]
    # a non-contiguous 2-D view: its rows move, the rest stays
    big = np.arange(60.0).reshape(10, 6)
    view = big[::2, 1::2]
    rows = sorted(map(tuple, view))
    mod.shuffle2(view)
    assert sorted(map(tuple, view)) == rows
    assert np.array_equal(big[1::2], np.arange(60.0).reshape(10, 6)[1::2])
    assert np.array_equal(big[:, ::2], np.arange(60.0).reshape(10, 6)[:, ::2])


def test_shuffle_of_a_strided_view_and_of_a_local(c, py):
    for mod in (c, py):
        a = mod.shuffle_strided(4, 50)
        assert np.array_equal(a[1::2], np.arange(1, 100, 2))
        assert np.array_equal(np.sort(a[::2]), np.arange(0, 100, 2))
    values = {c.shuffle_local(s, 6) for s in range(20)}
    assert len(values) > 3 and all(v == int(v) and 0 <= v <= 15 for v in values)


def test_shuffle_needs_a_writable_array(c):
    a = np.arange(5)
    a.flags.writeable = False
    with pytest.raises((ValueError, TypeError)):
        c.shuffle1(a)


def test_every_permutation_is_a_permutation(mod):
    for n in (0, 1, 2, 7, 100):
        p = mod.perm_n(n)
        assert p.dtype == np.int64 and p.shape == (n,)
        assert np.array_equal(np.sort(p), np.arange(n))
    assert mod.perm_n(-3).shape == (0,)
    a = np.linspace(0.0, 1.0, 30)
    p = mod.perm_a(a)
    assert p.dtype == np.float64 and np.array_equal(np.sort(p), a)
    assert np.array_equal(a, np.linspace(0.0, 1.0, 30))       # a copy
    u = mod.perm_u8(np.arange(20, dtype=np.uint8))
    assert u.dtype == np.uint8 and np.array_equal(np.sort(u), np.arange(20))
    m = mod.perm_2d(np.arange(24).reshape(8, 3))
    assert m.shape == (8, 3) and sorted(map(tuple, m)) == [tuple(r) for r in np.arange(24).reshape(8, 3)]
    g = mod.gen_perm_a(1, np.arange(12.0).reshape(6, 2).T.copy().T)     # a Fortran-ordered input
    assert sorted(map(tuple, g)) == [tuple(r) for r in np.arange(12.0).reshape(6, 2)]
    assert np.array_equal(np.sort(mod.gen_perm_n(2, 50)), np.arange(50))


def test_permutations_are_uniform(c):
    """All 24 orders of 4 items, 24000 draws: chi-square within a generous bound (df = 23)."""
    c.seed(11)
    counts: dict = {}
    for _ in range(24000):
        key = tuple(c.perm_n(4))
        counts[key] = counts.get(key, 0) + 1
    assert len(counts) == 24
    chi2 = sum((v - 1000) ** 2 / 1000 for v in counts.values())
    assert chi2 < 60


def test_reproducible_from_a_seed(c):
    c.seed(7)
    first = (c.perm_n(50), c.choice_n(10, 20), c.choice_distinct_n(30, 10))
    c.seed(7)
    second = (c.perm_n(50), c.choice_n(10, 20), c.choice_distinct_n(30, 10))
    for x, y in zip(first, second):
        assert np.array_equal(x, y)
    assert np.array_equal(c.gen_perm_n(9, 40), c.gen_perm_n(9, 40))
    assert not np.array_equal(c.gen_perm_n(9, 40), c.gen_perm_n(10, 40))
    a = np.arange(30)
    b = np.arange(30)
    c.gen_shuffle1(4, a)
    c.gen_shuffle1(4, b)
    assert np.array_equal(a, b)
    p = np.array([0.1, 0.2, 0.3, 0.4])
    assert np.array_equal(c.gen_choice_p(3, 4, 50, p), c.gen_choice_p(3, 4, 50, p))
    assert c.gen_choice_loop(5, 10, 100) == c.gen_choice_loop(5, 10, 100)


def test_choice_shapes_and_dtypes_equal_numpys(c, py):
    a = np.arange(5.0)
    cases = [("choice_n0", (5,)), ("choice_n", (5, 4)), ("choice_shape", (5, 2, 3)), ("choice_a0", (a,)),
             ("choice_a", (a, 6)), ("choice_i8", (np.arange(4, dtype=np.int8), 3)),
             ("choice_distinct_n", (9, 9)), ("choice_distinct_a", (a, 2)), ("choice_n", (0, 0)),
             ("choice_p", (3, 4, np.array([0.5, 0.25, 0.25]))), ("choice_p_a0", (a, np.full(5, 0.2))),
             ("gen_choice_n0", (1, 5)), ("gen_choice_n", (1, 5, 3)), ("gen_choice_a", (1, a, 3)),
             ("gen_choice_distinct_a", (1, np.arange(6), 6))]
    for name, args in cases:
        x, y = getattr(c, name)(*args), getattr(py, name)(*args)
        assert type(x) is type(y) or np.asarray(x).dtype == np.asarray(y).dtype, name
        assert np.shape(x) == np.shape(y), name
        assert np.asarray(x).dtype == np.asarray(y).dtype, name


def test_choice_ranges(mod):
    assert set(mod.choice_n(7, 2000)) == set(range(7))
    a = np.array([1.5, -2.0, 4.25])
    assert set(mod.choice_a(a, 200)) == set(a)
    assert mod.choice_n0(3) in (0, 1, 2)
    assert mod.choice_a0(a) in set(a)


def test_choice_without_replacement_is_distinct(mod):
    for n, k in ((10, 10), (50, 7), (1000, 999), (1, 1), (5, 0)):
        x = mod.choice_distinct_n(n, k)
        assert len(set(x)) == k and all(0 <= v < n for v in x)
        y = mod.gen_choice_distinct(3, n, k)
        assert len(set(y)) == k and all(0 <= v < n for v in y)
    a = np.arange(100.0) * 0.5
    z = mod.choice_distinct_a(a, 40)
    assert len(set(z)) == 40 and set(z) <= set(a)
    p = np.array([0.5, 0.0, 0.3, 0.2, 0.0])
    w = mod.choice_p_distinct(5, 3, p)
    assert sorted(w) == [0, 2, 3]
    v = mod.gen_choice_p_distinct(2, np.arange(5.0), 2, p)
    assert len(set(v)) == 2 and set(v) <= {0.0, 2.0, 3.0}


def _within_sigma(counts, p, n, z=5.0):
    for k, q in enumerate(p):
        sigma = math.sqrt(n * q * (1 - q))
        assert abs(counts[k] - n * q) <= z * sigma + 1e-9, (k, counts[k], n * q)


def test_weighted_frequencies(c):
    p = np.array([0.1, 0.0, 0.25, 0.05, 0.6])
    n = 200_000
    c.seed(1)
    _within_sigma(np.bincount(c.choice_p(5, n, p), minlength=5), p, n)
    _within_sigma(np.bincount(c.gen_choice_p(2, 5, n, p), minlength=5), p, n)
    uniform = np.bincount(c.choice_n(10, n), minlength=10)
    _within_sigma(uniform, np.full(10, 0.1), n)
    # without replacement, one item: the weights themselves
    firsts = np.bincount([c.choice_p_distinct(5, 1, p)[0] for _ in range(20000)], minlength=5)
    _within_sigma(firsts, p, 20000)
    # the first of two distinct draws of weights (0.5, 0.3, 0.2): P(second = 2) = .5*.2/.5 + .3*.2/.7
    seconds = np.bincount([c.choice_p_distinct(3, 2, np.array([0.5, 0.3, 0.2]))[1] for _ in range(20000)],
                          minlength=3)
    q2 = 0.5 * 0.2 / 0.5 + 0.3 * 0.2 / 0.7
    _within_sigma(seconds[2:], [q2], 20000)


ERRORS = [
    ("choice_n0", (0,), "a must be greater than 0 unless no samples are taken"),
    ("choice_n", (-1, 3), "a must be greater than 0 unless no samples are taken"),
    ("choice_a", (np.zeros(0), 2), "'a' cannot be empty unless no samples are taken"),
    ("choice_distinct_n", (3, 5), "Cannot take a larger sample than population when 'replace=False'"),
    ("choice_p", (3, 2, np.array([0.5, 0.6, 0.0])), "probabilities do not sum to 1"),
    ("choice_p", (3, 2, np.array([0.5, 0.6, -0.1])), "probabilities are not non-negative"),
    ("choice_p", (3, 2, np.array([0.5, 0.5])), "'a' and 'p' must have same size"),
    ("choice_p", (3, 2, np.array([math.nan, 0.5, 0.5])), "probabilities contain NaN"),
    ("choice_p_distinct", (3, 3, np.array([0.5, 0.5, 0.0])), "Fewer non-zero entries in p than size"),
    ("choice_n", (3, -1), "negative dimensions are not allowed"),
    ("gen_choice_n0", (1, 0), "a must be a positive integer unless no samples are taken"),
    ("gen_choice_a", (1, np.zeros(0), 2), "a cannot be empty unless no samples are taken"),
    ("gen_choice_distinct", (1, 3, 5), "Cannot take a larger sample than population when replace is False"),
    ("gen_choice_p", (1, 3, 2, np.array([0.5, 0.6, 0.0])), "Probabilities do not sum to 1"),
    ("gen_choice_p", (1, 3, 2, np.array([0.5, 0.6, -0.1])), "Probabilities are not non-negative"),
    ("gen_choice_p", (1, 3, 2, np.array([0.5, 0.5])), "a and p must have same size"),
]


@pytest.mark.parametrize("name, args, message", ERRORS)
def test_bad_arguments_raise_numpys_exceptions(c, py, name, args, message):
    for m in (py, c):
        with pytest.raises(ValueError, match=re.escape(message)):
            getattr(m, name)(*args)


def test_no_samples_from_an_empty_population(mod):
    assert mod.choice_n(0, 0).shape == (0,)
    assert mod.choice_distinct_n(0, 0).shape == (0,)


def _diag(body: str):
    header = "from fastext import f64, i64\nimport numpy as np\n\n\n"
    with pytest.raises(CompileError) as info:
        compile_source(header + body, "bad_perm.fx", "bad_perm")
    return info.value.diagnostics[0]


@pytest.mark.parametrize("body, needle, hint", [
    ("def f(a: f64[:, :, :]) -> None:\n    np.random.shuffle(a)\n", "1-D and 2-D arrays", "reshape"),
    ("def f(x: f64) -> None:\n    np.random.shuffle(x)\n", "takes an array", "NumPy array"),
    ("def f(a: f64[:, :]) -> f64:\n    return np.random.choice(a)\n", "int or a 1-D array", "a[rng.choice(len(a), size)]"),
    ("def f(n: i64, r: bool) -> i64[:]:\n    return np.random.choice(n, 3, replace=r)\n",
     "replace must be a constant bool", "literal"),
    ("def f(n: i64, p: i64[:]) -> i64[:]:\n    return np.random.choice(n, 3, p=p)\n", "float64 array", "astype"),
    ("def f(n: i64, p: f64) -> i64[:]:\n    return np.random.choice(n, 3, p=p)\n", "1-D array of probabilities", "p=np.array"),
    ("def f(a: f64[:, :]) -> f64[:, :]:\n    rng = np.random.default_rng(1)\n    return rng.permutation(a, axis=1)\n",
     "axis 0 only", "a.T"),
    ("def f(x: f64) -> f64:\n    return np.random.choice(x)\n", "must be an integer", "int(...)"),
])
def test_misuse_is_a_located_compile_error(body, needle, hint):
    d = _diag(body)
    assert needle in d.message
    assert hint in d.hint
    assert d.span.line >= 5
