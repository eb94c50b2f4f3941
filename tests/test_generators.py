"""Generator functions and `itertools`, inlined where they are iterated (frontend/generators.py,
frontend/pyitertools.py): compiled against the same file run by CPython (which runs the real
generators and the real `itertools`), the consumer's break/continue/else inside the generator's
loops, and the located errors of what is not supported."""
from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fxload

PATH = os.path.join(fxload.FX_DIR, "generators.fx")
small = st.integers(0, 9)
ints = st.lists(st.integers(-50, 50), max_size=6)


@pytest.fixture(scope="module")
def mods():
    return fxload.compiled(PATH), fxload.interpreted(PATH)


def _same(mods, name, *args):
    got, want = (getattr(m, name)(*args) for m in mods)
    assert repr(got) == repr(want), (name, args, got, want)
    return got


def test_generators_are_not_exported(mods):
    compiled, _ = mods
    assert not hasattr(compiled, "squares") and hasattr(compiled, "sum_squares")


@settings(max_examples=40, deadline=None)
@given(small, st.integers(0, 6), st.integers(-1, 40), st.integers(0, 7))
def test_consumer_break_continue_else(mods, n, m, stop, skip):
    _same(mods, "consume", n, m, stop, skip)
    _same(mods, "consume_halves", n * 14, stop)       # above 100: the generator's own return
    _same(mods, "interleave", n, stop)
    _same(mods, "outer_loops", n)
    _same(mods, "enumerated", n)
    _same(mods, "local_gen", n * 3, m + 1)
    _same(mods, "short_any", n)


@settings(max_examples=30, deadline=None)
@given(small)
def test_folds_and_collections(mods, n):
    assert _same(mods, "sum_squares", n) == sum(i * i for i in range(n))
    if n:
        _same(mods, "folds", n)
    _same(mods, "sorted_both", n)
    _same(mods, "comp", n)
    _same(mods, "nested_comp", min(n, 5))


def test_empty_generator_in_min_raises_as_cpython(mods):
    for m in mods:
        with pytest.raises(ValueError, match="empty"):
            m.folds(0)


@settings(max_examples=40, deadline=None)
@given(ints, st.lists(st.floats(-1e3, 1e3), max_size=5), small, st.integers(0, 4), st.integers(1, 4))
def test_itertools_as_cpython(mods, xs, fs, n, start, step):
    _same(mods, "prod_pairs", n % 4, n % 3)
    _same(mods, "prod_repeat", xs[:4], n)
    _same(mods, "perms", xs)
    _same(mods, "combs", xs)
    _same(mods, "combs_r", fs[:4])
    _same(mods, "chained", xs, n)
    _same(mods, "first_square_above", n * n * 7)
    _same(mods, "sliced", n * 3, start, step)
    _same(mods, "running", fs)
    _same(mods, "repeated", 1.25, n)


def test_permutations_of_known_length(mods):
    import itertools
    assert _same(mods, "perms_range") == list(itertools.permutations(range(4)))


@pytest.mark.parametrize("body, where, message", [
    ("def g(n):\n    yield n\n\ndef f(n: int) -> int:\n    x = g(n)\n    return x\n",
     ":6:12:", "is a generator or iterator bound to a name"),
    ("def g(n):\n    print(n)\n    yield n\n\ndef f(n: int) -> int:\n    x = g(n)\n    return next(x)\n",
     ":2:5:", "may not have side effects"),
    ("def g(n):\n    yield n\n    yield from g(n - 1)\n\ndef f(n: int) -> int:\n    return sum(g(n))\n",
     ":3:16:", "iterates itself (recursion)"),
    ("def g(n):\n    for x in h(n):\n        yield x\n\ndef h(n):\n    yield from g(n)\n\n"
     "def f(n: int) -> int:\n    return sum(g(n))\n", ":6:16:", "iterates itself (recursion)"),
    ("def g(n):\n    try:\n        yield n\n    except ValueError:\n        pass\n\n"
     "def f(n: int) -> int:\n    return sum(g(n))\n", ":2:5:", "`yield` inside `try` is not supported"),
    ("def g(n):\n    x = yield n\n\ndef f(n: int) -> int:\n    return sum(g(n))\n",
     ":2:5:", "`yield` is supported only as a statement"),
    ("def g(n):\n    yield n\n    return 5\n\ndef f(n: int) -> int:\n    return sum(g(n))\n",
     ":3:5:", "`return value` is not supported"),
    ("N = 3\n\ndef g(n):\n    for i in range(N):\n        yield n\n\ndef f(n: int) -> int:\n    N = 2\n"
     "    return sum(g(n)) + N\n", ":4:20:", "reads the module name `N`, which a local variable"),
    ("from itertools import permutations\n\ndef f(xs: list[int], r: int) -> int:\n"
     "    return len(list(permutations(xs, r)))\n", ":4:38:", "`r` of permutations() must be a constant"),
    ("from itertools import permutations\n\ndef f(xs: list[int]) -> int:\n"
     "    return len(list(permutations(xs)))\n", ":4:21:", "known only at run time"),
    ("import itertools\n\ndef f(n: int) -> int:\n    it = itertools.count(n)\n    return it\n",
     ":5:12:", "is a generator or iterator bound to a name"),
    ("import itertools\n\ndef f(n: int) -> int:\n    for p in itertools.starmap(range(n)):\n        pass\n"
     "    return 0\n", ":4:14:", "itertools.starmap is not supported"),
])
def test_located_errors(tmp_path, body, where, message):
    from fastext.compiler.diagnostics import CompileError
    path = tmp_path / "bad_gen.fx"
    path.write_text(body)
    with pytest.raises(CompileError) as err:
        fxload.compiled(str(path), f"bad_gen_{abs(hash(body))}")
    text = str(err.value)
    assert where in text and message in text, text


