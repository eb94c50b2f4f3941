"""Fields of plain classes as Python programs write them (frontend/classes.py): dict, set and
nested-list fields, tuple fields, constructor arguments typed by the annotated parameters and
`range` loops of the function that calls the constructor — compiled against plain Python."""
from __future__ import annotations

import os

import pytest

import fxload

PATH = os.path.join(fxload.FX_DIR, "class_fields.fx")


@pytest.fixture(scope="module")
def both():
    return fxload.compiled(PATH), fxload.interpreted(PATH)


@pytest.mark.parametrize("name,args", [("run", (50,)), ("run", (0,)), ("main", (5, 0.5)), ("main", (2, 1.5)),
                                       ("bag", (4,))])
def test_like_python(both, name, args):
    compiled, plain = (fxload.outcome(getattr(m, name), *args) for m in both)
    assert compiled == plain


def test_a_str_field_is_still_located(tmp_path):
    text = fxload.compile_error(tmp_path, "class Tag:\n    def __init__(self, n: int):\n        self.name = 'x'\n"
                                          "        self.n = n\n\n\ndef f(n: int) -> int:\n    return Tag(n).n\n")
    assert "bad_program.fx:1:1:" in text and "field `name` of class `Tag` holds a str" in text and "hint:" in text
