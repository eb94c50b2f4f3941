"""The no-overlap (`noalias`) variant of entry points (fastext/abi/noalias.py).

Disjoint array arguments run a body whose data pointers are `noalias`; overlapping
ones (views of one buffer, the same array twice) must run the ordinary body and give
exactly what plain Python gives.
"""
import os

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from fastext.compiler.driver import compile_file
from fxload import FX_DIR, compiled, interpreted

PATH = os.path.join(FX_DIR, "noalias_kernels.fx")


@pytest.fixture(scope="module")
def mods():
    return compiled(PATH), interpreted(PATH)


def _run(mod, name, make):
    args = make()
    result = getattr(mod, name)(*args)
    return result, [np.array(a, copy=True) for a in args if isinstance(a, np.ndarray)]


def _same(mods, name, make):
    fx, py = mods
    r_fx, arrays_fx = _run(fx, name, make)
    r_py, arrays_py = _run(py, name, make)
    assert r_fx == r_py
    for a, b in zip(arrays_fx, arrays_py):
        assert a.tobytes() == b.tobytes()


@settings(max_examples=40, deadline=None)
@given(n=st.integers(1, 40), off=st.integers(-6, 6), same=st.booleans())
def test_reload_after_store_overlapping_and_apart(mods, n, off, same):
    def make():
        buf = np.arange(n + 12, dtype=np.float64)
        a = buf[6:6 + n]
        if same:
            return a, a
        b = buf[6 + off:] if off < n else np.arange(3, dtype=np.float64)
        return a, b
    _same(mods, "reload_after_store", make)


def test_overlap_is_observed(mods):
    """Guards the test itself: with b inside a the result differs from the disjoint case."""
    fx, _ = mods
    buf = np.zeros(10)
    assert fx.reload_after_store(buf, buf[3:]) == 1.0
    assert fx.reload_after_store(np.zeros(10), np.zeros(3)) == 0.0


@settings(max_examples=30, deadline=None)
@given(h=st.integers(1, 6), w=st.integers(1, 6), shift=st.integers(0, 3), apart=st.booleans(),
       negative=st.booleans())
def test_smear_2d_views(mods, h, w, shift, apart, negative):
    def make():
        base = np.linspace(0.0, 1.0, (h + 4) * (w + 5)).reshape(h + 4, w + 5)
        a = base[:h + 1, :w + 1]
        if negative:
            a = base[h::-1, :w + 1]    # rows reversed, innermost stride still the item size
        b = np.zeros((h, w)) if apart else base[shift:shift + h, 1:1 + w]
        return a, b
    _same(mods, "smear", make)


@settings(max_examples=30, deadline=None)
@given(n=st.integers(0, 30), oy=st.integers(0, 5), oz=st.integers(0, 5), c=st.floats(-4, 4))
def test_three_arrays(mods, n, oy, oz, c):
    def make():
        buf = np.linspace(-1.0, 1.0, 3 * n + 20)
        return buf[:n], buf[oy:oy + n], buf[oz + n:oz + 2 * n], c
    _same(mods, "axpy3", make)
    def make_apart():
        return np.linspace(0, 1, n), np.linspace(1, 2, n), np.linspace(2, 3, n), c
    _same(mods, "axpy3", make_apart)


def test_variant_built_only_where_it_pays():
    ir = compile_file(PATH).unoptimized_ir
    for name in ("reload_after_store", "smear", "axpy3"):
        header = next(line for line in ir.splitlines() if line.startswith("define") and f'"fx.{name}.noalias"' in line)
        assert header.count("noalias %") >= 2, header
    # one array, or arrays only read: no variant
    assert '"fx.one_array.noalias"' not in ir
    assert '"fx.read_only.noalias"' not in ir


def _body(ir: str, name: str) -> str:
    start = ir.index(f"@{name}(")
    return ir[start:ir.index("\n}\n", start)]


def test_noalias_survives_inlining_into_the_entry_point():
    """After O3 the entry point holds the variant inlined, its accesses in alias scopes."""
    ir = compile_file(PATH).llvm_ir
    for name in ("reload_after_store", "smear", "axpy3"):
        assert "!alias.scope" in _body(ir, f"fxw.{name}"), name
    assert "!alias.scope" not in _body(ir, "fxw.one_array")
