"""Native lists (tests/fx/lists.fx), compiled vs interpreted: values, errors and memory."""
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fxload

PATH = os.path.join(fxload.FX_DIR, "lists.fx")


@pytest.fixture(scope="module")
def both():
    return fxload.compiled(PATH), fxload.interpreted(PATH)


def outcome(mod, name, args):
    try:
        return ("ok", getattr(mod, name)(*[list(a) if isinstance(a, list) else a for a in args]))
    except Exception as e:   # noqa: BLE001 - the outcome is compared
        return (type(e).__name__, str(e))


def same(both, name, *args):
    compiled, interpreted = (outcome(m, name, args) for m in both)
    assert compiled == interpreted, (name, args)
    return compiled


CASES = [
    ("squares", 0), ("squares", 7), ("display_ops", 3), ("display_ops", 0),
    ("pops", [1, 2, 3, 4], 1), ("pops", [1, 2, 3, 4], -2), ("pops", [1, 2], 5), ("pops", [], 0),
    ("self_slice", 5), ("self_slice", 2), ("item", [1.0, 2.0], -1), ("item", [1.0, 2.0], 2),
    ("item", [1.0, 2.0], -3), ("set_item", [1.0, 2.0], -2, 5.0), ("set_item", [1.0], 1, 5.0),
    ("searching", [1, 2, 2, 3], 2), ("searching", [1, 2, 3], 9), ("index_of", [4, 5, 5], 5),
    ("index_of", [4, 5], 6), ("remove", [1, 2, 1], 1), ("remove", [1, 2], 3),
    ("methods", [3, 1, 2, 1]), ("folds", [1.5, -2.0, 3.25]), ("folds", []), ("fold_empty", 0),
    ("fold_empty", 4), ("comprehensions", 6), ("nested_sum", 5), ("generator_sum", [1.0, 2.0, 3.0], [4.0, 5.0]),
    ("loops", [3, 1, 4, 1, 5]), ("loops", []), ("aliasing", 3), ("table", 3), ("pairs", 4),
    ("unpack", [1, 2, 3]), ("unpack", [1, 2]), ("unpack", [1, 2, 3, 4]), ("truth", []), ("truth", [0]),
    ("from_range", 0, 10, 3), ("from_range", 10, 0, -4), ("from_range", 0, 5, 0), ("bools", 7),
    ("declared", 5), ("repeat_many", 2), ("repeat_many", -1), ("grow", 20),
    ("reuse_alias", 6), ("reuse_confined", 9), ("big_self", 300), ("big_self", 5), ("in_prange", 500),
    ("spectral_style", 4), ("ints", 3), ("widened", 2), ("flags", 2),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}{c[1:]}")
def test_matches_python(both, case):
    same(both, *case)


def test_types_of_results(both):
    compiled, _ = both
    out = compiled.squares(3)
    assert type(out) is list and all(type(x) is int for x in out)
    assert all(type(x) is bool for x in compiled.bools(4))
    assert all(type(x) is float for x in compiled.declared(3))


small = st.lists(st.integers(-50, 50), max_size=12)
bound = st.integers(-15, 15)


@settings(max_examples=150, deadline=None)
@given(small, bound, bound, bound.filter(lambda c: c != 0))
def test_slices(both, xs, a, b, c):
    same(both, "slice_of", xs, a, b, c)
    same(both, "slice_parts", xs, a, b)


@settings(max_examples=150, deadline=None)
@given(small, bound, bound, small)
def test_slice_assignment(both, xs, a, b, ys):
    same(both, "assign_slice", xs, a, b, ys)
    same(both, "assign_extended", xs, ys)


def test_zero_step(both):
    assert same(both, "slice_of", [1, 2], 0, 2, 0)[0] == "ValueError"


def test_bad_arguments_name_the_parameter(both):
    compiled, _ = both
    with pytest.raises(TypeError, match="'xs' must be list"):
        compiled.item((1.0, 2.0), 0)
    with pytest.raises(TypeError, match="'xs' must be a list of float"):
        compiled.item([1.0, "a"], 0)
    with pytest.raises(TypeError, match="'xs' must be a list of int"):
        compiled.searching([1, 2.5], 0)


def test_caller_list_is_a_copy(both):
    compiled, _ = both
    xs = [1.0, 2.0]
    out = compiled.set_item(xs, 0, 5.0)
    assert out == [6.0, 2.0] and xs == [1.0, 2.0] and out is not xs


def test_memory_returns_to_zero(both):
    compiled, _ = both
    for _ in range(2000):
        compiled.pairs(6)
        compiled.table(4)
        compiled.display_ops(10)
        try:
            compiled.item([1.0], 5)
        except IndexError:
            pass
        try:
            compiled.item([1.0, "x"], 0)
        except TypeError:
            pass
    assert compiled.__fastext_live_blocks__() == 0


def test_big_growth(both):
    compiled, interpreted = both
    assert compiled.squares(100_000) == interpreted.squares(100_000)


@settings(max_examples=300, deadline=None)
@given(small, bound, bound, bound, bound, bound.filter(lambda c: c != 0))
def test_slice_assignment_from_a_slice(both, xs, a, b, c, d, e):
    same(both, "assign_from_slice", xs, a, b, c, d, e)
    same(both, "assign_ext_from_slice", xs, c, d, e)


@settings(max_examples=100, deadline=None)
@given(small, small, st.integers(0, 12), st.integers(0, 12))
def test_flips(both, xs, ys, a, b):
    same(both, "flip_other", xs, ys, a, b)
    same(both, "assign_from_slice", xs, a, b, b - 1, a - 1 if a > 0 else -len(xs) - 1, -1)


@settings(max_examples=200, deadline=None)
@given(small, st.integers(-14, 14), st.integers(-14, 14))
def test_flips_in_place(both, xs, a, b):
    # the reversal of a range of the list itself: in-range bounds take the quick path, others Python's rules
    same(both, "flip_self", xs, a, b)
    same(both, "flip_prefix", xs, a)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 12), bound, bound, st.integers(-4, 4), st.integers(-2, 14))
def test_slices_filled_from_a_repeated_item(both, n, a, b, c, k):
    # `xs[a:b:c] = [v] * k` stores v without making the list: sizes, growth and errors as Python's
    same(both, "fill_slices", n, a, b, c, k)


@pytest.mark.parametrize("n", [0, 1, 2, 30, 1000])
def test_sieve(both, n):
    same(both, "sieve_flags", n)


@pytest.mark.parametrize("a, b", [(0, 0), (0, 5), (3, 9), (7, 2), (-4, 3), (0, 70_000)])
def test_comprehensions_sized_by_their_loop(both, a, b):
    same(both, "sized_comprehensions", a, b)


def test_containers_given_to_python(both, capfd):
    compiled, interpreted = both
    for mod in both:
        mod.show(4)
    out = capfd.readouterr().out.splitlines()
    assert out[:2] == out[2:] and out[0].startswith("[0.0, 0.5")
    assert compiled.describe(3) == interpreted.describe(3) == "[0, 1, 2] and (3, 4)"
