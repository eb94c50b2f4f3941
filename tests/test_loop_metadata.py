"""Loop metadata the lowering attaches (lower/function.py: `store_loop`): a loop that carries no
value between iterations is vectorised without interleaving; a reduction keeps LLVM's choice."""
from __future__ import annotations

import numpy as np
import pytest

import fxload
from fastext.compiler import ir
from fastext.compiler.driver import check_module, compile_file
from fastext.compiler.lower.function import store_loop

SOURCE = """\
from fastext import f64, i64


def repeat(x: f64[:], y: f64[:], n: i64) -> None:
    for i in range(len(x)):
        for r in range(n):
            y[i * n + r] = x[i]


def scaled(x: f64[:], y: f64[:]) -> None:
    for i in range(len(x)):
        t = x[i] * 2.0
        y[i] = t + 1.0


def total(x: f64[:]) -> f64:
    s = 0.0
    for i in range(len(x)):
        s += x[i]
    return s


def counted(x: f64[:], y: f64[:], n: i64) -> None:
    k = 0
    for i in range(len(x)):
        for r in range(n):
            y[k] = x[i]
            k += 1


def carried(x: f64[:], y: f64[:]) -> None:
    prev = 0.0
    for i in range(len(x)):
        y[i] = x[i] - prev
        prev = x[i]
"""


@pytest.fixture(scope="module")
def path(tmp_path_factory):
    p = tmp_path_factory.mktemp("loopmeta") / "loopmeta.fx"
    p.write_text(SOURCE)
    return str(p)


def _loops(module, name):
    return [s for s in ir.walk(module.functions[name].body) if isinstance(s, ir.ForRange)]


def test_classification(path):
    module, _ = check_module(path, "loopmeta")
    outer, inner = _loops(module, "repeat")
    assert store_loop(inner.body) and not store_loop(outer.body)      # (not innermost)
    assert store_loop(_loops(module, "scaled")[0].body)               # a temporary assigned first
    assert not store_loop(_loops(module, "total")[0].body)            # a sum
    assert not store_loop(_loops(module, "carried")[0].body)          # `prev` read before assigned
    assert store_loop(_loops(module, "counted")[1].body)              # `k += 1`: a counter


def test_metadata_and_results(path):
    text = compile_file(path, "loopmeta").llvm_ir
    assert "llvm.loop.interleave.count" in text
    native, plain = fxload.compiled(path), fxload.interpreted(path)
    x = np.random.default_rng(3).random(37)
    for n in (0, 1, 3, 8, 33):
        a, b = np.zeros(37 * n), np.zeros(37 * n)
        for name in ("repeat", "counted"):
            a[:], b[:] = 0.0, 1.0
            getattr(native, name)(x, a, n)
            getattr(plain, name)(x, b, n)
            assert np.array_equal(a, b)
    for name in ("scaled", "carried"):
        a, b = np.zeros(37), np.zeros(37)
        getattr(native, name)(x, a)
        getattr(plain, name)(x, b)
        assert np.array_equal(a, b)