@settings(max_examples=40, deadline=None)
@given(st.tuples(st.integers(-9, 9), st.integers(-9, 9), st.integers(-9, 9)), st.integers(-5, 5))
def test_tuple_runtime_index(mods, t, i):
    outcomes = []
    for m in mods:
        try:
            outcomes.append(m.tuple_at(t, i))
        except IndexError as e:
            outcomes.append(("IndexError", str(e)))
    assert outcomes[0] == outcomes[1], (t, i, outcomes)


def test_labelled_exits_in_the_typed_ir(tmp_path):
    """The consumer's break leaves the generator's loops through one labelled exit."""
    from fastext.compiler.driver import typed_ir_file
    src = ("def g(n):\n    for i in range(n):\n        for j in range(i):\n            yield i * j\n\n"
           "def f(n: int) -> int:\n    t = 0\n    for x in g(n):\n        if x > 5:\n            break\n"
           "        t += x\n    return t\n")
    path = tmp_path / "lab.fx"
    path.write_text(src)
    text = typed_ir_file(str(path))
    assert "# $gen" in text and "break $gen" in text, text


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(0, 9), max_size=6), small, st.integers(-1, 5), st.integers(-1, 9))
def test_zip_with_a_generator(mods, xs, n, skip, stop):
    _same(mods, "zipped", xs, n, skip, stop)


@pytest.mark.parametrize("use", ["from gen_lib import evens\n\ndef f(n: int) -> int:\n    return sum(evens(n))\n",
                                 "import gen_lib\n\ndef f(n: int) -> int:\n    return sum(gen_lib.evens(n))\n"])
def test_generator_of_another_module_is_a_located_error(tmp_path, use):
    from fastext.compiler.diagnostics import CompileError
    (tmp_path / "gen_lib.fx").write_text("STEP = 2\n\ndef evens(n):\n    for i in range(0, n, STEP):\n        yield i\n")
    path = tmp_path / "gen_use.fx"
    path.write_text(use)
    with pytest.raises(CompileError) as err:
        fxload.compiled(str(path), f"gen_use_{'import' if use.startswith('import') else 'from'}")
    assert ":4:" in str(err.value) and "another .fx module" in str(err.value), str(err.value)


@settings(max_examples=20, deadline=None)
@given(small)
def test_consumed_whole_by_join_and_prod(mods, n):
    _same(mods, "joined", n)
    _same(mods, "product_of", n)


@settings(max_examples=15, deadline=None)
@given(small)
def test_same_generator_nested(mods, n):
    _same(mods, "nested_same", n)


@settings(max_examples=20, deadline=None)
@given(st.integers(2, 40), small)
def test_next_of_a_generator(mods, k, n):
    if any(x * x % k == k - 1 for x in range(1, k + 1)):
        _same(mods, "first_match", k)
    _same(mods, "first_or", n, -3)
    if n:
        _same(mods, "first_strict", n)
    else:
        for m in mods:
            with pytest.raises(StopIteration):
                m.first_strict(0)


@settings(max_examples=30, deadline=None)
@given(ints, small)
def test_pairwise_cycle_zip_longest(mods, xs, n):
    _same(mods, "pairs_cycle_longest", xs, n)


@settings(max_examples=15, deadline=None)
@given(small)
def test_other_consumers(mods, n):
    _same(mods, "consumers", n)
