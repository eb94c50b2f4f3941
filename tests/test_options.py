"""@unchecked / @fastmath / @inline and `__fastext__`, and the contiguous fast path (SIMD)."""
import os
import re

import numpy as np
import pytest

import fxload
from fastext.compiler.driver import check_file, compile_file

HERE = os.path.dirname(os.path.abspath(__file__))
OPTIONS = os.path.join(HERE, "fx", "options.fx")


@pytest.fixture(scope="module")
def llvm_ir():
    return compile_file(OPTIONS, "options").llvm_ir


def _function(ir_text: str, name: str) -> str:
    """The body of one LLVM function (by exact symbol name)."""
    match = re.search(r'define [^\n]*@"?' + re.escape(name) + r'"?\(.*?\n}\n', ir_text, re.S)
    assert match, name
    return match.group(0)


def test_fastmath_reduction_vectorises(llvm_ir):
    body = _function(llvm_ir, "fxw.fsum")      # the contiguous variant is inlined into the entry point
    assert re.search(r"fadd reassoc[^\n]*<\d+ x double>", body), "no vector reduction with fastmath"


def test_plain_reduction_keeps_order(llvm_ir):
    body = _function(llvm_ir, "fxw.norm2")
    assert not re.search(r"fadd [^\n]*<\d+ x double>", body), "a reduction was reordered without fastmath"


def test_elementwise_loop_vectorises_with_checks_on(llvm_ir):
    body = _function(llvm_ir, "fxw.axpy")
    assert re.search(r"load <\d+ x double>", body) and re.search(r"store <\d+ x double>", body)


def test_inline_and_unchecked(llvm_ir):
    assert "alwaysinline" in llvm_ir or "fx._sq" not in llvm_ir
    native = fxload.compiled(OPTIONS)
    with pytest.raises(IndexError):
        native.checked_peek(np.arange(3), 5)
    assert native.peek(np.arange(3), 1) == 1 and native.peek(np.arange(3), 7) == -1


def test_results_match_interpreted_contiguous_and_strided():
    native, oracle = fxload.compiled(OPTIONS), fxload.interpreted(OPTIONS)
    rng = np.random.default_rng(1)
    for x in (rng.random(1000), rng.random(2001)[::2], rng.random(999)[::-1]):
        assert native.norm2(x) == oracle.norm2(x)
        assert native.fsum(x) == pytest.approx(oracle.fsum(x), rel=1e-12)   # reassociated
        y1, y2 = np.ones(len(x)), np.ones(len(x))
        native.axpy(2.0, x, y1)
        oracle.axpy(2.0, x, y2)
        assert np.array_equal(y1, y2)


def test_option_diagnostics(tmp_path):
    path = tmp_path / "badopts.fx"
    path.write_text('import socket_fx_nowhere\nfrom fastext import f64\n__fastext__ = {"boundscheck": 0, "speed": True}\n\n\n'
                    "@staticmethod\ndef f(x: f64) -> f64:\n    return x\n")
    messages = [d.message for d in check_file(str(path))]
    assert "cannot find the .fx module `socket_fx_nowhere`" in messages
    assert "option 'boundscheck' must be True or False" in messages
    assert "unsupported decorator `staticmethod`" in messages


def test_nogil_releases_the_gil_whatever_the_size(llvm_ir):
    """Default: calls with fewer than 1024 array elements keep the GIL (a size check guards
    PyEval_SaveThread); @nogil releases it unconditionally."""
    plain = _function(llvm_ir, "fxw.norm2")
    forced = _function(llvm_ir, "fxw.small_sum")
    # (signed or unsigned: the entry point's dimension check tells LLVM sizes are non-negative)
    threshold = re.compile(r"icmp (?:samesign )?(?:[su]gt i64 %[\w.]+, 1023|[su]ge i64 %[\w.]+, 1024)")
    assert "PyEval_SaveThread" in plain and threshold.search(plain)
    assert "PyEval_SaveThread" in forced and not threshold.search(forced)
    assert fxload.compiled(OPTIONS).small_sum(np.ones(3)) == 3.0
