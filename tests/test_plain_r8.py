"""Plain Python as people write it, round 8 (issue 12's leftovers): programs in tests/fx/plain_r8/
using named tuples as tuples (indexing, unpacking, iteration, `_replace`, `*p`, dict keys and set
members), frozen dataclasses (hashable, `replace()`), exception classes with fields and methods,
class-level values the class changes (`Counter.instances += 1`), unannotated mutual recursion,
`f(**d)` / `f(*xs)`, JSON-like dict records with values of several types, and `[None] * n`
filled with instances later.  Each prints and returns exactly what plain Python does (`# ARGS:`
line); the boundary tests check what Python callers see."""
from __future__ import annotations

import dataclasses

import pytest

import fxload

PROGRAMS = fxload.programs_in("plain_r8")


@pytest.mark.parametrize("program", PROGRAMS)
def test_program_prints_what_python_prints(program):
    fxload.assert_program_like_python("plain_r8", program)


RECORDS = """
from dataclasses import dataclass
from typing import NamedTuple


class Point(NamedTuple):
    x: int
    y: float


@dataclass(frozen=True)
class Key:
    a: int
    b: int


def make(n: int) -> Point:
    return Point(n, 2.5)


def key(n: int) -> Key:
    return Key(n, n + 1)


def total(p: Point) -> float:
    return p.x + p.y


def count(keys: list[Key]) -> int:
    return len(set(keys))
"""


@pytest.fixture(scope="module")
def records(tmp_path_factory):
    path = tmp_path_factory.mktemp("records") / "records_r8.fx"
    path.write_text(RECORDS)
    return fxload.compiled(str(path)), fxload.interpreted(str(path))


def test_a_named_tuple_result_is_a_tuple_for_python(records):
    for mod in records:
        p = mod.make(3)
        assert isinstance(p, tuple) and p == (3, 2.5) and tuple(p) == (3, 2.5)
        assert (p[0], p[-1], len(p), p.x, p.y) == (3, 2.5, 2, 3, 2.5)
        assert hash(p) == hash((3, 2.5)) and {p: 1}[(3, 2.5)] == 1
        assert repr(p) == "Point(x=3, y=2.5)" and p._replace(x=1) == (1, 2.5)
        assert p._asdict() == {"x": 3, "y": 2.5} and type(p)._fields == ("x", "y")
        assert mod.total(p) == 5.5 and mod.make(1) < mod.make(2)
        with pytest.raises(AttributeError):
            p.x = 5
        with pytest.raises(ValueError, match="unexpected field names"):
            p._replace(z=1)


def test_a_frozen_record_is_hashable_and_refuses_stores_for_python(records):
    for mod in records:
        k = mod.key(1)
        assert hash(k) == hash(mod.key(1)) and {k: "a"}[mod.key(1)] == "a" and k == mod.key(1)
        with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'a'"):
            k.a = 5
        assert k.a == 1 and mod.count([k, mod.key(1), mod.key(2)]) == 2


def test_exceptions_with_fields_reach_python_whole(tmp_path):
    path = tmp_path / "errors_r8.fx"
    path.write_text(
        "class ParseError(ValueError):\n"
        "    def __init__(self, msg, pos):\n"
        "        super().__init__(msg)\n"
        "        self.pos = pos\n"
        "    def where(self):\n"
        "        return f'column {self.pos}'\n"
        "class Empty(ParseError):\n"
        "    pass\n"
        "def first_bad(text: str) -> int:\n"
        "    if not text:\n"
        "        raise Empty('no text', 0)\n"
        "    for i, ch in enumerate(text):\n"
        "        if not ch.isdigit():\n"
        "            raise ParseError(f'bad {ch!r}', i)\n"
        "    return -1\n"
        "def handled(text: str) -> str:\n"
        "    try:\n"
        "        first_bad(text)\n"
        "    except Empty as e:\n"
        "        return 'empty ' + str(e.pos)\n"
        "    except ParseError as e:\n"
        "        return str(e.where())\n"
        "    return 'ok'\n")
    for mod in (fxload.compiled(str(path)), fxload.interpreted(str(path))):
        with pytest.raises(mod.ParseError) as err:
            mod.first_bad("12x4")
        assert (str(err.value), err.value.pos, err.value.args, err.value.where()) == ("bad 'x'", 2, ("bad 'x'",),
                                                                                    "column 2")
        assert isinstance(err.value, ValueError) and type(err.value).__module__ == "errors_r8"
        with pytest.raises(mod.Empty) as err:
            mod.first_bad("")
        assert err.value.pos == 0 and issubclass(mod.Empty, mod.ParseError)
        assert [mod.handled(t) for t in ("", "7a", "77")] == ["empty 0", "column 1", "ok"]


