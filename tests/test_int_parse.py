"""hex/oct/bin and int(s, base) of str values: CPython's results and errors, also on the fast path."""
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fxload

PATH = os.path.join(fxload.FX_DIR, "intparse.fx")


@pytest.fixture(scope="module")
def both():
    return fxload.compiled(PATH), fxload.interpreted(PATH)


def outcome(f, *args):
    try:
        return ("ok", f(*args))
    except Exception as e:   # noqa: BLE001 - compared
        return (type(e).__name__, str(e))


@settings(max_examples=200, deadline=None)
@given(st.integers(-2**63, 2**63 - 1))
def test_round_trips(both, n):
    compiled, interpreted = both
    assert compiled.rt(n) == interpreted.rt(n)


@pytest.mark.parametrize("text, base", [
    ("ff", 16), ("z", 36), ("12", 1), ("12", 37), ("12", -1), ("xyz", 10), ("\u0661\u0662", 10),
    ("1\x002", 10), (" 7 ", 0), ("0b101", 0), ("0x", 16), ("1_000", 10), ("_1", 10), ("", 10),
    ("+0o17", 0), ("\ud800", 10), ("9" * 18, 10), ("-" + "9" * 18, 10),
])
def test_parse_like_int(both, text, base):
    compiled, interpreted = both
    assert outcome(compiled.parse, text, base) == outcome(interpreted.parse, text, base)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789abcdefxXoObB_ +-\t", max_size=12), st.sampled_from([0, 2, 8, 10, 16, 36]))
def test_parse_fuzz(both, text, base):
    compiled, interpreted = both
    assert outcome(compiled.parse, text, base) == outcome(interpreted.parse, text, base)
