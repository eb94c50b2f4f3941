"""Round 8 trust checks: what the surface fuzzer found (tests/surfacefuzz.py), compiled against
plain Python, and its fixed-seed smoke slice.  Each case of tests/fx/trust_r8.fx failed before
its fix (a silent difference, a crash or an internal compiler error)."""
from __future__ import annotations

import contextlib
import io
import os

import pytest

import fxload

FX = os.path.join(fxload.FX_DIR, "trust_r8.fx")


@pytest.fixture(scope="module")
def both():
    return fxload.compiled(FX), fxload.interpreted(FX)


def run(fn, *args):
    """(stdout, outcome) of one call."""
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        out = fxload.outcome(fn, *args)
    return buf.getvalue(), out


CASES = [
    ("key_after_own_class", ("eel",)), ("key_after_own_class", ("",)),
    ("lookup_after_own_class", (1,)), ("lookup_after_own_class", (7,)),
    ("partition_or_param", (1.0, "1,2,,3")), ("partition_or_param", (0.0, "1,2,,3")),
    ("partition_or_param", (-1.0, "abc")),
    ("item_or_object", (1.0, "1,2")), ("item_or_object", (-1.0, "a,b")), ("item_or_object", (-1.0, "x7")),
    ("repr_or_param", (3, "ab")), ("repr_or_param", (-4, "ab")), ("repr_or_param", (0, "")),
    ("truth_of_values", (1, "")), ("truth_of_values", (7, "a")), ("truth_of_values", (0, "ab")),
    ("closure_str_after_loop", (2, "")), ("closure_str_after_loop", (-3, "abc")),
]


@pytest.mark.parametrize("name,args", CASES)
def test_finding_agrees_with_python(both, name, args):
    native, oracle = both
    got = run(getattr(native, name), *args)
    assert got == run(getattr(oracle, name), *args)
    assert got[1][0] == "ok", got


def test_conditional_item_keeps_its_reference(both):
    """Repeated calls: an over-released str would be freed while the caller still holds it."""
    native, _ = both
    text = "".join(["1,2,", "3"])      # a str object of this test's own
    for _ in range(2000):
        with contextlib.redirect_stdout(io.StringIO()):
            assert native.partition_or_param(1.0, text) == "2,3!"
    assert text == "1,2,3"


def test_interpreted_dataclass_with_string_annotations(both):
    """The oracle loader ran `@dataclass` under `from __future__ import annotations` outside
    sys.modules (AttributeError in dataclasses); it stays out of sys.modules afterwards."""
    import sys
    _, oracle = both
    assert repr(oracle.Pt(3)) == "Pt(k=3, w=0.5)"
    assert sys.modules.get("trust_r8") is not oracle


def test_nested_error_after_a_loop_is_reported(tmp_path):
    """An error in a nested function's body was dropped when the enclosing function was checked
    a second time (its loop), leaving the instance without a body: now the located error."""
    fxload.assert_located_error(tmp_path, """
        def f(b: int, s: str) -> int:
            def inner(q: int) -> int:
                return q + s
            for v in range(2):
                xs = [-100, 7]
            return inner(b)
        """, 4, 16, "unsupported operand type for +", "")
