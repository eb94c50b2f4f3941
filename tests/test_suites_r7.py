"""Programs in the styles of public benchmark suites and textbooks (issue 12, round 7), and the
idioms this round made compile: locals that start as None and later hold a value
(frontend/optionals.py), `nonlocal` in nested functions (frontend/nonlocals.py), class fields
holding lists of the class's own instances, `isinstance`/`type()` of values whose types are known
when compiled (frontend/typetests.py).  Each `.fx` under tests/fx/suites_r7/ is our own program,
annotated only where Python calls it; compiled, it prints and returns exactly what plain Python
does (`# ARGS:` line)."""
from __future__ import annotations

import pytest

import fxload

PROGRAMS = fxload.programs_in("suites_r7")


@pytest.mark.parametrize("program", PROGRAMS)
def test_program_prints_what_python_prints(program):
    fxload.assert_program_like_python("suites_r7", program)


def test_there_are_at_least_fifteen_programs():
    assert len(PROGRAMS) >= 15


OPTIONAL = """\
def first_negative(xs: list[float]):
    found = None
    for x in xs:
        if x < 0:
            found = x
            break
    return found


def pair_after(xs: list[int]):
    best = None
    for i in range(len(xs)):
        if best is None or xs[i] > best[1]:
            best = (i, xs[i])
    return best


def unguarded(xs: list[int]) -> int:
    top = None
    for x in xs:
        top = x
    return top + 1
"""


def test_optional_local_returns_none_or_the_value_to_python(tmp_path):
    path = tmp_path / "optional_returns.fx"
    path.write_text(OPTIONAL)
    native, plain = fxload.compiled(str(path)), fxload.interpreted(str(path))
    for xs in ([1.0, -2.5, -3.0], [1.0], []):
        assert native.first_negative(xs) == plain.first_negative(xs)
    assert native.first_negative([2.0]) is None
    for xs in ([3, 9, 4], []):
        assert native.pair_after(xs) == plain.pair_after(xs)
    assert native.unguarded([4, 5]) == plain.unguarded([4, 5]) == 6


def test_operand_that_is_still_none_raises_type_error(tmp_path):
    path = tmp_path / "optional_unguarded.fx"
    path.write_text(OPTIONAL)
    for mod in (fxload.compiled(str(path)), fxload.interpreted(str(path))):
        with pytest.raises(TypeError):
            mod.unguarded([])


def test_nonlocal_counter_in_a_closure(tmp_path):
    path = tmp_path / "cells.fx"
    path.write_text("def count_even(xs: list[int]) -> int:\n    count = 0\n\n    def visit(x: int):\n"
                    "        nonlocal count\n        if x % 2 == 0:\n            count += 1\n\n"
                    "    for x in xs:\n        visit(x)\n    return count\n")
    assert fxload.compiled(str(path)).count_even([1, 2, 4, 7, 8]) == 3


def test_nonlocal_of_a_name_the_enclosing_function_never_assigns_is_located(tmp_path):
    fxload.assert_located_error(tmp_path, """\
        def main(n: int) -> int:
            for k in range(n):
                pass

            def bump():
                nonlocal k
                k += 1

            bump()
            return n
        """, 6, 9, "`nonlocal k`: the enclosing function `main` does not assign it first", "`k = 0`")


def test_isinstance_of_an_array_item_type_is_located(tmp_path):
    fxload.assert_located_error(tmp_path, """\
        from fastext import i32


        def main(a: i32[:]) -> bool:
            return isinstance(a[0], int)
        """, 5, 23, "isinstance() of i32", "builtin numbers")


def test_none_local_read_by_a_closure_is_located(tmp_path):
    """A closure receives the local's value without its flag (a str would be read as nothing):
    such a local keeps the located error."""
    fxload.assert_located_error(tmp_path, """\
        def main(lines: list[str]) -> int:
            header = None

            def show() -> int:
                if header is None:
                    return 0
                return len(header)

            for ln in lines:
                header = ln
            return show()
        """, 2, 14, "`header` starts as None and a nested function reads it", "give it a first value of its type")


def test_module_str_variable_is_seen_by_python(tmp_path):
    path = tmp_path / "strglobal.fx"
    path.write_text('LAST = ""\n\n\ndef remember(s: str, n: int):\n    global LAST\n    LAST = s + str(n)\n')
    native = fxload.compiled(str(path))
    assert native.LAST == ""
    native.remember("ab", 3)
    assert native.LAST == "ab3"
