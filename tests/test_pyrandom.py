"""Python's `random` module in .fx code (tests/fx/pyrandom.fx; docs/random.md).

Compiled code draws from a stream of its own per thread (apart from np.random's), which is
CPython's Mersenne Twister with CPython's draws on top: seeded in the module, it gives the
numbers interpreted mode (CPython's `random`) gives, and the tests compare them exactly.
Unseeded streams start from OS entropy; statistics check the laws there.
"""
from __future__ import annotations

import math
import os
import threading

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fastext
import fxload
from fastext.compiler.diagnostics import CompileError
from fastext.compiler.driver import compile_source

PATH = os.path.join(fxload.FX_DIR, "pyrandom.fx")
N = 200_000


@pytest.fixture(scope="module")
def c():
    return fxload.compiled(PATH)


@pytest.fixture(scope="module")
def py():
    return fxload.interpreted(PATH)


# ---------------------------------------------------------------------------- the stream

def _seeded_draws(m, s: int) -> list:
    """Every function's draws after `m.seed(s)`, as lists."""
    m.seed(s)
    a = np.arange(12, dtype=np.int64)
    m.shuffled(a)
    b = np.arange(9.0)
    m.shuffle_every_other(b)
    out = [m.randoms(5), m.randints(-3, 9, 5), m.randrange1(7, 5), m.randrange2(-5, 5, 5),
           m.randrange3(100, -100, -7, 5), m.uniforms(1.0, 2.0, 5), m.gausses(1.0, 2.0, 5), m.normals(5),
           m.expos(0.5, 5), m.choices(np.arange(10.0), 5), [m.one_random(), m.one_randint(0, 5)], a, b,
           m.randints(-2 ** 63, 2 ** 63 - 1, 3), m.randints(0, 2 ** 40, 3), m.randrange3(0, 2 ** 62, 3, 3)]
    return [np.asarray(x).tolist() for x in out]


@pytest.mark.parametrize("s", [0, 1, 2024, -2024, 2 ** 32 - 1, 2 ** 32, 2 ** 40 + 3, 2 ** 63 - 1, -2 ** 63])
def test_seeded_draws_are_cpythons(c, py, s):
    assert _seeded_draws(c, s) == _seeded_draws(py, s)


@settings(max_examples=25, deadline=None)
@given(st.integers(-2 ** 63, 2 ** 63 - 1))
def test_any_seed_gives_cpythons_numbers(c, py, s):
    assert c.seeded_randoms(s, 8).tolist() == py.seeded_randoms(s, 8).tolist()
    assert c.big_ints(s, 50) == py.big_ints(s, 50)


def test_the_stream_crosses_the_twist(c, py):
    # 624 words per twist: 2000 randoms (4000 words) cross it six times
    assert c.seeded_randoms(5, 2000).tolist() == py.seeded_randoms(5, 2000).tolist()


def test_same_seed_same_numbers_in_every_function(c):
    def run():
        return [c.randoms(5), c.randints(-3, 9, 5), c.randrange1(7, 5), c.randrange2(-5, 5, 5),
                c.randrange3(100, -100, -7, 5), c.uniforms(1.0, 2.0, 5), c.gausses(1.0, 2.0, 5), c.normals(5),
                c.expos(0.5, 5), c.choices(np.arange(10.0), 5), [c.one_random(), c.one_randint(0, 5)]]
    c.seed(17)
    first = run()
    c.seed(17)
    second = run()
    for x, y in zip(first, second):
        assert np.array_equal(np.asarray(x), np.asarray(y))
    c.seed(18)
    assert not np.array_equal(c.randoms(5), first[0])


def test_os_seeding_differs_between_calls(c):
    c.seed_os()
    a = c.randoms(4)
    c.seed_os()
    assert not np.array_equal(a, c.randoms(4))


def test_independent_of_numpys_stream(c):
    x, y = c.independent_of_numpy(5)
    assert x == y


def test_numpys_stream_is_another_one(c):
    # one seed, two streams: both are Mersenne Twisters, but NumPy seeds by init_genrand(123),
    # CPython by init_by_array([123]), and each thread holds one state of each
    assert not np.array_equal(c.seeded_randoms(123, 50), c.np_seeded(123, 50))


def test_imports_inside_a_function(c, py):
    assert c.imported_inside(3, 100) == c.imported_inside(3, 100)
    assert 0 <= c.imported_inside(3, 100) <= 900
    assert 0 <= py.imported_inside(3, 100) <= 900


def test_other_modules_imported_inside_a_function(c, py):
    assert c.other_imports_inside(6.25) == py.other_imports_inside(6.25) == 11.5


def test_an_import_inside_a_function_binds_only_there():
    src = ("from fastext import f64\n\n\ndef f() -> f64:\n    import random\n    return random.random()\n\n\n"
           "def g() -> f64:\n    return random.random()\n")
    with pytest.raises(CompileError) as info:
        compile_source(src, "local_import.fx", "local_import")
    d = info.value.diagnostics[0]
    assert d.span.line == 10 and "random" in d.message and "import random" in d.hint


