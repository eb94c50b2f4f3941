"""Native lists where NumPy takes an array (frontend/listarrays.py): `np.array(rows)`,
`np.asarray(xs)`, `np.mean(times)`, `np.concatenate(parts)`, `np.stack(cols, axis=1)`,
`a.tolist()` — compiled against the same file run by CPython and NumPy (results, dtypes,
shapes and NumPy's ValueErrors)."""
from __future__ import annotations

import os

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fxload

PATH = os.path.join(fxload.FX_DIR, "np_lists.fx")


@pytest.fixture(scope="module")
def both():
    return fxload.compiled(PATH), fxload.interpreted(PATH)


def _plain(value):
    """A result as comparable data: arrays by dtype, shape and items (nan-safe through repr)."""
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    if isinstance(value, np.ndarray):
        return ("array", str(value.dtype), value.shape, repr(value.tolist()))
    if isinstance(value, list):
        return ("list", [_plain(v) for v in value])
    if isinstance(value, (np.generic, float, int, bool)):
        return (type(value.item() if isinstance(value, np.generic) else value).__name__, repr(float(value)))
    return value


def _same(both, name: str, *args):
    outcomes = []
    for mod in both:
        copies = [a.copy() if isinstance(a, np.ndarray) else list(a) if isinstance(a, list) else a for a in args]
        outcomes.append(_plain(fxload.outcome(getattr(mod, name), *copies)))
    assert outcomes[0] == outcomes[1], (name, args)
    return outcomes[0]


R = np.random.default_rng(7)
CASES = [
    ("stats_of_list", (40,)), ("stats_of_list", (1,)), ("table", (6,)), ("points", (5,)),
    ("stacked", (R.random((4, 3)),)), ("joined", (R.random(10),)), ("stack_list", (R.random((4, 3)),)),
    ("to_list", (R.random(6),)), ("ragged", (0,)), ("ragged", (2,)),
    ("cat_bad", (R.random((2, 3)), R.random((3, 3)))), ("cat_bad", (R.random((2, 3)), R.random((2, 1)))),
    ("cat_empty", (0,)), ("cat_empty", (4,)), ("cat_none", (R.random((2, 3)),)),
    ("stack_bad", (1,)), ("stack_bad", (3,)), ("ints_and_bools", (7,)), ("hstack_cols", (R.random((4, 3)),)),
    ("tolist2", (R.random((2, 3)),)), ("sorted_list", ([3.0, 1.0, 2.0],)),
    ("comprehension_array", (R.random(5), 9)), ("list_param", ([2.0, 9.0, 4.0], [3, 1, 7, 7])),
]


@pytest.mark.parametrize("name,args", CASES, ids=[f"{n}-{k}" for k, (n, _) in enumerate(CASES)])
def test_like_numpy(both, name, args):
    _same(both, name, *args)


def test_errors_are_numpys(both):
    """A ragged list of rows, joins of mismatched or no arrays: NumPy's ValueError and message."""
    assert _same(both, "ragged", 2)[0] == "ValueError"
    assert "inhomogeneous shape after 1 dimensions. The detected shape was (4,)" in _same(both, "ragged", 2)[1]
    assert _same(both, "cat_empty", 0) == ("ValueError", "need at least one array to concatenate")
    assert _same(both, "stack_bad", 3) == ("ValueError", "all input arrays must have the same shape")
    assert "along dimension 0, the array at index 0 has size 2 and the array at index 1 has size 3" in \
        _same(both, "cat_bad", R.random((2, 3)), R.random((3, 3)))[1]


def test_empty_list_of_rows_keeps_its_rank(both):
    """The documented difference: the rank comes from the list's type, so no rows is (0, 0)."""
    compiled, plain = (m.table(0) for m in both)
    assert compiled.shape == (0, 0) and plain.shape == (0,)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.floats(-1e6, 1e6), min_size=1, max_size=30), st.lists(st.integers(-1000, 1000), min_size=1, max_size=30))
def test_list_parameters_reduce_like_numpy(xs, ys):
    mods = _mods()
    _same(mods, "list_param", xs, ys)


_cache = {}


def _mods():
    if not _cache:
        _cache["m"] = (fxload.compiled(PATH), fxload.interpreted(PATH))
    return _cache["m"]


def test_a_list_of_strings_is_a_located_error(tmp_path):
    text = fxload.compile_error(tmp_path, "import numpy as np\nfrom fastext import f64\n\n\n"
                                          "def f(n: int) -> f64:\n    xs = ['a', 'b']\n    return np.mean(xs)\n")
    assert "bad_program.fx:7:20:" in text and "np.mean() of a list[str]" in text and "hint:" in text
