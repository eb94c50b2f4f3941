"""Scripts as people write them (issue 12), round 8: word counts with Counter and defaultdict,
a stack machine returning `-> list`, a bank of accounts built from f-string names in a
comprehension whose methods append `(kind, amount)` tuples to a list field, a grid BFS with
deque, itertools pipelines, aligned tables with f-string and %-formatting, and bare `-> list`,
`-> dict`, `-> tuple` results.  Each prints and returns exactly what plain Python does."""
from __future__ import annotations

import pytest

import fxload

PROGRAMS = fxload.programs_in("scripts_r8")


@pytest.mark.parametrize("program", PROGRAMS)
def test_program_prints_what_python_prints(program):
    fxload.assert_program_like_python("scripts_r8", program)


def test_int_and_float_stores_into_one_list_field_are_refused(tmp_path):
    # Python keeps `("wd", 20)` an int beside `("dep", 5.5)`: a list of float tuples would
    # print it as 20.0, so the field's type is not guessed
    fxload.assert_located_error(tmp_path, """
        class Account:
            def __init__(self):
                self.history = []

            def deposit(self, amount):
                self.history.append(("dep", amount))

            def withdraw(self, amount):
                self.history.append(("wd", amount))

        def main(n: int) -> int:
            a = Account()
            a.deposit(5.5)
            a.withdraw(20)
            return len(a.history)
        """, 4, 9, "cannot infer the item type of the list field `history`", "annotate it")
