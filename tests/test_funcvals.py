"""Functions as values (frontend/funcvals.py, frontend/templates.py), `while 1:`, for/else,
range values (frontend/rangevals.py), imports in bodies and `return a` of an array argument:
compiled results equal plain Python's, calls through function values are direct calls."""
from __future__ import annotations

import os
import re

import numpy as np
import pytest

import fxload
from fastext.compiler.driver import compile_file

FX = os.path.join(fxload.FX_DIR, "funcvals.fx")


@pytest.fixture(scope="module")
def mods():
    return fxload.compiled(FX), fxload.interpreted(FX)


@pytest.fixture(scope="module")
def art():
    return compile_file(FX)


def same(mods, name, *args):
    """The compiled and the interpreted function agree: the same value, or the same exception."""
    m, p = mods
    try:
        want = getattr(p, name)(*args)
    except Exception as e:
        with pytest.raises(type(e)):
            getattr(m, name)(*args)
        return None
    got = getattr(m, name)(*args)
    assert got == pytest.approx(want, rel=1e-12, abs=0), (name, args)
    return got


FLOATS = [-3.5, -1.0, -0.25, 0.0, 0.5, 1.0, 1.3, 2.0, 7.75, 1e3]


@pytest.mark.parametrize("n", [0, 1, 2, 5, 17])
def test_inferred_parameters_and_results(mods, n):
    for i in range(-1, 4):
        same(mods, "spectral_row", n, i)
    for x in FLOATS:
        same(mods, "inferred", n, x)


def test_inferred_result_type_promotes(mods):
    m, p = mods
    assert isinstance(m.inferred(2, 1.0), float)
    assert m.inferred(2, 1.0) == p.inferred(2, 1.0)   # _pick returns an int there under Python


@pytest.mark.parametrize("x", FLOATS)
def test_function_arguments(mods, x):
    a = np.linspace(-2.0, 3.0, 11) * x
    same(mods, "with_functions", x)
    same(mods, "with_lambdas", x, a)
    same(mods, "with_closures", x, x * 0.5 - 1.0, a)
    same(mods, "across_modules", x)
    same(mods, "aliased", x)
    same(mods, "local_imports", x)
    same(mods, "closure_over_array", a, x)


@pytest.mark.parametrize("n", [0, 1, 3, 10])
def test_defaults_closures_late_binding(mods, n):
    same(mods, "late_binding", n)
    same(mods, "run", n)
    same(mods, "run_both", n)


def test_namespace(mods):
    m, p = mods
    # an exported template's default instance; a module-level alias of a function
    assert m.run(4) == p.run(4)
    assert m.square_alias(3.0) == 9.0
    # the default is fixed: Python cannot pass another function
    with pytest.raises(TypeError):
        m.run(4, np.sin)
    # templates with parameters inferred from .fx callers are internal
    for name in ("eval_A", "apply", "twice", "compose", "_halve", "_sum_map"):
        assert hasattr(p, name) and not hasattr(m, name), name


def test_instances_are_direct_calls(art):
    text = art.unoptimized_ir
    for clone in (r"apply\$square_f64", r"apply\$cube_f64", r"twice\$square_f64", r"eval_A\$i64_i64",
                  r"_sum_map\$lambda\d+_\d+_f64_1d", r"run\$i64__slow_A"):
        assert re.search(rf'^define internal [^@]*@"fx\.{clone}"\(', text, re.M), clone
    assert re.search(r'call [^@(]*@"fx\.apply\$square_f64"\(', text)
    # no call in a compiled function goes through a pointer
    for ir_text in (art.unoptimized_ir, art.llvm_ir):
        body, indirect = None, []
        for line in ir_text.splitlines():
            if line.startswith("define"):
                body = line if '@"fx.' in line or "@fx." in line else None
            elif body and re.search(r'\bcall\b[^@]*?%("[^"]*"|[\w.$]+)\(', line):   # a callee in a register
                indirect.append((body, line))
        assert not indirect, indirect[:3]


@pytest.mark.parametrize("n", range(-3, 14))
def test_control_flow(mods, n):
    same(mods, "first_square_above", n)
    same(mods, "while_true_break", n)
    for stop in (-1, 0, 3, 20):
        same(mods, "for_else", n, stop)
    for x in range(-4, 16):
        same(mods, "range_values", n, x)


def test_returned_argument_is_the_object(mods):
    m, _ = mods
    x = np.arange(5.0)
    assert m.same(x) is x
    y = np.arange(4.0)
    out = m.same_scaled(y, 2.0)
    assert out is y and list(y) == [0.0, 2.0, 4.0, 6.0]
    b = np.arange(3, dtype=np.int64)
    p, q = m.pair(x, b, False)
    assert p is b and q is x
    p, q = m.pair(x, b, True)
    assert p is b and q is not x and list(q) == list(x[::-1]) and not np.shares_memory(q, x)
    view = x[1:4]
    assert m.same(view) is view
    assert list(m.via_fresh(4)) == [0.0, 1.0, 2.0, 3.0]


def test_unannotated_function_elsewhere_keeps_its_instances_apart(tmp_path):
    src = tmp_path / "inst.fx"
    src.write_text(
        "from fastext import f64, i64\n\n\n"
        "def add(a, b):\n    return a + b\n\n\n"
        "def ints(n: i64) -> i64:\n    return add(n, 2)\n\n\n"
        "def floats(x: f64) -> f64:\n    return add(x, 0.5)\n\n\n"
        "def arrays(a: f64[:]) -> f64[:]:\n    return add(a, a)\n")
    m, p = fxload.compiled(str(src)), fxload.interpreted(str(src))
    assert m.ints(5) == 7 and isinstance(m.ints(5), int)
    assert m.floats(1.0) == 1.5
    a = np.arange(3.0)
    assert list(m.arrays(a)) == list(p.arrays(a))


def test_operator_getters_are_keys_beside_np_vectorize(tmp_path):
    """`key=itemgetter(1)` is a call in a function-value position, as `np.vectorize(f)` is: the
    vectorize case must not turn every other call there away (it did: "not a function known at
    compile time")."""
    path = tmp_path / "getters.fx"
    path.write_text("from operator import itemgetter\n\n\ndef main() -> None:\n"
                    "    pairs = [(1, 'b'), (2, 'a')]\n    pairs.sort(key=itemgetter(1))\n    print(pairs)\n")
    assert fxload.program_output(fxload.compiled(str(path)), ()) == \
        fxload.program_output(fxload.interpreted(str(path)), ())
