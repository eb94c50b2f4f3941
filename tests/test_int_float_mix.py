"""Python's ints kept where the compiler stores f64 (frontend/intflags.py, frontend/intdicts.py).

`total = 0` then `total += x` over an empty list, `return 0` beside `return x / 2`, `dist[src] = 0`
in a dict of floats: plain Python holds (and prints) the int `0`, the compiled module used to
print `0.0`.  Every case here compares the compiled module's output with plain Python's, byte for
byte, and the types of the results."""
from __future__ import annotations

import os
import re

import pytest

import fxload
from fastext.compiler.driver import compile_source

FX = os.path.join(fxload.FX_DIR, "int_float_mix.fx")

CALLS = [
    ("total_of", ([],)), ("total_of", ([1.5, 2.0],)), ("total_of", ([-0.0],)),
    ("best_over", ([1.0], 2.0)), ("best_over", ([3.0], 2.0)),
    ("last_index", ([],)), ("last_index", ([1.0, 2.0],)), ("last_index", ([-1.0],)),
    ("picks", (-1.5,)), ("picks", (2.5,)), ("picks", (0.0,)),
    ("distances", (4, [(0, 1, 3), (1, 2, 4), (0, 2, 9)], 0)), ("distances", (3, [], 2)),
    ("relax", (5,)), ("relax", (2,)),
    ("floats_stay", ([],)), ("floats_stay", ([2.0],)),
    ("mixed_lists", (3, 0.5)), ("mixed_lists", (0, 2.0)), ("mixed_lists", (1, -1.0)),
    ("container_loops", (0,)), ("container_loops", (3,)),
    ("through_calls", (0,)), ("through_calls", (3,)),
    ("explicit_floats", (0,)), ("explicit_floats", (3,)),
    ("finally_result", (1.0,)), ("finally_result", (-1.0,)),
    ("comprehensions", ([],)), ("comprehensions", ([1.0, -2.0, 3.5],)),
    ("swaps", (0,)), ("swaps", (1,)), ("swaps", (4,)),
    ("survives_raise", ([], 0)), ("survives_raise", ([1.0], 3)), ("survives_raise", ([1.0, 2.5], 1)),
    ("float_of_held_int", ([],)), ("float_of_held_int", ([2.0],)),
    ("several_calls", (0,)), ("several_calls", (3,)), ("several_calls", (-2,)),
    ("calls_in_expressions", (0,)), ("calls_in_expressions", (3,)), ("calls_in_expressions", (-2,)),
]


@pytest.fixture(scope="module")
def mods():
    return fxload.interpreted(FX), fxload.compiled(FX)


def _run(mod, name, args, capsys):
    result = getattr(mod, name)(*args)
    return result, capsys.readouterr().out


@pytest.mark.parametrize("name,args", CALLS, ids=[f"{n}{i}" for i, (n, _) in enumerate(CALLS)])
def test_printed_like_python(mods, name, args, capsys):
    py, fx = mods
    want, want_out = _run(py, name, args, capsys)
    got, got_out = _run(fx, name, args, capsys)
    assert got_out == want_out
    assert repr(got) == repr(want)


@pytest.mark.parametrize("name,args", [("total_result", ([],)), ("total_result", ([0.5],)),
                                       ("half", (0,)), ("half", (-4,)), ("half", (3,)),
                                       ("result_of_call", (-1.0,)), ("result_of_call", (2.5,)),
                                       ("finally_result", (1.0,)), ("finally_result", (-1.0,)),
                                       ("call_result_in_expression", (-1.0,)),
                                       ("call_result_in_expression", (2.5,)),
                                       ("pair_result", ([],)), ("pair_result", ([-1.0],)),
                                       ("pair_result", ([0.5, 2.0],)), ("kept_pair", (1,)), ("kept_pair", (3,)),
                                       ("shortest", (4, [(0, 1, 3), (1, 2, 4), (0, 2, 9)], 0)),
                                       ("shortest", (3, [], 2)), ("scaled", ([1.5, 2.0], 2)), ("scaled", ([], 0)),
                                       ("maybe_empty", (-1,)), ("maybe_empty", (2,))])
def test_results_keep_their_type(mods, name, args):
    py, fx = mods
    want, got = getattr(py, name)(*args), getattr(fx, name)(*args)
    assert repr(got) == repr(want) and type(got) is type(want) and got == want


def test_float_sum_loop_unchanged():
    """The shadow of a float accumulator costs nothing in its loop: the entry point of
    `total = 0; for x in a: total += x` (the body inlined into it) has the same vectorised
    additions as the one starting from `0.0`, and only its result boxing differs."""
    src = ("from fastext import f64\n"
           "def s(a: f64[:]) -> float:\n    total = 0\n    for x in a:\n        total += x\n    return total\n"
           "def t(a: f64[:]) -> float:\n    total = 0.0\n    for x in a:\n        total += x\n    return total\n")
    art = compile_source(src, os.path.join(fxload.FX_DIR, "sumcheck.fx"), "sumcheck")
    bodies = {}
    for name in ("s", "t"):
        m = re.search(rf'^define [^\n]*@"?fxw\.{name}"?\(.*?^}}', art.llvm_ir, re.M | re.S)
        assert m, name
        bodies[name] = m.group(0)
    # Python's order: lanes folded in turn; vector loads as wide as the host's vectors
    for pattern in (r"fadd double", r"load <\d+ x double>"):
        assert len(re.findall(pattern, bodies["s"])) == len(re.findall(pattern, bodies["t"])) > 0, pattern
    assert "PyLong_FromDouble" in bodies["s"] and "PyLong_FromDouble" not in bodies["t"]
