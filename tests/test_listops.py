"""Container features (tests/fx/listops.fx), compiled vs interpreted: key= sorting (stable, also
reversed), min/max with keys, list/tuple/set/dict comparisons, set and dict operators, random
on lists, print(*xs), list(t)."""
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fxload

PATH = os.path.join(fxload.FX_DIR, "listops.fx")


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
    assert compiled == interpreted, (name, args, compiled, interpreted)
    return compiled


KEYS, VALS = [3, 1, 3, 2, 1, 3], [0.5, 2.0, -1.0, 2.0, 0.25, 0.5]
CASES = [
    ("sort_by_key", KEYS, VALS), ("sort_by_key_reversed", KEYS, VALS), ("sort_by_function", KEYS, VALS),
    ("sort_plain", KEYS, VALS), ("sort_plain_reversed", KEYS, VALS), ("sort_by_key", [], []),
    ("sort_abs", [3.0, -1.0, 1.0, -3.0, 0.0, -0.0, 2.0]), ("sort_captured", [5, 7, 2, 9, 4, 12], 3),
    ("sort_lists", 9), ("sort_lists", 0), ("sort_bools", [1, 2, 3, 4, 5]),
    ("extremes", KEYS, VALS), ("extremes", [], []), ("extreme_generator", [4, 9, 1, 14]),
    ("extreme_generator", []),
    ("list_compare", [1.0, 2.0], [1.0, 2.0]), ("list_compare", [1.0, 2.0], [1.0, 2.0, 0.0]),
    ("list_compare", [3.0], [2.0, 5.0]), ("list_compare", [], []), ("list_compare", [float("nan")], [1.0]),
    ("nested_compare", 3, 3), ("nested_compare", 2, 3), ("nested_compare", 4, 3),
    ("empty_compare", []), ("empty_compare", [0]),
    ("tuple_in", 4, 1), ("tuple_in", 4, 7), ("tuple_in", 0, 0),
    ("index_float", [1.0, 2.5], 2.5), ("index_float", [1.0], 2.5), ("index_float", [1.0], 0.1),
    ("index_float", [1.0], 1e300), ("index_float", [], float("inf")),
    ("set_ops", [1, 2, 3], [2, 3, 4]), ("set_ops", [], [1]), ("set_order", [1, 2], [1, 2, 3]),
    ("set_order", [1, 2], [2, 1]), ("set_order", [5], [1, 2]), ("set_inplace", [1, 2, 3, 5], [3, 4, 5]),
    ("set_self", [1, 2]), ("dict_ops", 4, 6), ("dict_ops", 0, 0), ("dict_ops", 3, 3),
    ("from_tuple", 4.5),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}{c[1:]}")
def test_matches_python(both, case):
    same(both, *case)


def test_dict_union_keeps_python_order(both):
    compiled, interpreted = both
    for args in ((4, 6), (5, 2)):
        assert list(compiled.dict_ops(*args)[0].items()) == list(interpreted.dict_ops(*args)[0].items())


pairs = st.lists(st.tuples(st.integers(-3, 3), st.floats(-4, 4, allow_nan=False)), max_size=40)


@settings(max_examples=60, deadline=None)
@given(pairs)
def test_sorts_are_stable_like_cpython(both, ps):
    keys, vals = [k for k, _ in ps], [v for _, v in ps]
    for name in ("sort_by_key", "sort_by_key_reversed", "sort_by_function", "sort_plain", "sort_plain_reversed",
                 "extremes"):
        same(both, name, keys, vals)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(-5, 5), max_size=12), st.lists(st.integers(-5, 5), max_size=12))
def test_set_operators_as_sets(both, xs, ys):
    for name in ("set_ops", "set_order", "set_inplace"):
        same(both, name, xs, ys)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(-2, 2), max_size=5), st.lists(st.integers(-2, 2), max_size=5))
def test_list_order_like_cpython(both, xs, ys):
    same(both, "list_compare", [float(x) for x in xs], [float(y) for y in ys])


def test_random_on_lists(both):
    compiled, _ = both
    c, shuffled, sample = compiled.random_on_lists(10, 4, 7)
    xs = [i * 0.5 for i in range(10)]
    assert c in xs and sorted(shuffled) == xs and len(set(sample)) == 4 and set(sample) <= set(xs)
    assert compiled.random_on_lists(10, 4, 7) == (c, shuffled, sample)      # seeded: repeatable
    seen = {tuple(compiled.random_on_lists(4, 2, s)[1]) for s in range(60)}
    assert len(seen) > 10               # many orders, not one
    assert outcome(compiled, "random_on_lists", (0, 0, 1)) == ("IndexError", "Cannot choose from an empty sequence")
    assert outcome(compiled, "random_on_lists", (3, 4, 1)) == \
        ("ValueError", "Sample larger than population or is negative")
    assert compiled.random_on_lists(5, 5, 3)[2] != [] and sorted(compiled.random_on_lists(5, 5, 3)[2]) == xs[:5]


def test_print_star_is_pythons_text(both, capsys):
    compiled, interpreted = both
    for n in (0, 1, 4):
        compiled.printing(n)
        got = capsys.readouterr().out
        interpreted.printing(n)
        assert got == capsys.readouterr().out
