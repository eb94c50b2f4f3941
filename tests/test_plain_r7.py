"""Plain Python as people write it, round 7 (issue 12): programs in tests/fx/plain_r7/ using
`@dataclass` (defaults, `order=True`, inheritance, `field(default_factory=...)`,
`__post_init__`), `typing.NamedTuple` and `collections.namedtuple` records,
`@functools.lru_cache` / `@cache` memoised recursion, a list that starts empty and takes
instances of sibling classes, `bisect.insort` into an empty list, list and str literal
defaults of helpers, and class fields typed from constructor calls in comprehensions.  Each
prints and returns exactly what plain Python does (`# ARGS:` line)."""
from __future__ import annotations

import pytest

import fxload

PROGRAMS = fxload.programs_in("plain_r7")


@pytest.mark.parametrize("program", PROGRAMS)
def test_program_prints_what_python_prints(program):
    fxload.assert_program_like_python("plain_r7", program)


def test_a_default_the_function_changes_is_located(tmp_path):
    fxload.assert_located_error(tmp_path, """
        def _count(x, seen=[]):
            seen.append(x)
            return len(seen)

        def main(n: int) -> int:
            return _count(n)
        """, 7, 12, "changes its default `[]`, which Python shares between all calls",
        "`if seen is None: seen = []`")


def test_a_default_passed_on_to_a_module_function_is_located(tmp_path):
    fxload.assert_located_error(tmp_path, """
        def _fill(xs):
            xs.append(1)

        def _count(x, acc=[]):
            _fill(acc)
            return len(acc) + x

        def main(n: int) -> int:
            return _count(n)
        """, 10, 12, "changes its default", "module-level container")


def test_namedtuple_with_computed_field_names_is_located(tmp_path):
    fxload.assert_located_error(tmp_path, """
        from collections import namedtuple
        NAMES = "x y"
        P = namedtuple("P", NAMES)
        """, 4, 5, "namedtuple() needs its field names written out", 'namedtuple("Point", "x y")')


def test_dataclass_field_without_default_after_one_with_is_located(tmp_path):
    fxload.assert_located_error(tmp_path, """
        from dataclasses import dataclass

        @dataclass
        class P:
            x: float = 0.0
            y: float
        """, 7, 5, "non-default argument 'y' follows default argument", "give it a default")


def test_cached_function_with_star_args_is_located(tmp_path):
    fxload.assert_located_error(tmp_path, """
        from functools import lru_cache

        @lru_cache
        def f(*xs):
            return len(xs)
        """, 5, 1, "a cached function takes plain parameters", "cache a helper")


def test_records_cross_to_python_with_their_repr_and_equality(tmp_path):
    path = tmp_path / "rec.fx"
    path.write_text(
        "from dataclasses import dataclass\n"
        "@dataclass(order=True)\n"
        "class V:\n"
        "    major: int\n"
        "    minor: int = 0\n"
        "def make(a: int, b: int) -> V:\n"
        "    return V(a, b)\n")
    mod = fxload.compiled(str(path))
    py = fxload.interpreted(str(path))
    for a, b in ((1, 2), (0, 0), (-3, 7)):
        assert repr(mod.make(a, b)) == repr(py.make(a, b))
        assert (mod.make(a, b) == mod.make(a, b)) and not (mod.make(a, b) == mod.make(a, b + 1))
        assert (mod.make(a, b) < mod.make(a, b + 1)) == (py.make(a, b) < py.make(a, b + 1))


def test_cached_recursion_is_memoised_within_a_call(tmp_path):
    path = tmp_path / "memo.fx"
    path.write_text(
        "from functools import lru_cache\n"
        "@lru_cache(maxsize=None)\n"
        "def fib(n: int) -> int:\n"
        "    return n if n < 2 else fib(n - 1) + fib(n - 2)\n")
    # 90 levels of an unmemoised fib would not finish: the cache must work inside the call
    assert fxload.compiled(str(path)).fib(90) == 2880067194370816120


def test_python_modules_are_called_as_objects(tmp_path):
    """`import sys` beyond stdout, and a `.py` module of the user's beside the `.fx` one: Python's
    own objects, with Python's exceptions (SystemExit passes through compiled code)."""
    (tmp_path / "helpers_r7.py").write_text("def scale(x):\n    return x * 3\nNAMES = ['a', 'b']\n")
    path = tmp_path / "uses_py.fx"
    path.write_text(
        "import sys\n"
        "import helpers_r7\n"
        "from helpers_r7 import NAMES\n"
        "def run(n: int) -> int:\n"
        "    if n < 0:\n"
        "        sys.exit(3)\n"
        "    total = int(helpers_r7.scale(n))\n"
        "    return total + len(NAMES) + len(sys.argv) * 0\n")
    import sys
    sys.path.insert(0, str(tmp_path))
    try:
        mod = fxload.compiled(str(path))
        assert mod.run(4) == 14
        with pytest.raises(SystemExit) as e:
            mod.run(-1)
        assert e.value.code == 3
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("helpers_r7", None)


