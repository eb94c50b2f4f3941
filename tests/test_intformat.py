"""hex/oct/bin of machine integers formatted natively and int(s, base) of plain ASCII digits
parsed natively (lower/intformat.py), everything else left to CPython: results, exceptions and
messages against tests/fx/intformat.fx run by CPython."""
from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fxload

PATH = os.path.join(fxload.FX_DIR, "intformat.fx")
I64 = st.integers(-2 ** 63, 2 ** 63 - 1)


@pytest.fixture(scope="module")
def both():
    return fxload.compiled(PATH), fxload.interpreted(PATH)


outcome = fxload.outcome


def same(both, name, *args):
    compiled, interpreted = both
    got, want = outcome(getattr(compiled, name), *args), outcome(getattr(interpreted, name), *args)
    if want[0] == "ok" and isinstance(want[1], int) and not -2 ** 63 <= want[1] < 2 ** 63:
        want = ("OverflowError", got[1])     # the declared i64 result cannot hold it
    assert got == want, (name, args)
    return got


EDGES = [0, 1, -1, 15, 16, -16, 255, 2 ** 31, 2 ** 63 - 1, -2 ** 63, -2 ** 63 + 1]


@pytest.mark.parametrize("n", EDGES)
@pytest.mark.parametrize("name", ["to_hex", "to_oct", "to_bin", "round_trip"])
def test_format_edges(both, name, n):
    same(both, name, n)


@settings(max_examples=200, deadline=None)
@given(n=I64)
def test_format_any(both, n):
    for name in ("to_hex", "to_oct", "to_bin", "round_trip"):
        same(both, name, n)


@pytest.mark.parametrize("name, n", [("small_hex", -128), ("small_hex", 127), ("small_hex", -1),
                                     ("byte_bin", 0), ("byte_bin", 255), ("big_hex", 2 ** 64 - 1),
                                     ("big_hex", 2 ** 63)])
def test_narrow_and_unsigned(both, name, n):
    same(both, name, n)


TEXTS = ["0", "-0", "+7", "ff", "FF", "0xff", "0XFF", "-0x10", "0x", "0x_ff", "1_000", " 12 ", "12\n",
         "", "-", "+", "--1", "0b101", "0o17", "0o8", "z", "Z", "7fffffffffffffff", "8000000000000000",
         "-8000000000000000", "-8000000000000001", "ffffffffffffffffffff", "١٢", "0x1g", "00012",
         "123456789012345678901234567890"]


@pytest.mark.parametrize("base", [0, 2, 8, 10, 16, 36, 1, 37, -1])
@pytest.mark.parametrize("text", TEXTS)
def test_parse(both, text, base):
    same(both, "parse", text, base)


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet="0123456789abcdefxXoOb+-_ ", max_size=20), base=st.sampled_from([0, 2, 8, 10, 16, 36]))
def test_parse_any(both, text, base):
    same(both, "parse", text, base)


def test_literal_in_loop(both):
    assert same(both, "literal_in_loop", 1000)[1] == 62
