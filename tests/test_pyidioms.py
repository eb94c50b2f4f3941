"""Plain-Python idioms that benchmark programs use, compiled and compared with plain Python:
an int local that becomes a float (`t = 0` ... `t += x`), `divmod`, the integer and sequence
functions of `math` (`gcd lcm factorial comb perm isqrt prod fsum`, ops/pymath.py), and
`str.join` of a generator expression."""
from __future__ import annotations

import math
import os

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fxload

PATH = os.path.join(fxload.FX_DIR, "pyidioms.fx")
floats = st.floats(allow_nan=False, allow_infinity=False, width=64)


@pytest.fixture(scope="module")
def mods():
    return fxload.compiled(PATH), fxload.interpreted(PATH)


def _outcome(fn, *args):
    try:
        return fn(*args), None
    except (ZeroDivisionError, ValueError, OverflowError, IndexError) as e:
        return None, type(e)


def _same(mods, name, *args):
    got, want = (_outcome(getattr(m, name), *args) for m in mods)
    assert got[1] is want[1], (name, args, got, want)
    if want[1] is None:     # NaN and -0.0 too; an int Python holds in an f64 result is an int compiled too
        assert repr(got[0]) == repr(want[0]), (name, args, got, want)
    return got[0]


@settings(max_examples=60, deadline=None)
@given(st.lists(floats, max_size=12))
def test_int_local_becomes_float(mods, xs):
    got = _same(mods, "total", xs)      # Python's int 0 for no items, compiled too (frontend/intflags.py)
    assert got == sum(xs, 0)
    _same(mods, "half_sum", xs)         # through `_half_sum`: the call's result flag (frontend/intflags.py)
    _same(mods, "ratio", xs, xs[::-1])
    assert mods[0].counter(7) == 7


def test_promotion_that_cannot_hold_keeps_the_first_message(tmp_path):
    """A local used as an int after taking a float: the error is at the float, as before."""
    from fastext.compiler.diagnostics import CompileError
    path = tmp_path / "bad_promote.fx"
    path.write_text("from fastext import f64, i64\n\ndef f(xs: list[f64]) -> i64:\n    t = 0\n"
                    "    for x in xs:\n        t += x\n    for i in range(t):\n        pass\n    return 1\n")
    with pytest.raises(CompileError) as err:
        fxload.compiled(str(path))
    assert ":6:9: error: `t` has type i64, cannot take an f64 implicitly" in str(err.value)


@settings(max_examples=80, deadline=None)
@given(st.integers(-10**6, 10**6), st.integers(-50, 50), floats, st.sampled_from([0.0, -0.0, 2.5, -3.0, 1e-300]))
def test_divmod(mods, a, b, x, y):
    _same(mods, "divmods", a, b, x, y)


@settings(max_examples=80, deadline=None)
@given(st.integers(-10**6, 10**6), st.integers(-10**6, 10**6), st.integers(-10**5, 10**5))
def test_gcd_lcm(mods, a, b, c):
    assert mods[0].gcds(a, b, c) == mods[1].gcds(a, b, c)


@settings(max_examples=60, deadline=None)
@given(st.integers(-3, 20), st.integers(-3, 22))
def test_combinatorics(mods, n, k):
    _same(mods, "combinatorics", n, k)


@settings(max_examples=80, deadline=None)
@given(st.one_of(st.integers(-5, 10**6), st.integers(0, 2**63 - 1)))
def test_isqrt(mods, n):
    got = _same(mods, "isqrt", n)
    if n >= 0:
        assert got == math.isqrt(n)


special = st.sampled_from([math.inf, -math.inf, math.nan, 1e308, -1e308, 1e-320, 0.1, -0.0])


@settings(max_examples=120, deadline=None)
@given(st.lists(st.one_of(floats, floats.map(lambda v: v * 1e290), special), max_size=14))
def test_fsum_is_cpythons(mods, xs):
    """Exactly rounded, with CPython's errors: -inf + inf, intermediate overflow."""
    _same(mods, "fsums", xs)
    if xs and all(math.isfinite(v) for v in xs):
        got, want = _outcome(mods[0].fsum_array, np.array(xs)), _outcome(math.fsum, xs)
        assert got == want


def test_fsum_classics(mods):
    native, _ = mods
    assert native.fsums([0.1] * 10) == (1.0, math.fsum([0.1 * 3.0] * 10))
    assert native.fsums([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]) == (1e-100, 3e-100)
    assert native.fsums([]) == (0.0, 0.0)
    with pytest.raises(OverflowError, match="intermediate overflow in fsum"):
        native.fsums([1e308, 1e308])
    with pytest.raises(ValueError, match=r"-inf \+ inf in fsum"):
        native.fsums([math.inf, -math.inf])


@settings(max_examples=40, deadline=None)
@given(st.lists(floats, max_size=8), st.lists(st.integers(-9, 9), max_size=8))
def test_prod(mods, xs, ints):
    a = np.array(ints, dtype=np.int64)
    got, want = mods[0].prods(xs, a), mods[1].prods(xs, a)
    assert got[:2] == want[:2] or any(v != v for v in got + want)
    assert got[2] == want[2] == math.prod(ints)


