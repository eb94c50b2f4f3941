"""`s += ...` of a str local in a loop (lower/strbuild.py) and `s[a:b]` with int bounds
(lower/text.py), compiled vs interpreted (tests/fx/str_builder.fx)."""
import os

import pytest

import fxload

PATH = os.path.join(fxload.FX_DIR, "str_builder.fx")
NON_ASCII = "aé€😀\ud800z\udc80"      # 1- to 4-byte UTF-8, and lone surrogates (no UTF-8 form)


@pytest.fixture(scope="module")
def both():
    return fxload.compiled(PATH), fxload.interpreted(PATH)


def same(both, name, *args):
    got = [fxload.outcome(getattr(m, name), *args) for m in both]
    assert repr(got[0]) == repr(got[1])
    return got[0]


@pytest.mark.parametrize("name, args", [
    ("runs", ("1",)), ("runs", ("111221",)), ("runs", ("",)), ("runs", ("aaaébbb😀😀",)),
    ("chars_and_ints", ("", 3)), ("chars_and_ints", ("abc", 3)), ("chars_and_ints", (NON_ASCII, -5)),
    ("pieces", (["x", "yz"], 3)), ("pieces", ([NON_ASCII, "", "q"], 2)), ("pieces", (["\udc80"], 2)),
    ("fstrings", (7,)), ("doubling", (5,)), ("read_in_condition", (9,)),
    ("shared_prefix", (12,)),
    ("leave_early", ("abc;def", ";")), ("leave_early", ("abcdef", ";")), ("leave_early", (NON_ASCII, "z")),
    ("return_inside", (10, 4)), ("return_inside", (10, 40)),
    ("raise_inside", (10, 3)), ("raise_inside", (3, 10)),
    ("extremes", ([0, -1, 9, 10, -10, 2**63 - 1, -2**63, 1234567890123],)),
    ("small_ints", (9,)), ("nested_rows", (4, 5)), ("nested_rows", (0, 5)),
    ("items", ("héllo😀", [0, 1, 5, -1, -6, -2])), ("items", ("", [])),
    ("item_error", ("abc", 4)), ("item_error", ("abc", -5)), ("item_error", ("abc", -4)), ("item_error", ("abc", 3)),
    ("item_error", ("abc", 2**62)), ("item_error", ("abc", -2**62)),
    ("joins", (["ab", "c"], 4)), ("joins", ([], 0)), ("joins", ([NON_ASCII, "x"], 3)), ("joins", (["\udc80"], 2)),
])
def test_like_python(both, name, args):
    same(both, name, *args)


def test_joined_lines_print_like_python(both, capfd):
    printed = []
    for mod in both:
        result = mod.lines(40)
        printed.append((result, capfd.readouterr().out))
    assert printed[0] == printed[1]


def test_long_terms(both):
    """Terms of the look-and-say sequence up to 60 000 characters, built one run at a time."""
    compiled = interpreted = "1"
    for _ in range(40):
        compiled, interpreted = both[0].runs(compiled), both[1].runs(interpreted)
    assert compiled == interpreted and len(compiled) > 60_000     # (term 41: 63 138)


@pytest.mark.parametrize("text", ["", "hello world", NON_ASCII])
def test_slices(both, text):
    for a in range(-9, 10, 2):
        for b in range(-9, 10, 3):
            same(both, "slices", text, a, b)


def test_which_loops_build_bytes():
    """Only the loops that qualify write to a buffer; the others keep CPython's `+` and
    PyUnicode_Append (the str read in the loop, grown by itself, or under a `try`)."""
    from fastext.compiler.driver import compile_source
    from fastext.config import Options
    source = open(PATH).read() + '''

def guarded(n: int) -> str:
    s = ""
    try:
        for i in range(n):
            s += str(i)
    except ValueError:
        pass
    return s
'''
    ir_text = compile_source(source, "b.fx", "b", Options()).unoptimized_ir
    bodies = {}
    for chunk in ir_text.split("\ndefine ")[1:]:
        head = chunk.split("(", 1)[0]
        bodies[head.rsplit("@", 1)[-1].strip('"')] = chunk
    def builds(name):
        body = next(v for k, v in bodies.items() if k == f"fx.{name}" or k.endswith(f"fx.{name}"))
        return "PyUnicode_DecodeUTF8" in body
    for name in ("runs", "chars_and_ints", "pieces", "fstrings", "leave_early", "nested_rows", "small_ints",
                 "joins", "lines"):
        assert builds(name), name
    for name in ("doubling", "read_in_condition", "guarded"):
        assert not builds(name), name
    # `t[k]` of a str value: the character read in place, no int boxed, no PyObject_GetItem
    items = next(v for k, v in bodies.items() if k.endswith("fx.items"))
    assert "PyUnicode_ReadChar" in items and "PyObject_GetItem" not in items
