"""str items, keys and values in native containers (tests/fx/strcontainers.fx): compiled vs
interpreted, and the references: no str object leaks or is freed early over many calls."""
import gc
import os
import sys
import weakref

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fxload
from test_lists import same

PATH = os.path.join(fxload.FX_DIR, "strcontainers.fx")


@pytest.fixture(scope="module")
def both():
    return fxload.compiled(PATH), fxload.interpreted(PATH)


TEXT = "the cat and the hat and the bat a b"
CASES = [
    ("words_count", TEXT), ("words_count", ""), ("lines", 0), ("lines", 5),
    ("list_ops", ["x", "y"]), ("list_ops", ["a", "é", "日本", "x"]), ("searching", ["a", "b"], "b"),
    ("searching", ["a", "b"], "c"), ("sorting", ["b", "a", "ccc", "dd", "B"]), ("sorting", []),
    ("by_length", TEXT), ("last_word", TEXT), ("dict_ops", "a b A c b"), ("dict_ops", ""),
    ("letters", "hello world"), ("common", {"a", "b", "c"}, {"b", "c", "d"}), ("chars", "a b c"),
    ("unique_words", TEXT), ("missing_key", {"a": 1}, "a"), ("missing_key", {"a": 1}, "b"),
    ("bad_index", ["a"], 0), ("bad_index", ["a"], 3), ("raise_midway", 3), ("raise_midway", 9),
    ("early_return", ["a", "b", "c"], "b"), ("early_return", ["a"], "z"), ("keep_one", ["q"]),
    ("words", " x  yy z "), ("top", {"a": 1, "b": 3, "c": 2}, 2), ("top_words", TEXT, 3), ("pairs", TEXT),
    ("first_pair", TEXT), ("first_pair", ""), ("moved_items", []), ("moved_items", ["a", "é", "日本", "x"]),
]


def _case_id(case) -> str:
    """The case as text, sets sorted (their repr follows the run's hash seed, and test ids must be
    the same in every process that collects them)."""
    args = ", ".join(repr(sorted(a)) if isinstance(a, set) else repr(a) for a in case[1:])
    return f"{case[0]}({args})"[:60]


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_matches_python(both, case):
    same(both, *case)


TEXTS = st.lists(st.sampled_from(["a", "b", "ab", "é", "日", "x y", "  ", "zz", "\t"]), max_size=30).map("".join)


@settings(max_examples=60, deadline=None)
@given(TEXTS)
def test_texts(both, text):
    for name in ("words_count", "by_length", "last_word", "dict_ops", "letters", "chars", "words", "pairs",
                 "first_pair"):
        same(both, name, text)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(max_size=4), max_size=12))
def test_lists_of_text(both, xs):
    same(both, "sorting", xs)
    if xs:
        same(both, "list_ops", xs)
        same(both, "searching", xs, xs[-1])


def test_type_errors(both):
    compiled = both[0]
    with pytest.raises(TypeError, match="xs"):
        compiled.list_ops(["a", 1])
    with pytest.raises(TypeError):
        compiled.missing_key({1: 1}, "a")
    with pytest.raises(TypeError):
        compiled.common({"a", 2}, set())


# ---------------------------------------------------------------- references
CALLS = 10_000


def _calls(compiled, s, t):
    """Every operation once, with the str objects `s` and `t` flowing through."""
    compiled.list_ops([s, t])
    compiled.searching([s, t], t)
    compiled.sorting([t, s])
    compiled.common({s, t}, {t})
    compiled.missing_key({s: 1}, s)
    compiled.keep_one([s])
    compiled.early_return([s, t], s)
    compiled.top({s: 1, t: 2}, 1)
    compiled.pairs(s + " " + t)
    compiled.first_pair(t)
    for name, args in (("missing_key", ({s: 1}, t)), ("bad_index", ([s], 5)), ("raise_midway", (9,))):
        try:
            getattr(compiled, name)(*args)
        except (KeyError, IndexError, ValueError):
            pass


def test_no_reference_leaks(both):
    compiled = both[0]
    s = "".join(["left", "-", "item"])       # not interned: only our references
    t = "".join(["right", "-", "item"])
    _calls(compiled, s, t)
    gc.collect()
    before = sys.getrefcount(s), sys.getrefcount(t)
    for _ in range(CALLS // 10):
        _calls(compiled, s, t)
    gc.collect()
    assert (sys.getrefcount(s), sys.getrefcount(t)) == before
    assert compiled.__fastext_live_blocks__() == 0


def test_results_own_their_items(both):
    compiled = both[0]
    text = " ".join(f"w{i}" for i in range(50))
    for _ in range(CALLS // 100):
        counts = compiled.words_count(text)
        groups = compiled.by_length(text)
    assert counts == {f"w{i}": 1 for i in range(50)}
    key = next(iter(counts))
    gc.collect()
    assert sys.getrefcount(key) == 2 + 1     # the dict's key, `key`, the call's argument
    assert sum(map(len, groups.values())) == 50
    assert compiled.__fastext_live_blocks__() == 0


def test_each_operation_many_calls(both):
    compiled = both[0]
    s = "".join(["many", "-", "calls"])
    gc.collect()
    before = sys.getrefcount(s)
    for _ in range(CALLS):
        compiled.list_ops([s])
    for _ in range(CALLS):
        compiled.missing_key({s: 2}, s)
    for _ in range(CALLS):
        compiled.common({s}, {s})
    for _ in range(CALLS):
        compiled.early_return([s, s], s)
    for _ in range(CALLS):
        compiled.top({s: 1}, 1)
    for _ in range(CALLS):
        compiled.sorting([s, s])
    for _ in range(CALLS):
        compiled.moved_items([s, s, s])
    gc.collect()
    assert sys.getrefcount(s) == before
    assert compiled.__fastext_live_blocks__() == 0


class Text(str):
    pass


def test_subclass_instance_freed_after_the_call(both):
    compiled = both[0]
    item = Text("weak")
    ref = weakref.ref(item)
    out = compiled.list_ops([item, "x"])
    assert "weak" in out
    del out
    compiled.common({item}, {item})
    compiled.missing_key({item: 3}, item)
    del item
    gc.collect()
    assert ref() is None
    assert compiled.__fastext_live_blocks__() == 0


def test_items_stay_alive_during_the_call(both):
    compiled = both[0]
    # items built inside the call and overwritten/removed are still valid when read later
    assert compiled.list_ops(["".join(["p", str(i)]) for i in range(3)]) == \
        both[1].list_ops(["".join(["p", str(i)]) for i in range(3)])


class BadHash(str):
    def __hash__(self):
        raise ValueError("no hash")


def test_failing_hash_raises_its_exception(both):
    compiled = both[0]
    s = "".join(["plain", "-", "text"])
    gc.collect()
    before = sys.getrefcount(s)
    for _ in range(100):
        with pytest.raises(ValueError, match="no hash"):
            compiled.distinct([s, BadHash("x")])
    assert compiled.distinct([s, s, "b"]) == 2
    gc.collect()
    assert sys.getrefcount(s) == before
    assert compiled.__fastext_live_blocks__() == 0
