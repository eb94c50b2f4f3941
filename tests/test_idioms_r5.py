"""Idioms of plain Python that a probe round found failing (issue 12): parameters defaulting to None
that the body replaces, generators and iterators bound to a name, nested functions filling the
enclosing function's containers, `functools.reduce` and returned closures, `zip(*rows)`,
`str.maketrans`/`translate`.  Each `.fx` under tests/fx/idioms_r5/ is compiled and run against the
same source under plain Python (byte-identical stdout); its arguments are on an `# ARGS:` line."""
from __future__ import annotations

import os

import pytest

import fxload

PROGRAMS = fxload.programs_in("idioms_r5")


@pytest.mark.parametrize("program", PROGRAMS)
def test_program_prints_what_python_prints(program):
    fxload.assert_program_like_python("idioms_r5", program)


def _compile_error(tmp_path, source: str) -> str:
    return fxload.compile_error(tmp_path, source, "bad_idiom")


def test_exported_function_with_a_none_default_is_called_from_python_without_it():
    """Python sees the instance that leaves the parameter out (docs/language.md)."""
    path = os.path.join(fxload.FX_DIR, "idioms_r5", "none_defaults.fx")
    native, plain = fxload.compiled(path), fxload.interpreted(path)
    assert native.memo_fib(40) == plain.memo_fib(40)
    assert native.scaled(2.0) == plain.scaled(2.0)


def test_none_default_read_as_none_is_located(tmp_path):
    text = _compile_error(tmp_path, "def f(xs: list[int], acc=None) -> int:\n    n = len(acc)\n"
                                    "    return n\n\n\ndef main(n: int) -> int:\n    return f([n])\n")
    assert "bad_idiom.fx:2:13:" in text and "`acc` is None here" in text and "if acc is None" in text


def test_generator_with_side_effects_bound_to_a_name_is_located(tmp_path):
    text = _compile_error(tmp_path, "def g(xs: list[int]):\n    for x in xs:\n        xs.append(x)\n"
                                    "        yield x\n\n\ndef main(n: int) -> int:\n    it = g([n])\n"
                                    "    return next(it)\n")
    assert "bad_idiom.fx:3:9:" in text and "may not have side effects" in text and "hint:" in text


def test_bound_iterator_used_as_a_value_is_located(tmp_path):
    text = _compile_error(tmp_path, "def main(n: int) -> int:\n    it = iter([n, 2])\n    print(it)\n"
                                    "    return 0\n")
    assert "bad_idiom.fx:3:11:" in text and "bound to a name" in text and "next(it)" in text


def test_function_returned_by_a_factory_used_in_place_is_located(tmp_path):
    text = _compile_error(tmp_path, "def make_adder(k: int):\n    return lambda x: x + k\n\n\n"
                                    "def apply(f, x: int) -> int:\n    return f(x)\n\n\n"
                                    "def main(n: int) -> int:\n    return apply(make_adder(2), n)\n")
    assert "bad_idiom.fx:10:18:" in text and "returns a function" in text and "add = make_adder(...)" in text


def test_reduce_arity_is_located(tmp_path):
    text = _compile_error(tmp_path, "from functools import reduce\n\n\ndef main(n: int) -> int:\n"
                                    "    return reduce(max)\n")
    assert "bad_idiom.fx:5:12:" in text and "takes 2 or 3 arguments" in text


def test_column_of_star_zip_printed_is_located(tmp_path):
    """A column is a list compiled and a tuple interpreted: where that shows, an error."""
    text = _compile_error(tmp_path, "def main(n: int) -> int:\n    rows = [[n, 1], [2, 3]]\n"
                                    "    for col in zip(*rows):\n        print(col)\n    return 0\n")
    assert "bad_idiom.fx:4:15:" in text and "a column of `zip(*rows)`" in text and "list(col)" in text


def test_columns_of_star_zip_returned_are_located(tmp_path):
    text = _compile_error(tmp_path, "def main(n: int) -> int:\n    rows = [[n, 1], [2, 3]]\n"
                                    "    a, b = zip(*rows)\n    return a == b\n")
    assert "bad_idiom.fx:4:12:" in text and "a column of `zip(*rows)`" in text


def test_maketrans_deleting_characters_is_located(tmp_path):
    text = _compile_error(tmp_path, "def main(s: str) -> str:\n    return s.translate(str.maketrans(\"ab\", \"cd\", \"e\"))\n")
    assert "bad_idiom.fx:2:24:" in text and "third argument" in text and ".replace(c, \"\")" in text
    assert "name `str` is not defined" not in text


def test_unknown_str_method_through_the_type_is_located(tmp_path):
    text = _compile_error(tmp_path, "def main(s: str) -> str:\n    return str.uper(s)\n")
    assert "bad_idiom.fx:2:12:" in text and "no method `uper`" in text and "upper" in text
    assert "name `str` is not defined" not in text
