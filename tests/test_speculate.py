"""Speculative pure loops (fastext/compiler/lower/speculate.py): vectorised when nothing
fails, replayed to raise the first error exactly where plain Python does."""
import array
import os

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from fastext.compiler.driver import compile_file
from fastext.config import Options
from fxload import FX_DIR, compiled, interpreted

PATH = os.path.join(FX_DIR, "speculate_kernels.fx")


@pytest.fixture(scope="module")
def mods():
    return compiled(PATH), interpreted(PATH)


def _outcome(f, *args):
    try:
        return "ok", f(*args)
    except IndexError as exc:   # array.array's message is its own; compiled code gives NumPy's
        return type(exc).__name__, None
    except Exception as exc:  # noqa: BLE001
        return type(exc).__name__, str(exc)


@settings(max_examples=25, deadline=None)
@given(n=st.integers(0, 70), seed=st.integers(0, 2**32 - 1))
def test_mul_av_bit_identical(mods, n, seed):
    fx, py = mods
    v = np.random.default_rng(seed).standard_normal(n)
    out_fx, out_py = np.zeros(n), np.zeros(n)
    fx.mul_av(v, out_fx)
    py.mul_av(v, out_py)
    assert out_fx.tobytes() == out_py.tobytes()


@settings(max_examples=120, deadline=None)
@given(n=st.integers(0, 40), zeros=st.lists(st.integers(0, 39), max_size=3),
       lo=st.integers(-3, 20), hi=st.integers(-3, 45), wlen=st.integers(0, 40))
def test_first_error_wins(mods, n, zeros, lo, hi, wlen):
    """ZeroDivisionError (v[j] == 0), ValueError (j == 13), IndexError (v or w too short)."""
    fx, py = mods
    v = np.linspace(0.5, 3.0, n)
    for z in zeros:
        if z < n:
            v[z] = 0.0
    w = np.linspace(-1.0, 1.0, wlen)
    v = array.array("d", v)       # Python floats under plain Python: 1.0 / 0.0 raises there too
    assert _outcome(fx.inv_sum, v, w, lo, hi) == _outcome(py.inv_sum, v, w, lo, hi)


@settings(max_examples=40, deadline=None)
@given(n=st.integers(0, 30), zero=st.integers(0, 35))
def test_locals_after_a_failure_are_plain_pythons(mods, n, zero):
    fx, py = mods
    v = np.linspace(1.0, 2.0, 30)
    if zero < 30:
        v[zero] = 0.0
    v = array.array("d", v)
    assert _outcome(fx.partial_sum, v, n) == _outcome(py.partial_sum, v, n)


def _replays(options=Options()) -> dict[str, int]:
    replays: dict[str, int] = {}
    for line in compile_file(PATH, options=options).unoptimized_ir.splitlines():
        if line.startswith("define"):
            name = line.split("@", 1)[1].split("(", 1)[0].strip('"')
        elif line.startswith("spec.replay"):
            replays[name] = replays.get(name, 0) + 1
    return replays


def test_no_speculation_of_unchecked_reads():
    """Bounds checks off: running past a failure could read where the program never reads."""
    replays = _replays(Options(boundscheck=False))
    assert "fx.mul_av" not in replays and "fx.inv_sum" not in replays


def test_loops_speculated_and_not():
    replays = _replays()
    assert replays.get("fx.mul_av") and replays.get("fx.inv_sum") and replays.get("fx.partial_sum")
    assert "fx.not_speculated_loop_callee" not in replays     # the callee loops: might not end
    assert "fx.not_speculated_store" not in replays           # the body stores


def test_spectral_inner_loop_divides_in_vectors():
    """The point: the divisions of mul_av's inner loop run as vector fdiv (gcc's vdivpd)."""
    ir = compile_file(PATH).llvm_ir
    start = ir.index("@fxw.mul_av(")
    body = ir[start:ir.index("\n}\n", start)]
    assert "fdiv <" in body and "x double>" in body
