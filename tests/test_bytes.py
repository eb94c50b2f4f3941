"""`bytes`/`bytearray`/`memoryview` parameters: a 1-D u8 view of the buffer, as in Python."""
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fxload
from fastext.compiler.driver import check_file

HERE = os.path.dirname(os.path.abspath(__file__))
BYTESCAN = os.path.join(HERE, "fx", "bytescan.fx")


@pytest.fixture(scope="module")
def both():
    return fxload.compiled(BYTESCAN), fxload.interpreted(BYTESCAN)


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=200), byte=st.integers(0, 255))
def test_scans_match_python(both, data, byte):
    native, oracle = both
    for buf in (data, bytearray(data), memoryview(data)):
        assert native.count(buf, byte) == oracle.count(buf, byte) == data.count(bytes([byte]))
        assert native.lines(buf) == oracle.lines(buf) == data.count(b"\n")


@settings(max_examples=200, deadline=None)
@given(n=st.integers(-10**15, 10**15))
def test_parse_int(both, n):
    native, oracle = both
    text = str(n).encode()
    assert native.parse_int(text) == oracle.parse_int(text) == n
    with pytest.raises(ValueError):
        native.parse_int(text + b"x")


def test_writes_need_a_writable_buffer(both):
    native, oracle = both
    a, b = bytearray(b"Hello, World"), bytearray(b"Hello, World")
    native.upper(a)
    oracle.upper(b)
    assert a == b == bytearray(b"HELLO, WORLD")
    with pytest.raises(ValueError, match="must be writable"):
        native.upper(b"read-only bytes")
    with pytest.raises(TypeError, match="argument 'data'"):
        native.count("text is str, not bytes", 1)


def test_ord_needs_a_one_character_literal(tmp_path):
    path = tmp_path / "badord.fx"
    path.write_text("from fastext import i64\n\n\ndef f(x: i64) -> i64:\n    return ord(\"ab\") + x\n")
    (d,) = check_file(str(path))
    assert "ord() takes a one-character string or bytes literal" in d.message