def test_julia_parse_int_draws(c, py):
    for m in (c, py):
        top = m.big_ints(1, 20_000)
        assert 2 ** 32 - 2 ** 20 < top < 2 ** 32      # the largest of 20000 draws is near the top


# ---------------------------------------------------------------------------- ranges and types

def test_types_equal_cpythons(c, py):
    for m in (c, py):
        assert type(m.one_random()) is float
        assert type(m.one_randint(0, 5)) is int
    a = np.arange(5, dtype=np.int32)
    assert type(c.choice_int(a)) is type(py.choice_int(a))


@pytest.mark.parametrize("args", [(0, 0), (-3, 3), (5, 6), (-2 ** 63, 2 ** 63 - 1), (2 ** 62, 2 ** 63 - 1)])
def test_randint_covers_both_ends(c, args):
    a, b = args
    x = c.randints(a, b, 2000)
    assert x.min() >= a and x.max() <= b
    if b - a < 10:
        assert set(x.tolist()) == set(range(a, b + 1))


@pytest.mark.parametrize("fn, args, allowed", [
    ("randrange1", (7,), range(7)),
    ("randrange2", (-5, 5), range(-5, 5)),
    ("randrange3", (3, 20, 4), range(3, 20, 4)),
    ("randrange3", (20, 3, -4), range(20, 3, -4)),
    ("randrange3", (-10, 10, 7), range(-10, 10, 7)),
    ("randrange3", (5, 6, 100), range(5, 6, 100)),
])
def test_randrange_draws_the_range(c, py, fn, args, allowed):
    for m in (c, py):
        x = getattr(m, fn)(*args, 3000)
        assert set(x.tolist()) == set(allowed)


def test_randrange_of_the_widest_ranges(c):
    x = c.randrange2(-2 ** 63, 2 ** 63 - 1, 1000)
    assert x.min() < -2 ** 61 and x.max() > 2 ** 61
    y = c.randrange3(-2 ** 63, 2 ** 63 - 1, 2 ** 62, 1000)
    assert set(y.tolist()) == set(range(-2 ** 63, 2 ** 63 - 1, 2 ** 62))


def test_float_ranges(c, py):
    for m in (c, py):
        x = m.randoms(10_000)
        assert x.min() >= 0.0 and x.max() < 1.0
        u = m.uniforms(-2.0, 3.0, 10_000)
        assert u.min() >= -2.0 and u.max() <= 3.0
        assert m.uniforms(3.0, -2.0, 100).min() >= -2.0      # a > b is allowed, as in CPython
        assert m.expos(2.0, 1000).min() >= 0.0
        assert m.expos(-2.0, 1000).max() <= 0.0             # a negative rate gives negative numbers


def test_choice_and_shuffle(c, py):
    a = np.array([1.5, -2.0, 7.25])
    for m in (c, py):
        assert set(m.choices(a, 500).tolist()) == set(a.tolist())
        x = np.arange(50)
        m.shuffled(x)
        assert sorted(x.tolist()) == list(range(50)) and x.tolist() != list(range(50))
        y = np.arange(20.0)
        m.shuffle_every_other(y)
        assert np.array_equal(y[1::2], np.arange(1.0, 20.0, 2.0))
        assert sorted(y[::2].tolist()) == list(np.arange(0.0, 20.0, 2.0))


def test_choice_of_an_expression(c, py):
    a = np.array([0.0, 1.0, 2.0])
    for m in (c, py):
        assert set(m.choice_of_expression(a, 300).tolist()) == {1.0, 3.0, 5.0}


def test_shuffle_orders_are_uniform(c):
    c.seed(4)
    counts: dict[tuple, int] = {}
    for _ in range(6000):
        x = np.arange(3)
        c.shuffled(x)
        counts[tuple(x)] = counts.get(tuple(x), 0) + 1
    assert len(counts) == 6
    chi2 = sum((v - 1000) ** 2 / 1000 for v in counts.values())
    assert chi2 < 20.5          # 5 degrees of freedom: p = 0.001


# ---------------------------------------------------------------------------- statistics

def test_statistics_agree_with_cpythons(c, py):
    import random
    random.seed(1)
    c.seed(1)
    for name, args, mean, var in [
        ("randoms", (), 0.5, 1 / 12),
        ("uniforms", (2.0, 5.0), 3.5, 9 / 12),
        ("gausses", (1.0, 2.0), 1.0, 4.0),
        ("normals", (), 0.0, 1.0),
        ("expos", (4.0,), 0.25, 1 / 16),
        ("randints", (1, 6), 3.5, 35 / 12),
        ("randrange3", (0, 100, 10), 45.0, 825.0),
    ]:
        for m in (c, py):
            x = getattr(m, name)(*args, N)
            assert abs(x.mean() - mean) < 5 * math.sqrt(var / N), (name, m)
            assert abs(x.var() - var) < 0.02 * var, (name, m)


def test_normal_tails(c):
    c.seed(9)
    z = c.normals(1_000_000)
    for k, p in [(1, 0.3173105), (2, 0.0455003), (3, 0.0026998)]:
        frac = (np.abs(z) > k).mean()
        assert abs(frac - p) < 5 * math.sqrt(p * (1 - p) / z.size)