def test_a_store_into_a_frozen_record_is_located(tmp_path):
    fxload.assert_located_error(tmp_path, """
        from dataclasses import dataclass

        @dataclass(frozen=True)
        class Cell:
            row: int

        def main(n: int) -> int:
            c = Cell(1)
            c.row = n
            return c.row
        """, 10, 5, "cannot assign to field 'row' of the frozen dataclass `Cell`", "replace(")


def test_a_store_into_a_named_tuple_is_located(tmp_path):
    fxload.assert_located_error(tmp_path, """
        from collections import namedtuple
        P = namedtuple("P", "x y")

        def main(n: int) -> int:
            p = P(1, 2)
            p.x += n
            return p.x
        """, 7, 5, "can't set attribute 'x' of the named tuple `P`", "_replace(x=...)")


def test_replace_of_a_field_the_record_lacks_is_located(tmp_path):
    fxload.assert_located_error(tmp_path, """
        from typing import NamedTuple

        class P(NamedTuple):
            x: int

        def main(n: int) -> int:
            return P(n)._replace(y=1).x
        """, 8, 12, "Got unexpected field names: ['y']", "fields: x")


def test_a_record_key_with_a_str_field_is_located(tmp_path):
    fxload.assert_located_error(tmp_path, """
        from typing import NamedTuple

        class Tag(NamedTuple):
            name: str
            n: int

        def main(n: int) -> int:
            seen = {Tag("a", n)}
            return len(seen)
        """, 9, 13, "dict keys and set items only with number fields; `name` is not a number",
        "key by a tuple of numbers")


def test_an_instance_attribute_hiding_a_changed_class_value_is_located(tmp_path):
    fxload.assert_located_error(tmp_path, """
        class Counter:
            made = 0

            def __init__(self):
                Counter.made += 1
                self.made = 5

        def main(n: int) -> int:
            Counter()
            return Counter.made
        """, 7, 9, "makes an instance attribute that hides the class attribute `Counter.made`",
        "`Counter.made = ...`")


def test_an_exception_method_reading_a_module_name_is_located(tmp_path):
    fxload.assert_located_error(tmp_path, """
        LIMIT = 10

        class TooBig(ValueError):
            def __init__(self, n):
                super().__init__(f"{n} > {LIMIT}")

        def main(n: int) -> int:
            if n > LIMIT:
                raise TooBig(n)
            return n
        """, 6, 35, "`LIMIT` is not visible in the methods of exception class `TooBig`",
        "raise TooBig(msg, LIMIT)")


def test_a_none_list_filled_with_numbers_is_located(tmp_path):
    fxload.assert_located_error(tmp_path, """
        class Node:
            def __init__(self, v: int):
                self.v = v

        def main(n: int) -> int:
            xs = [None] * n
            for i in range(n):
                xs[i] = i
            return xs[0] + Node(1).v
        """, 7, 11, "a list that starts as None holds an i64 later", "`[0] * n`")


def test_a_dict_record_used_as_a_dict_keeps_the_one_value_type_rule(tmp_path):
    fxload.assert_located_error(tmp_path, """
        def main(n: int) -> int:
            rec = {"name": "a", "age": n}
            for k in rec:
                print(k)
            return rec["age"]
        """, 3, 32, "dict values must have one type", "convert them to one type")


def test_a_none_start_number_read_by_a_nested_function_is_located(tmp_path):
    fxload.assert_located_error(tmp_path, """
        class Node:
            def __init__(self, v: int):
                self.v = v

        def main(n: int) -> int:
            best = None

            def better(v):
                return best is None or v > best
            for i in range(n):
                if better(i % 5):
                    best = i % 5
            return best + Node(1).v
        """, 7, 12, "`best` starts as None and a nested function reads it", "give it a first value of its type")
