"""`collections.defaultdict` and `collections.Counter` (frontend/collections.py), compiled and
compared with plain Python on many inputs, and their located errors."""
from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fxload
from fastext.compiler.diagnostics import CompileError

PATH = os.path.join(fxload.FX_DIR, "pycollections.fx")
words = st.lists(st.sampled_from(["a", "b", "the", "cat", "zz", "dog", "", "ab"]), max_size=30)


@pytest.fixture(scope="module")
def mods():
    return fxload.compiled(PATH), fxload.interpreted(PATH)


def _same(mods, name, *args):
    got, want = (getattr(m, name)(*args) for m in mods)
    assert got == want and list(got) == list(want), (name, args, got, want)   # insertion order too


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(-5, 5), max_size=30), words)
def test_defaultdict_and_counter_match_python(mods, xs, ws):
    for name, args in [("hist", (xs,)), ("fhist", (xs,)), ("groups", ([w for w in ws if w],)),
                       ("reads", (xs,)), ("counts", (ws,)), ("counter_read", (ws,))]:
        _same(mods, name, *args)
    pairs = list(zip(xs, xs[1:]))
    _same(mods, "sets", pairs)


def test_missing_key_semantics(mods):
    """defaultdict inserts on a read (len grows); Counter does not."""
    native, _ = mods
    assert native.reads([0]) == (2, 2)
    assert native.counter_read(["x"]) == (0, 1, 1)


@pytest.mark.parametrize("source, message", [
    ("from collections import ChainMap\n", "collections.ChainMap is not supported in .fx code"),
    ("from collections import defaultdict\n\ndef f() -> i64:\n    d = defaultdict(str)\n    return len(d)\n",
     "defaultdict(str) is not supported in .fx code"),
])
def test_unsupported_is_located(tmp_path, source, message):
    path = tmp_path / "bad_coll.fx"
    path.write_text("from fastext import i64\n" + source)
    with pytest.raises(CompileError) as err:
        fxload.compiled(str(path))
    assert message in str(err.value) and "bad_coll.fx:" in str(err.value)


DEQUE = os.path.join(fxload.FX_DIR, "pydeque.fx")


@pytest.fixture(scope="module")
def deque_mods():
    return fxload.compiled(DEQUE), fxload.interpreted(DEQUE)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(-9, 9), max_size=12), st.integers(1, 5), st.integers(0, 400))
def test_deque_matches_python(deque_mods, xs, k, n):
    """popleft/appendleft/extendleft/rotate, indexing, list(q), a sliding window, BFS, and
    list.pop(0) (O(1) now: the items' start moves) as queues use them."""
    native, interp = deque_mods
    for name, args in [("ops", (xs,)), ("window", ([float(x) for x in xs], k)), ("bfs", (n,)), ("pop0", (n,))]:
        assert getattr(native, name)(*args) == getattr(interp, name)(*args), (name, args)


def test_popleft_of_empty_deque_raises(tmp_path):
    path = tmp_path / "dq_empty.fx"
    path.write_text("from collections import deque\nfrom fastext import i64\n\n"
                    "def f() -> i64:\n    q = deque([1])\n    q.popleft()\n    return q.popleft()\n")
    with pytest.raises(IndexError, match="pop from empty list"):
        fxload.compiled(str(path)).f()


MORE = '''
import heapq
from collections import Counter, deque
from fastext import f64, i64


def _evens(n):
    for i in range(n):
        if i % 2 == 0:
            yield i


def letters(words: list[str]) -> dict[str, i64]:
    return Counter(w[0] for w in words if w)


def queue(n: i64) -> list[i64]:
    q = deque(_evens(n))
    q.rotate(1)
    return list(q)


def extremes(xs: list[f64], k: i64) -> tuple[list[f64], list[f64], list[f64]]:
    return heapq.nlargest(k, xs), heapq.nsmallest(k, xs), heapq.nlargest(k, xs, key=lambda v: -abs(v))
'''


@settings(max_examples=30, deadline=None)
@given(words, st.integers(0, 12), st.lists(st.integers(-9, 9).map(float), max_size=10), st.integers(-1, 12))
def test_generators_feed_counter_and_deque_and_heapq_extremes(tmp_path_factory, ws, n, xs, k):
    path = tmp_path_factory.getbasetemp() / "coll_more.fx"
    if not path.exists():
        path.write_text(MORE)
    native, interp = fxload.compiled(str(path)), fxload.interpreted(str(path))
    for name, args in [("letters", (ws,)), ("queue", (n,)), ("extremes", (xs, k))]:
        assert getattr(native, name)(*args) == getattr(interp, name)(*args), (name, args)


def test_a_str_field_of_a_class_holds_the_str(tmp_path):
    """A class's str field (was a located error) holds the str value, kept by the call's arena
    (tests/test_class_fields.py has the rest)."""
    path = tmp_path / "str_field.fx"
    path.write_text("from fastext import f64\n\n\nclass Item:\n    def __init__(self, name: str, price: f64):\n"
                    "        self.name = name\n        self.price = price\n\n\ndef f(p: f64) -> f64:\n"
                    "    return Item('x', p).price\n\n\ndef g(s: str) -> str:\n    return Item(s, 1.0).name + '!'\n")
    compiled, plain = fxload.compiled(str(path)), fxload.interpreted(str(path))
    assert compiled.f(2.5) == plain.f(2.5) == 2.5
    assert compiled.g("ab") == plain.g("ab") == "ab!"
