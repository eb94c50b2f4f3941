"""`prange` parallel loops (tests/fx/prange.fx): compiled vs interpreted, at several thread counts.

Integer reductions must equal the interpreted result (and each other) at every thread
count; float reductions equal a Python model of the blocked sum exactly (block k of
`blocks(threads, trip count)` covers a contiguous range, partial results folded in block
order), and the interpreted result within rounding.  Errors raised in the body are
the ones the serial loop raises.  The thread count comes from fastext.set_num_threads
(the environment variable the compiled code reads at every loop) and, in a subprocess,
from FASTEXT_NUM_THREADS itself.
"""
from __future__ import annotations

import math
import os
import subprocess
import sys
import textwrap

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import fastext
import fxload
from fastext.compiler.lower.parallel import BLOCKS_PER_THREAD, MIN_FLAT_ITERATIONS

PATH = os.path.join(fxload.FX_DIR, "prange.fx")
THREADS = (1, 2, 3, 7)
SETTINGS = settings(max_examples=int(os.environ.get("FASTEXT_DIFF_EXAMPLES", "30")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def mods():
    return fxload.compiled(PATH), fxload.interpreted(PATH)


@pytest.fixture(autouse=True)
def restore_threads():
    saved = os.environ.get("FASTEXT_NUM_THREADS")
    yield
    if saved is None:
        os.environ.pop("FASTEXT_NUM_THREADS", None)
    else:
        os.environ["FASTEXT_NUM_THREADS"] = saved


def wrap64(x: int) -> int:
    return (x + 2**63) % 2**64 - 2**63


def chunk_bounds(count: int, chunks: int) -> list[tuple[int, int]]:
    q, r = divmod(count, chunks)
    return [(k * q + min(k, r), (k + 1) * q + min(k + 1, r)) for k in range(chunks)]


def blocks(threads: int, count: int, per_block: int = 1) -> int:
    """How many blocks a prange loop is cut into (docs/language.md)."""
    return 1 if threads == 1 else max(1, min(threads * BLOCKS_PER_THREAD, count // per_block))


def chunked_row_sum(a: np.ndarray, threads: int) -> float:
    """sum_rows_f's result, modelled: per-block accumulators from 0.0, folded in block order."""
    rows = a.shape[0]
    s = 0.0
    for lo, hi in chunk_bounds(rows, blocks(threads, rows)):
        acc = 0.0
        for i in range(lo, hi):
            for j in range(a.shape[1]):
                acc += float(a[i, j])
        s += acc
    return s


ints2d = hnp.arrays(np.int64, hnp.array_shapes(min_dims=2, max_dims=2, min_side=0, max_side=9),
                    elements=st.integers(-10**6, 10**6))
floats2d = hnp.arrays(np.float64, hnp.array_shapes(min_dims=2, max_dims=2, min_side=0, max_side=9),
                      elements=st.floats(-1e6, 1e6, allow_nan=False))


# ---------------------------------------------------------------------------- reductions

@SETTINGS
@given(a=ints2d, threads=st.sampled_from(THREADS), start=st.integers(-10**9, 10**9))
def test_int_sum_reductions(mods, a, threads, start):
    comp, interp = mods
    fastext.set_num_threads(threads)
    assert comp.sum_rows_i(a) == interp.sum_rows_i(a)
    assert comp.sub_rows_i(a, start) == interp.sub_rows_i(a, start)
    assert comp.several(a) == interp.several(a)


@SETTINGS
@given(a=ints2d, threads=st.sampled_from(THREADS))
def test_int_product_wraps_deterministically(mods, a, threads):
    comp, interp = mods
    fastext.set_num_threads(threads)
    assert comp.prod_rows_i(a) == wrap64(interp.prod_rows_i(a))


@SETTINGS
@given(a=hnp.arrays(np.int32, st.tuples(st.integers(0, 9), st.integers(0, 9))), threads=st.sampled_from(THREADS))
def test_int_min_max(mods, a, threads):
    comp, interp = mods
    fastext.set_num_threads(threads)
    assert comp.minmax_rows_i(a) == interp.minmax_rows_i(a)
    u = (a & 0xFF).astype(np.uint8)
    assert comp.max_u8_rows(u) == interp.max_u8_rows(u)


@SETTINGS
@given(a=floats2d, threads=st.sampled_from(THREADS), init=st.floats(-1e7, 1e7))
def test_float_reductions(mods, a, threads, init):
    comp, interp = mods
    fastext.set_num_threads(threads)
    got = comp.sum_rows_f(a)
    assert got == chunked_row_sum(a, threads)      # exactly: the chunking is the documented one
    assert math.isclose(got, interp.sum_rows_f(a), rel_tol=1e-9, abs_tol=1e-3)
    assert comp.minmax_rows_f(a, init) == interp.minmax_rows_f(a, init)   # min/max are exact
    z = comp.csum_rows(a, complex(init, -1.0))
    zi = interp.csum_rows(a, complex(init, -1.0))
    assert math.isclose(z.real, zi.real, rel_tol=1e-9, abs_tol=1e-3) and z.imag == zi.imag
    small = np.clip(a, -2.0, 2.0)
    assert math.isclose(comp.prod_rows_f(small), interp.prod_rows_f(small), rel_tol=1e-9, abs_tol=1e-300)


def test_float_result_depends_only_on_thread_count(mods):
    comp, _ = mods
    rng = np.random.default_rng(3)
    a = rng.standard_normal((64, 5)) * 10.0 ** rng.integers(-8, 9, size=(64, 5))
    seen = set()
    for threads in THREADS:
        fastext.set_num_threads(threads)
        results = {comp.sum_rows_f(a) for _ in range(5)}
        assert results == {chunked_row_sum(a, threads)}
        seen |= results
    assert len(seen) > 1       # the blocks do change the association (the model is not vacuous)


def test_int_reductions_equal_across_thread_counts(mods):
    comp, interp = mods
    rng = np.random.default_rng(7)
    a = rng.integers(-2**40, 2**40, size=(37, 11))
    expected = (wrap64(interp.sum_rows_i(a)), wrap64(interp.prod_rows_i(a)), interp.several(a))
    for threads in THREADS:
        fastext.set_num_threads(threads)
        assert (comp.sum_rows_i(a), comp.prod_rows_i(a), comp.several(a)[:3]) == (expected[0], expected[1],
                                                                                   expected[2][:3])


# ---------------------------------------------------------------------------- array writes, shapes, ranges

@SETTINGS
@given(a=floats2d, threads=st.sampled_from(THREADS), k=st.floats(-10, 10))
def test_array_writes(mods, a, threads, k):
    comp, interp = mods
    fastext.set_num_threads(threads)
    out_c, out_i = np.zeros_like(a), np.zeros_like(a)
    comp.scale_rows(a, out_c, k)
    interp.scale_rows(a, out_i, k)
    assert np.array_equal(out_c, out_i)
    assert comp.nested(a) == pytest.approx(interp.nested(a), rel=1e-9, abs=1e-3)
    strided = a[::-1, ::2]
    out_c, out_i = np.zeros_like(strided), np.zeros_like(strided)
    comp.scale_rows(strided, out_c, k)
    interp.scale_rows(strided, out_i, k)
    assert np.array_equal(out_c, out_i)


@SETTINGS
@given(start=st.integers(-40, 40), stop=st.integers(-40, 40), step=st.integers(-7, 7).filter(bool),
       threads=st.sampled_from(THREADS))
def test_steps_and_negative_ranges(mods, start, stop, step, threads):
    comp, interp = mods
    fastext.set_num_threads(threads)
    out_c, out_i = np.zeros(100, np.int64), np.zeros(100, np.int64)
    assert comp.stepped(start, stop, step, out_c) == interp.stepped(start, stop, step, out_i)
    assert np.array_equal(out_c, out_i)
    assert comp.stepped_sum(start, stop, step) == interp.stepped_sum(start, stop, step)


@pytest.mark.parametrize("threads", THREADS)
def test_tiny_and_empty_ranges(mods, threads):
    comp, interp = mods
    fastext.set_num_threads(threads)
    for shape in [(0, 0), (0, 5), (5, 0), (1, 1), (1, 4), (2, 3)]:
        a = np.arange(math.prod(shape), dtype=np.int64).reshape(shape) - 3
        assert comp.sum_rows_i(a) == interp.sum_rows_i(a)
        assert comp.prod_rows_i(a) == interp.prod_rows_i(a)
        assert comp.several(a) == interp.several(a)
    for args in [(0, 0, 1), (5, 5, -1), (0, 1, 1), (3, -3, -5), (0, 10, 100)]:
        assert comp.stepped_sum(*args) == interp.stepped_sum(*args)
    with pytest.raises(ValueError, match="must not be zero"):
        comp.stepped_sum(0, 5, 0)
    for n in (0, 1, 2, 3, 1000):
        assert comp.count_flat(n) == interp.count_flat(n)


@pytest.mark.parametrize("threads", THREADS)
def test_flat_bodies_long_enough_for_threads(mods, threads):
    """A flat body runs in threads from MIN_FLAT_ITERATIONS iterations a thread on."""
    comp, interp = mods
    fastext.set_num_threads(threads)
    n = MIN_FLAT_ITERATIONS * threads + 5
    assert comp.count_flat(n) == sum(i ^ (i >> 3) for i in range(n))
    a = np.random.default_rng(threads).standard_normal(n)
    out = np.zeros_like(a)
    comp.flat_square(a, out)
    assert np.array_equal(out, a * a)
    model = 0.0
    for lo, hi in chunk_bounds(n, blocks(threads, n, MIN_FLAT_ITERATIONS)):   # accumulate: left to right
        model += float(np.add.accumulate(a[lo:hi])[-1])
    assert comp.flat_sum(a) == model
    comp.calls_parallel(a, out)
    assert np.array_equal(out, a * a + 1.0)


def test_a_prange_loop_called_from_a_prange_body_runs_serially(mods):
    comp, interp = mods
    rng = np.random.default_rng(5)
    a = rng.standard_normal((40, 3)) * 10.0 ** rng.integers(-8, 9, size=(40, 3))
    assert chunked_row_sum(a, 1) != chunked_row_sum(a, 3)
    fastext.set_num_threads(3)
    out = np.zeros(6)
    comp.nested_calls(a, out)
    assert list(out) == [chunked_row_sum(a, 1)] * 6       # one block: the serial order
    assert comp.sum_rows_f(a) == chunked_row_sum(a, 3)    # and in parallel again afterwards


def test_two_loops_share_a_temporary_name(mods):
    comp, interp = mods
    fastext.set_num_threads(3)
    a = np.arange(10.0)
    out_c, out_i = np.zeros(10), np.zeros(10)
    assert comp.two_loops(a, out_c) == interp.two_loops(a, out_i)
    assert np.array_equal(out_c, out_i)


# ---------------------------------------------------------------------------- errors

@SETTINGS
@given(n=st.integers(0, 60), bad1=st.integers(-1, 60), bad2=st.integers(-1, 60), threads=st.sampled_from(THREADS))
def test_error_raised_is_the_serial_one(mods, n, bad1, bad2, threads):
    comp, interp = mods
    fastext.set_num_threads(threads)
    outcomes = []
    for m in (comp, interp):
        try:
            outcomes.append(("ok", m.fail_at(n, bad1, bad2)))
        except (ValueError, KeyError) as e:
            outcomes.append((type(e), str(e)))
    assert outcomes[0] == outcomes[1]


@pytest.mark.parametrize("threads", THREADS)
def test_errors_in_the_body(mods, threads):
    comp, interp = mods
    fastext.set_num_threads(threads)
    a = np.ones((6, 6))
    assert comp.index_error(a, 0) == interp.index_error(a, 0)
    with pytest.raises(IndexError, match="index 6 is out of bounds for axis 1 with size 6"):
        comp.index_error(a, 1)    # row 5 is the first failing one: col 6
    with pytest.raises(IndexError, match="index 6 is out of bounds"):
        interp.index_error(a, 1)
    d = np.array([1, 2, 0, 3, 0, 1])
    ai = np.arange(36).reshape(6, 6)
    with pytest.raises(ZeroDivisionError):
        comp.div_rows(ai, d)
    d[2] = d[4] = 5
    assert comp.div_rows(ai, d) == interp.div_rows(ai, d)
    assert comp.caught(20, 13) == interp.caught(20, 13) == -1
    assert comp.caught(20, 99) == 0
    assert comp.caught_inside(50, 7) == interp.caught_inside(50, 7)


# ---------------------------------------------------------------------------- thread count setting

def test_num_threads_api(monkeypatch):
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)   # (Dask's nanny sets it in-process)
    fastext.set_num_threads(3)
    assert os.environ["FASTEXT_NUM_THREADS"] == "3"
    assert fastext.get_num_threads() == 3
    for bad, exc in [(0, ValueError), (-2, ValueError), (1.5, TypeError), ("2", TypeError), (True, TypeError)]:
        with pytest.raises(exc):
            fastext.set_num_threads(bad)
    os.environ["FASTEXT_NUM_THREADS"] = "lots"
    assert fastext.get_num_threads() == len(os.sched_getaffinity(0))
    del os.environ["FASTEXT_NUM_THREADS"]
    assert fastext.get_num_threads() == len(os.sched_getaffinity(0))


SUBPROCESS = textwrap.dedent("""
    import importlib.util, sys, numpy as np, fastext
    spec = importlib.util.spec_from_file_location("prange", sys.argv[1])
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    a = np.array([[1e16], [1.0], [1.0], [-1e16], [1.0], [1.0], [1.0]])
    print(fastext.get_num_threads(), m.sum_rows_f(a), m.sum_rows_i(np.arange(12).reshape(4, 3)))
""")


@pytest.mark.parametrize("threads", THREADS)
def test_environment_variable_in_a_subprocess(mods, threads):
    comp, _ = mods
    env = dict(os.environ, FASTEXT_NUM_THREADS=str(threads))
    out = subprocess.run([sys.executable, "-c", SUBPROCESS, comp.__file__], env=env, capture_output=True,
                         text=True, check=True).stdout.split()
    a = np.array([[1e16], [1.0], [1.0], [-1e16], [1.0], [1.0], [1.0]])
    assert out == [str(threads), repr(chunked_row_sum(a, threads)), str(sum((i // 3 + 1) * i for i in range(12)))]


@pytest.mark.parametrize("value", [" +3", "2x", "0", "-2", "", "5000", "1_0"])
def test_compiled_code_and_api_read_the_variable_alike(mods, value):
    """Odd values: the compiled code and get_num_threads() agree (ignored → the CPU count)."""
    comp, _ = mods
    env = dict({k: v for k, v in os.environ.items() if k != "OMP_NUM_THREADS"}, FASTEXT_NUM_THREADS=value)
    out = subprocess.run([sys.executable, "-c", SUBPROCESS, comp.__file__], env=env, capture_output=True,
                         text=True, check=True).stdout.split()
    a = np.array([[1e16], [1.0], [1.0], [-1e16], [1.0], [1.0], [1.0]])
    assert out[1] == repr(chunked_row_sum(a, int(out[0])))
    expected = {" +3": 3, "5000": 1024}.get(value, len(os.sched_getaffinity(0)))
    assert int(out[0]) == expected


def test_default_thread_count_is_the_affinity_mask(mods):
    comp, _ = mods
    env = {k: v for k, v in os.environ.items() if k not in ("FASTEXT_NUM_THREADS", "OMP_NUM_THREADS")}
    cpus = len(os.sched_getaffinity(0))
    out = subprocess.run([sys.executable, "-c", SUBPROCESS, comp.__file__], env=env, capture_output=True,
                         text=True, check=True).stdout.split()
    a = np.array([[1e16], [1.0], [1.0], [-1e16], [1.0], [1.0], [1.0]])
    assert out[:2] == [str(cpus), repr(chunked_row_sum(a, cpus))]


# ---------------------------------------------------------------------------- generated code

SMALL = textwrap.dedent("""
    from fastext import f64, prange

    def sum_rows_f(a: f64[:, :]) -> f64:
        s = 0.0
        for i in prange(a.shape[0]):
            for j in range(a.shape[1]):
                s += a[i, j]
        return s
""")


def test_threads_are_created_with_pthreads():
    from fastext.compiler.driver import compile_source
    art = compile_source(SMALL, "small.fx", "small", emit_asm=True)
    # a persistent pool (lower/threadpool.py): threads are created once and never joined
    assert "pthread_create" in art.assembly and "pthread_cond_wait" in art.assembly
    assert "pthread_join" not in art.assembly
    assert "@pthread_create" in art.llvm_ir and "sched_getaffinity" in art.llvm_ir


def test_prange_functions_release_the_gil():
    from fastext.compiler.analysis import analyse
    from fastext.compiler.frontend import check_source
    from fastext.compiler.source import SourceFile
    with open(PATH, encoding="utf-8") as f:
        module, diags = check_source(SourceFile(PATH, f.read()), "prange")
    assert not diags.items
    analyse(module)
    fns = module.functions
    assert fns["flat_sum"].nogil and fns["calls_parallel"].nogil   # directly, and through a call
    assert not fns["_helper"].nogil


def test_jit_path_runs_threads():
    import importlib.machinery
    from fastext.compiler import jit
    from fastext.compiler.driver import compile_source
    from fastext.config import Options
    art = compile_source(SMALL, "small.fx", "prange_jit", Options(jit=True))
    mod = jit.load_extension(art.object_code, importlib.machinery.ModuleSpec("prange_jit", None), "prange_jit")
    a = np.array([[1e16], [1.0], [1.0], [-1e16], [1.0], [1.0], [1.0]])
    for threads in (1, 3):
        fastext.set_num_threads(threads)
        assert mod.sum_rows_f(a) == chunked_row_sum(a, threads)


def test_interpreted_prange_is_range():
    from fastext import dialect
    assert dialect.prange is range


@pytest.mark.parametrize("threads", [1, 2, 3])
def test_arrays_allocated_in_the_body(mods, threads):
    m, py = mods
    fastext.set_num_threads(threads)
    a = np.arange(600, dtype=np.float64).reshape(100, 6)
    before = m.__fastext_live_blocks__()
    for _ in range(3):
        total, out = m.alloc_rows(a)
        want_total, want_out = py.alloc_rows(a)
        assert total == want_total and np.array_equal(out, want_out)
        del out
    assert m.__fastext_live_blocks__() == before     # the scratch arrays of every thread were freed



def test_a_function_with_objects_and_a_prange_loop(mods):
    m, py = mods
    fastext.set_num_threads(2)
    a = np.arange(60, dtype=np.float64).reshape(10, 6)
    assert m.with_callback(lambda t: t / 2, a) == py.with_callback(lambda t: t / 2, a) == a.sum() / 2
    with pytest.raises(ZeroDivisionError):
        m.with_callback(lambda t: 1 / 0, a)