def test_randint_is_unbiased(c):
    # a range of 3 * 2**61: `x % range` would draw the low third of the values 1.5 times as often
    c.seed(2)
    x = c.randints(0, 3 * 2 ** 61 - 1, 60_000)
    low = (x < 2 ** 62).mean()
    assert abs(low - 2 / 3) < 0.01


# ---------------------------------------------------------------------------- errors

@pytest.mark.parametrize("fn, args, exc, message", [
    ("one_randint", (5, 1), ValueError, "empty range for randrange() (5, 2, -3)"),
    ("randrange1", (0, 1), ValueError, "empty range for randrange()"),
    ("randrange1", (-3, 1), ValueError, "empty range for randrange()"),
    ("randrange2", (5, 1, 1), ValueError, "empty range for randrange() (5, 1, -4)"),
    ("randrange3", (1, 5, 0, 1), ValueError, "zero step for randrange()"),
    ("randrange3", (5, 1, 2, 1), ValueError, "empty range for randrange()"),
    ("randrange3", (5, 5, 1, 1), ValueError, "empty range for randrange() (5, 5, 0)"),
    ("choices", (np.zeros(0), 1), IndexError, "Cannot choose from an empty sequence"),
    ("expos", (0.0, 1), ZeroDivisionError, "float division by zero"),
])
def test_bad_arguments_raise_cpythons_exceptions(c, py, fn, args, exc, message):
    for m in (c, py):
        with pytest.raises(exc) as info:
            getattr(m, fn)(*args)
        assert str(info.value) == message


def test_empty_loops_draw_nothing(c):
    assert c.choices(np.zeros(0), 0).size == 0
    assert c.randrange1(0, 0).size == 0


# ---------------------------------------------------------------------------- threads

def test_each_thread_has_a_stream_of_its_own(c):
    expected = c.seeded_randoms(11, 2000)
    results: list[bool] = []

    def work():
        for _ in range(20):
            results.append(bool(np.array_equal(c.seeded_randoms(11, 2000), expected)))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 80 and all(results)


def test_prange_workers_draw_independent_streams(c):
    saved = os.environ.get("FASTEXT_NUM_THREADS")
    fastext.set_num_threads(4)
    try:
        n = 100_000
        x = c.prange_randoms(n)
    finally:
        if saved is None:
            os.environ.pop("FASTEXT_NUM_THREADS", None)
        else:
            os.environ["FASTEXT_NUM_THREADS"] = saved
    assert x.min() >= 0.0 and x.max() < 1.0
    assert len(np.unique(x)) == n
    assert abs(x.mean() - 0.5) < 5 * math.sqrt(1 / 12 / n)


# ---------------------------------------------------------------------------- compile errors

def _diag(body: str, header: str = "import random\nfrom fastext import f64, i64\nimport numpy as np\n\n\n"):
    with pytest.raises(CompileError) as info:
        compile_source(header + body, "bad_pyrandom.fx", "bad_pyrandom")
    return info.value.diagnostics[0]


@pytest.mark.parametrize("body, needle, hint", [
    ("def f() -> f64:\n    return random.randm()\n", "random.randm is not supported", "random.random"),
    ("def f() -> f64:\n    return random.foo()\n", "random.foo is not supported", "supported: "),
    ("def f() -> i64:\n    return random.randint(1)\n", "missing argument `b`", "random.randint(a, b)"),
    ("def f() -> i64:\n    return random.randint(1, 2, 3)\n", "takes 2 positional arguments but 3 were given",
     "random.randint(a, b)"),
    ("def f() -> f64:\n    return random.random(3)\n", "takes 0 positional arguments", "random.random()"),
    ("def f(x: f64) -> i64:\n    return random.randint(0, x)\n", "must be an integer", "int(...)"),
    ("def f() -> i64:\n    return random.randrange(0, step=2)\n", "needs a stop", "randrange(start, stop, step)"),
    ("def f(a: f64[:, :]) -> None:\n    random.shuffle(a)\n", "1-D array", "np.random.shuffle"),
    ("def f(x: f64) -> f64:\n    return random.choice(x)\n", "takes a sequence", "1-D NumPy array"),
    ("def f() -> None:\n    random.seed(1.5)\n", "must be an integer", "int(...)"),
    ("def f() -> f64:\n    return random.gauss(mu=1.0, s=2.0)\n", "has no parameter `s`", "mu, sigma"),
    ("def f() -> f64:\n    import os\n    return 1.0\n", "not supported inside a function", "module level"),
    ("def f() -> f64:\n    from random import betavariate\n    return betavariate(1.0, 2.0)\n",
     "random.betavariate is not supported", "supported: "),
])
def test_misuse_is_a_located_compile_error(body, needle, hint):
    d = _diag(body)
    assert needle in d.message
    assert hint in d.hint
    assert d.span.line >= 6


def test_bad_from_import_is_located():
    d = _diag("", "from random import randit\n")
    assert "random.randit is not supported" in d.message and "random.randint" in d.hint
    assert d.span.line == 1
