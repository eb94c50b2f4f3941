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
                                       ("bag", (4,)), ("shop", (3,)), ("shop", (0,)), ("make", ("abcd", 3)),
                                       ("make", ("", 0)), ("stacked", (6,)), ("stacked", (0,))])
def test_like_python(both, name, args):
    compiled, plain = (fxload.outcome(getattr(m, name), *args) for m in both)
    assert compiled == plain


@pytest.mark.parametrize("name,n", [("shop", 3), ("filled", 7), ("filled", 0), ("accounts", 8), ("accounts", 1)])
def test_prints_what_python_prints(both, name, n):
    """str fields read in f-strings, a list of records, a dict of str keys, containers typed by
    what the methods store (`self.items = []` + `self.items.append(qty)`): stdout byte for byte."""
    import contextlib
    import io
    outputs = []
    for mod in both:
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            result = getattr(mod, name)(n)
        outputs.append(buf.getvalue() + repr(result))
    assert outputs[0] == outputs[1]


def test_str_fields_keep_no_reference_after_the_call(both):
    """A str stored in a field is kept by the call's arena and released when the call returns
    (lower/kept.py): the caller's object ends with the references it had."""
    import sys
    name = "".join(["ab", "cd"])
    before = sys.getrefcount(name)
    for _ in range(2000):
        both[0].make(name, 5)
    assert sys.getrefcount(name) == before


def test_a_class_holding_str_stays_inside(tmp_path):
    text = fxload.compile_error(tmp_path, "class Tag:\n    def __init__(self, n: int):\n        self.name = 'x'\n"
                                          "        self.n = n\n\n\ndef f(n: int) -> Tag:\n    return Tag(n)\n")
    assert "bad_program.fx:7:18:" in text and "str values" in text and "hint:" in text


def test_an_empty_dict_field_nothing_fills_is_located(tmp_path):
    text = fxload.compile_error(tmp_path, "class A:\n    def __init__(self):\n        self.d = {}\n\n\n"
                                          "def f(n: int) -> int:\n    return len(A().d)\n")
    assert "bad_program.fx:3:9:" in text and "cannot infer the key and value types of the dict field `d`" in text
    assert "self.d: dict[int, float] = {}" in text
