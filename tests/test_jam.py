"""Unroll-and-jam of row loops (fastext/compiler/lower/jam.py) and the deferred zero-divisor
checks of speculative loops: results bit for bit as plain Python's, errors where Python
raises them, and the rows' divisions vectorised."""
import array
import os
import re

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from fastext.compiler.driver import compile_source
from fxload import FX_DIR, compiled, interpreted

PATH = os.path.join(FX_DIR, "jam_kernels.fx")


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


@settings(max_examples=30, deadline=None)
@given(n=st.integers(0, 45), seed=st.integers(0, 2**32 - 1), kernel=st.sampled_from(["av_inline", "av_helper"]))
def test_spectral_rows_bit_identical(mods, n, seed, kernel):
    fx, py = mods
    u = np.random.default_rng(seed).standard_normal(n)
    out_fx, out_py = np.zeros(n), np.zeros(n)
    getattr(fx, kernel)(u, out_fx, n)
    getattr(py, kernel)(u, out_py, n)
    assert out_fx.tobytes() == out_py.tobytes()


@settings(max_examples=20, deadline=None)
@given(n=st.integers(0, 30), seed=st.integers(0, 2**32 - 1), kernel=st.sampled_from(["av_inline", "av_helper"]))
def test_in_place_rows_run_in_order(mods, n, seed, kernel):
    """out is u: each row reads the rows stored before it, so the overlap check runs rows plainly."""
    fx, py = mods
    u_fx = np.random.default_rng(seed).standard_normal(n)
    u_py = u_fx.copy()
    getattr(fx, kernel)(u_fx, u_fx, n)
    getattr(py, kernel)(u_py, u_py, n)
    assert u_fx.tobytes() == u_py.tobytes()


@settings(max_examples=20, deadline=None)
@given(rows=st.integers(0, 20), cols=st.integers(0, 20), seed=st.integers(0, 2**32 - 1))
def test_matvec_and_pairwise_bit_identical(mods, rows, cols, seed):
    fx, py = mods
    rng = np.random.default_rng(seed)
    a, x = rng.standard_normal((rows, cols)), rng.standard_normal(cols)
    y_fx, y_py = np.zeros(rows), np.zeros(rows)
    fx.matvec(a, x, y_fx)
    py.matvec(a, x, y_py)
    assert y_fx.tobytes() == y_py.tobytes()
    o_fx, o_py = np.zeros(cols), np.zeros(cols)
    assert fx.pair_gaps(x, o_fx) == py.pair_gaps(x, o_py)
    assert o_fx.tobytes() == o_py.tobytes()


@settings(max_examples=60, deadline=None)
@given(n=st.integers(0, 30), k=st.integers(-40, 40), ulen=st.integers(0, 32))
def test_zero_division_raises_as_python(mods, n, k, ulen):
    """A zero divisor where i - j + k == 0 (any lane of a block), or u too short (IndexError)."""
    fx, py = mods
    u = array.array("d", np.linspace(1.0, 2.0, ulen))   # Python floats under plain Python: x / 0 raises
    out_fx, out_py = np.full(n, 7.0), np.full(n, 7.0)
    assert _outcome(fx.shifted, u, out_fx, n, k) == _outcome(py.shifted, u, out_py, n, k)
    assert out_fx.tobytes() == out_py.tobytes()      # the rows before the failing one are stored


def test_zero_division_message_and_integer_divisor(mods):
    fx, py = mods
    u = array.array("d", [1.0] * 20)
    with pytest.raises(ZeroDivisionError, match="^float division by zero$"):
        fx.shifted(u, np.zeros(20), 20, 3)
    for k in range(-2, 20):
        o_fx, o_py = np.zeros(20), np.zeros(20)
        assert _outcome(fx.int_floor, u, o_fx, 20, k) == _outcome(py.int_floor, u, o_py, 20, k)
        assert o_fx.tobytes() == o_py.tobytes()


def _function_ir(llvm_ir: str, name: str) -> str:
    """The optimised body of the entry point of `name` (its native body is inlined there)."""
    m = re.search(r"define [^\n]*@\"?fxw\.%s\"?\([^\n]*\{\n(.*?)\n\}" % re.escape(name), llvm_ir, re.S)
    assert m, f"no native function {name}"
    return m.group(1)


def _kernels_ir(names: list[str]) -> str:
    """jam_kernels.fx cut down to `_a` and `names` (a smaller module compiles faster), optimised."""
    with open(PATH, encoding="utf-8") as f:
        text = f.read()
    head, *defs = re.split(r"\n(?=def )", text)
    keep = [d for d in defs if re.match(r"def (_a|%s)\(" % "|".join(names), d)]
    return compile_source("\n".join([head] + keep), PATH, "jam_kernels").llvm_ir


def test_rows_divide_in_vector_lanes():
    """Eight rows' divisions in one vector instruction, the eight sums in one vector register:
    the row loop is jammed, not the inner loop vectorised along j with an ordered fold."""
    kernels = ["av_inline", "av_helper", "av_list"]
    llvm_ir = _kernels_ir(kernels)
    for kernel in kernels:
        body = _function_ir(llvm_ir, kernel)
        assert re.search(r"fdiv <(4|8) x double>", body), kernel
        # the rows' sums live in the lanes of one vector (an ordered fold keeps a scalar sum)
        assert re.search(r"= phi <(4|8) x double>", body), kernel


@settings(max_examples=20, deadline=None)
@given(n=st.integers(0, 30), seed=st.integers(0, 2**32 - 1))
def test_list_rows_bit_identical(mods, n, seed):
    fx, py = mods
    u = np.random.default_rng(seed).standard_normal(n).tolist()
    assert fx.av_list(u) == py.av_list(u)
    assert fx.rows_into(u, False) == py.rows_into(u, False)
    assert fx.rows_into(u, True) == py.rows_into(u, True)


def test_module_array_written_by_rows(mods):
    """Rows store into a module-level array that later rows read through a helper."""
    fx, py = mods
    for n in (9, 12, 10):
        assert fx.through_global(n) == py.through_global(n)
