"""Self-recursive functions: unrolled one level into themselves (lower/recursion.py), results
and errors as plain Python; and the native calling convention's status folded by LLVM for
functions that cannot raise (docs/ARCHITECTURE.md, "Native calling convention")."""
from __future__ import annotations

import os
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fxload
from fastext.compiler.driver import compile_file
from fastext.compiler.frontend import check_source
from fastext.compiler.lower.recursion import unrollable
from fastext.compiler.source import SourceFile

FX = os.path.join(fxload.FX_DIR, "recursion.fx")


@pytest.fixture(scope="module")
def art():
    return compile_file(FX)


def both():
    return fxload.compiled(FX), fxload.interpreted(FX)


def test_which_functions_are_unrolled():
    with open(FX) as f:
        module, _ = check_source(SourceFile(FX, f.read()), "recursion")
    got = {name for name, fn in module.functions.items() if unrollable(fn)}
    assert got == {"fib", "fib_checked", "ackermann", "tri_sum", "countdown"}


def test_clone_is_emitted_and_inlined(art):
    assert re.search(r'^define internal [^@]*@"?fx\.fib\.rec"?\(', art.unoptimized_ir, re.M)
    assert not re.search(r'^define [^@]*@"?fx\.fib\.rec"?\(', art.llvm_ir, re.M), "the clone is alwaysinline"
    assert not re.search(r'call [^\n]*@"?fx\.fib\.rec"?\(', art.llvm_ir)
    assert "fx._is_even.rec" not in art.unoptimized_ir and "fx.loop_sum.rec" not in art.unoptimized_ir


def _define(text: str, name: str) -> str:
    m = re.search(rf'^define [^\n]*@"?fx\.{re.escape(name)}"?\(.*?^}}', text, re.M | re.S)
    assert m, name
    return m.group(0)


def test_status_of_a_function_that_cannot_raise_is_folded(art):
    """LLVM drops the status word of an internal function that always returns status 0:
    fib's body `fx.fib.r` (lower/recursion.py: the guard `fx.fib` enters it) returns a plain
    i64 and its (self-)calls test nothing, its stack check keeps it pure (it only reads the
    guard's record); fib_checked keeps {i32, i64}."""
    fib = _define(art.llvm_ir, "fib.r")
    assert re.match(r"define internal [^@]*\bi64 @\"?fx\.fib\.r\"?\(ptr [^,]*, i64 %n\)", fib), fib.splitlines()[0]
    assert "extractvalue" not in fib and "{ i32, i64 }" not in fib
    # identical pure calls of the two inlined levels merge: 3 calls per two levels, not 4
    assert len(re.findall(r"call [^\n]*@\"?fx\.fib\.r\"?\(", fib)) == 3
    attrs = re.search(r"; Function Attrs: ([^\n]*)\n" + re.escape(fib.splitlines()[0]), art.llvm_ir)
    assert attrs and "memory(argmem: read)" in attrs.group(1), attrs
    checked = _define(art.llvm_ir, "fib_checked.r")
    assert "{ i32, i64 }" in checked.splitlines()[0]
    assert "extractvalue" in checked      # its callers test the status


@pytest.mark.parametrize("n", [0, 1, 2, 3, 4, 5, 20, 25])
def test_fib(n):
    native, oracle = both()
    assert native.fib(n) == oracle.fib(n)
    assert native.fib_checked(n) == oracle.fib_checked(n) == native.fib(n)


def test_errors_propagate_through_the_unrolled_levels():
    native, oracle = both()
    for m in (native, oracle):
        with pytest.raises(ValueError, match="^fib_checked\\(\\) of a negative number$"):
            m.fib_checked(-1)
        with pytest.raises(OverflowError, match="^countdown\\(\\) below zero$"):
            m.countdown(7)      # 7, 5, 3, 1, -1: raises four levels down (both copies in play)
        assert m.countdown(8) is None
        with pytest.raises(ValueError, match="^cannot convert float NaN to integer$"):
            m.tri_sum(float("nan"), 3)


def test_deep_native_recursion():
    native = fxload.compiled(FX)
    assert native.countdown(200_000) is None
    assert native.parity(100_001) is False


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2), st.integers(0, 6))
def test_ackermann(m, n):
    native, oracle = both()
    assert native.ackermann(m, n) == oracle.ackermann(m, n)


@settings(max_examples=60, deadline=None)
@given(st.floats(-1e6, 1e6), st.integers(-1, 12))
def test_tri_sum(x, depth):
    native, oracle = both()
    assert native.tri_sum(x, depth) == oracle.tri_sum(x, depth)


@settings(max_examples=40, deadline=None)
@given(st.integers(-3, 300))
def test_parity_and_loop_sum(n):
    native, oracle = both()
    assert native.parity(max(n, 0)) == oracle.parity(max(n, 0))
    assert native.loop_sum(n) == oracle.loop_sum(n)
