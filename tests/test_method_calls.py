"""Method calls on Python objects compiled as `PyObject_CallMethodObjArgs` (by an interned name,
no bound method) when their arguments cannot fail: results and exceptions against CPython's,
including the order of the attribute lookup and a failing argument."""
from __future__ import annotations

import os

import pytest

import fxload

PATH = os.path.join(fxload.FX_DIR, "method_calls.fx")


@pytest.fixture(scope="module")
def both():
    return fxload.compiled(PATH), fxload.interpreted(PATH)


outcome = fxload.outcome


@pytest.mark.parametrize("name, args", [
    ("pack_bits", (0,)), ("pack_bits", (13,)), ("pack_bits", (64,)),
    ("append_value", (0,)), ("append_value", (255,)), ("append_value", (256,)), ("append_value", (-1,)),
    ("missing_method", (3,)), ("missing_before_argument", (0,)), ("missing_before_argument", (2,)),
    ("list_methods", ([],)), ("list_methods", ([3],)),
])
def test_same_as_python(both, name, args):
    compiled, interpreted = both
    if name == "list_methods":
        xs, ys = list(args[0]), list(args[0])
        assert outcome(compiled.list_methods, xs, 5) == outcome(interpreted.list_methods, ys, 5) and xs == ys
        return
    got, want = outcome(getattr(compiled, name), *args), outcome(getattr(interpreted, name), *args)
    assert got == want


def test_by_interned_name():
    from fastext.compiler.driver import compile_file
    ll = compile_file(PATH).llvm_ir
    assert "@PyObject_CallMethodObjArgs" in ll