def test_a_missing_module_is_still_located(tmp_path):
    fxload.assert_located_error(tmp_path, """
        import no_such_module_r7
        """, 2, 1, "cannot find the .fx module `no_such_module_r7`", "on sys.path")


def test_a_str_stored_into_a_module_level_instance_is_located(tmp_path):
    fxload.assert_located_error(tmp_path, """
        class S:
            def __init__(self, k: int, name: str):
                self.k = k
                self.name = name
        WEAK = S(5, "weak")
        def rename(n: int) -> int:
            WEAK.name = "w" + str(n)
            WEAK.k = n
            return WEAK.k
        """, 8, 5, "cannot store a str into a field of a S here: module-level `WEAK` holds instances of it",
        "store numbers into such fields")


def test_module_level_instances_keep_their_state_and_reach_python(tmp_path):
    path = fxload.os.path.join(fxload.FX_DIR, "plain_r7", "module_instances.fx")
    mod = fxload.compiled(path, "module_instances_state")
    first, second = mod.main(1), mod.main(1)
    assert second == first + 1          # ORIGIN.x += n persists across calls, as a module global does
    assert repr(mod.ORIGIN) == f"P({second}, 0.0)"
    assert repr(mod.CORNERS) == "[P(1.0, 1.0), P(-1.0, 2.0)]"


def test_enum_member_aliases_are_located(tmp_path):
    fxload.assert_located_error(tmp_path, """
        from enum import Enum
        class C(Enum):
            A = 1
            B = 1
        """, 5, 5, "member `B` of enum `C` repeats another's value", "its own value")


def test_exception_classes_reach_python_as_the_module_attributes():
    path = fxload.os.path.join(fxload.FX_DIR, "plain_r7", "exception_classes.fx")
    mod, py = fxload.compiled(path), fxload.interpreted(path)
    assert mod.TooBig is mod.TooBig and issubclass(mod.TooBig, mod.RangeError)
    assert issubclass(mod.RangeError, ValueError) and issubclass(mod.ParseError, mod.AppError)
    assert mod.TooBig.__name__ == "TooBig" and mod.TooBig.__module__ == py.TooBig.__module__
    with pytest.raises(mod.TooBig, match="300 > 100"):
        mod.parse("300")
    with pytest.raises(ValueError):
        mod.parse("0")
    with pytest.raises(mod.AppError) as e:
        mod.parse("x")
    assert str(e.value) == "not a number: 'x'"


def test_exception_class_with_statements_besides_methods_is_located(tmp_path):
    # methods and class-level values are Python's (round 8: tests/test_plain_r8.py); other statements are refused
    fxload.assert_located_error(tmp_path, """
        class E(ValueError):
            for k in range(3):
                pass
        """, 3, 5, "exception class `E` holds methods and class-level values only", "move the rest to module level")


def test_nested_functions_are_not_lifted_when_a_caller_shadows_what_the_callee_reads(tmp_path):
    """`a` assigns its own `k` and calls `b`, which reads the enclosing `k`: lifting would pass
    `a`'s `k`, so the functions stay closures (whose forward call is a located error)."""
    fxload.assert_located_error(tmp_path, """
        def run(n: int) -> int:
            k = 10
            def a(x):
                k = 1
                return b(x) + k
            def b(x):
                return x * k
            return a(n)
        """, 6, 16, "unknown function `b`", "define it")


def test_unpacking_an_object_raises_what_python_raises(tmp_path):
    path = tmp_path / "unpack_obj.fx"
    path.write_text("def f(o: object) -> str:\n    a, b = o\n    return f\"{a}-{b}\"\n")
    mod, py = fxload.compiled(str(path)), fxload.interpreted(str(path))
    assert mod.f((1, "x")) == py.f((1, "x")) == "1-x"
    assert mod.f([2.5, None]) == py.f([2.5, None])
    for bad in ((1, 2, 3), (1,), ()):
        with pytest.raises(ValueError) as want:
            py.f(bad)
        with pytest.raises(ValueError) as got:
            mod.f(bad)
        assert str(got.value) == str(want.value)


def test_a_class_with_underscore_fields_stays_inside_compiled_code(tmp_path):
    fxload.assert_located_error(tmp_path, """
        class Counter:
            def __init__(self):
                self._n = 0
            def bump(self) -> int:
                self._n += 1
                return self._n
        def make() -> Counter:
            return Counter()
        """, 8, 15, "returns Counter, a class with fields named with an underscore", "make the function internal")


def test_item_assignment_without_setitem_is_located(tmp_path):
    fxload.assert_located_error(tmp_path, """
        class Box:
            def __init__(self):
                self.v = 0.0
            def __getitem__(self, i: int) -> float:
                return self.v
        def f() -> float:
            b = Box()
            b[0] = 1.0
            return b[0]
        """, 9, 5, "'Box' object does not support item assignment", "define `__setitem__`")
