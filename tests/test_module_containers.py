"""Module-level containers (frontend/module_containers.py): built natively at import in memory
that lives as long as the module, shared by the module's functions across calls with Python's
aliasing; `mod.NAME` a boxed copy; located errors for what could leave a container pointing
into a call's memory, and for containers the module level cannot hold."""
from __future__ import annotations

import io
import os
import contextlib

import pytest

import fxload
from fastext.compiler.diagnostics import CompileError
from fastext.compiler.driver import compile_source

PATH = os.path.join(fxload.FX_DIR, "modcontainers.fx")
NBODY = os.path.join(fxload.FX_DIR, "nbody_defaults.fx")


def _both():
    return fxload.compiled(PATH), fxload.interpreted(PATH)


def _calls(m):
    """The same sequence of calls on either module: state carried from call to call."""
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        out = ([m.bump_alias(1.0) for _ in range(3)], [m.tick() for _ in range(3)], m.pop_one(), m.stack_len(),
               m.square_sum(), m.scale_cfg(0, 2.0), m.scale_cfg(1, 0.5), m.pair_report(), m.local_lists(10),
               m.first_of_t(), m.first_of_t())
    return out, buf.getvalue()


def test_state_aliasing_and_snapshots_match_python():
    native, oracle = _both()
    assert _calls(native) == _calls(oracle)
    for name in ("A", "B", "T", "COUNTS", "STACK", "SQUARES", "CFG", "ITEMS", "PAIRS"):
        assert getattr(native, name) == getattr(oracle, name), name
    assert isinstance(native.CFG, dict) and list(native.CFG) == ["a", "b", "c"]


def test_snapshot_is_a_copy():
    native, _ = _both()
    before = native.A
    before[0] = -1.0
    assert native.A != before       # `mod.A` is a fresh boxed copy each time (documented)
    with pytest.raises(AttributeError):
        native.NOT_A_NAME


def test_pop_past_empty_raises_as_python():
    native, oracle = _both()
    for m in (native, oracle):
        while m.stack_len():
            m.pop_one()
        with pytest.raises(IndexError):
            m.pop_one()


def test_defaults_and_str_variable_keys():
    native, oracle = fxload.compiled(NBODY), fxload.interpreted(NBODY)
    outs = []
    for m in (native, oracle):
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            m.main(200, "sun")
        outs.append(buf.getvalue())
    assert outs[0] == outs[1] and outs[0].count("\n") == 2
    for m in (native, oracle):
        with pytest.raises(KeyError) as info:
            m.main(1, "pluto")
        assert str(info.value) == "'pluto'"


def _error(source: str) -> str:
    with pytest.raises(CompileError) as info:
        compile_source(source, "bad.fx", "bad")
    return str(info.value)


HEAD = "from fastext import f64, i64\nXS = [1.0, 2.0]\nNESTED = [XS, [3.0]]\n"


@pytest.mark.parametrize("body, message", [
    ("def f() -> None:\n    XS.append(3.0)\n", "cannot append to a list[f64]"),
    ("def f(ys: list[f64]) -> None:\n    ys.extend([1.0])\n", "cannot extend a list[f64]"),
    ("def f() -> None:\n    NESTED[0] = [5.0]\n", "cannot store an item that holds lists or strs into a list[list[f64]]"),
    ("def f() -> None:\n    NESTED.insert(0, [5.0])\n", "cannot insert into a list[list[f64]]"),
    ("def f() -> None:\n    XS[0:1] = [1.0, 2.0, 3.0]\n", "cannot assign a slice of a list[f64]"),
])
def test_growth_and_escape_are_refused(body, message):
    text = _error(HEAD + body)
    assert message in text and "bad.fx:" in text and "keep the shape they had at import" in text


def test_fresh_local_lists_grow_freely():
    compile_source(HEAD + "def f(n: i64) -> f64:\n    ys = [0.5]\n    for i in range(n):\n        ys.append(1.0)\n"
                   "    zs = [[y] for y in ys]\n    XS[0] = ys[0]\n    return sum(ys) + len(zs)\n", "ok.fx", "ok")


@pytest.mark.parametrize("source, message", [
    ("D = {1: 2.0}\n", "module-level dicts and sets are not supported"),
    # a set of constants is one (frontend/constsets.py); changing it is refused
    ("S = {1.0, 2.0}\ndef f() -> None:\n    S.add(3.0)\n", "the module-level set `S` could be changed or kept here"),
    ("D = {'a': [1.0]}\ndef f() -> f64:\n    return D['b'][0]\n", "KeyError: 'b' is not a key of `D`"),
    ("D = {'a': [1.0]}\ndef f() -> None:\n    D['c'] = [2.0]\n", "keys of the module-level dict `D` are fixed"),
    ("D = {'a': [1.0]}\ndef f() -> None:\n    D.clear()\n", "`D.clear(...)` of a module-level dict"),
    ("E = []\n", "module-level"),
    ("A = [1.0]\nA = [2.0]\n", "already bound at module level"),
    ("A = [B]\nB = [1.0]\n", "is used before it is assigned"),
])
def test_refused_module_containers(source, message):
    text = _error("from fastext import f64, i64\n" + source)
    assert message in text and "bad.fx:" in text