def test_join_of_a_generator(mods):
    assert mods[0].joined(5) == mods[1].joined(5) == "0,1,4,9,16"
    assert mods[0].joined(0) == ""


def test_misuse_is_located(tmp_path):
    from fastext.compiler.diagnostics import CompileError
    path = tmp_path / "bad_math.fx"
    path.write_text("import math\nfrom fastext import f64\n\ndef f(x: f64) -> int:\n    return math.factorial(x)\n")
    with pytest.raises(CompileError) as err:
        fxload.compiled(str(path))
    assert "bad_math.fx:5:27: error: math.factorial() takes integers, not an f64" in str(err.value)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 4), st.integers(-20, 20).map(float)), max_size=40))
def test_heapq_matches_cpython(mods, steps):
    """The heap's layout and every popped item are CPython's, step for step."""
    ops, vals = [s[0] for s in steps], [s[1] for s in steps]
    _same(mods, "heap_ops", ops, vals)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(-50, 50), max_size=30))
def test_heapify_matches_cpython(mods, xs):
    assert mods[0].heapified(list(xs)) == mods[1].heapified(list(xs))


def test_heap_of_tuples_and_empty_pop(mods):
    assert mods[0].tuple_heap(12) == mods[1].tuple_heap(12)
    with pytest.raises(IndexError):
        mods[0].empty_pop()


@settings(max_examples=80, deadline=None)
@given(st.lists(st.integers(-5, 5).map(float), max_size=12), st.integers(-5, 5).map(float),
       st.integers(-1, 6), st.integers(0, 14))
def test_bisect_matches_cpython(mods, xs, x, lo, hi):
    _same(mods, "bisects", xs, x, lo, hi)


def test_tuple_parameters_hold_lists_strs_and_tables(mods):
    native, interp = mods
    for args in [(2, [1.0, 2.0]), (0, []), [3, [0.5]]]:
        assert native.tuple_of_list(args) == interp.tuple_of_list(tuple(args))
    t = ("ab", 1.5, {"ab": 3}, {1, 2})
    assert native.tuple_of_text(t) == interp.tuple_of_text(t) == 8.0
    with pytest.raises(TypeError, match=r"tuple_of_list\(\) argument 'i_u\[1\]' must be a list of float"):
        native.tuple_of_list((2, [1.0, "x"]))
    with pytest.raises(TypeError, match=r"argument 't\[0\]' must be str, not int"):
        native.tuple_of_text((1, 1.5, {}, set()))


def test_open_list_decided_in_a_helper(mods):
    assert mods[0].decided_by_helper(3) == mods[1].decided_by_helper(3) == [0.5, 0.5, 0.5]


def test_recursive_helpers_without_annotations(mods):
    """Nested and module-level helpers that call themselves, typed from their earlier returns."""
    for name, args in [("fact", (10,)), ("fact", (1,)), ("count_paths", (6,)), ("fib", (20,)), ("halving", (5,)),
                       ("halving", (0,))]:
        _same(mods, name, *args)    # halving(0): -> f64 of the int 1, an int as in Python


IDIOMS2 = os.path.join(fxload.FX_DIR, "pyidioms2.fx")
CASES2 = [
    ("absround", (2.5,)), ("absround", (-7.6,)), ("bits", (255,)), ("bits", (0,)), ("caesar", ("Hello, World", 3)),
    ("chainedcmp", (1, 2, 2)), ("chainedcmp", (2, 1, 3)), ("dictcomp", (4,)), ("enumzip", ([1.0, 2.0], [3.0, 4.0, 5.0])),
    ("isclose", (1.0, 1.0 + 1e-10)), ("isclose", (1.0, 1.1)), ("listmethods", ([3, 1, 2, 1],)),
    ("mapint", ("1 2 3 10",)), ("matrixtranspose", ([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]],)),
    ("maxkeyget", (["b", "a", "b", "c", "a", "b"],)), ("powmod", (3, 200, 1000000007)), ("powmod", (-3, 5, 7)),
    ("primes", (60,)), ("rev", ("A man, a plan, a canal: Panama",)), ("rev", ("abc",)), ("roundn", (2.675,)),
    ("roundn", (-0.125,)), ("setcomp", (["ab", "abc", "xyz", "abc"],)), ("sortrev", ([3.0, 1.0, 2.0, 5.0],)),
    ("strfmtpct", ("ann", 3.14159)), ("sumgen", ([1, -2, 3],)), ("trycatch", ("42",)), ("trycatch", ("x",)),
    ("tupleswap", (30,)), ("whileelse", (91,)), ("whileelse", (97,)), ("zfill", (42,)),
]


@pytest.fixture(scope="module")
def mods2():
    return fxload.compiled(IDIOMS2), fxload.interpreted(IDIOMS2)


@pytest.mark.parametrize("name, args", CASES2)
def test_more_idioms_match_python(mods2, name, args):
    """pow(a, b, m), n.bit_length(), map/filter, max(d, key=d.get), round(x, n), format(),
    math.isclose, and a list iterated before the append that decides its type."""
    copy = lambda a: [list(x) if isinstance(x, list) else x for x in a]      # noqa: E731
    _same(mods2, name, *copy(args))
