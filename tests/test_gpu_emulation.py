"""The CPU emulator: the kernels of tests/fx/gpu_emul.fx (run as plain Python) against NumPy.

Covers the dialect under emulation: thread/block indices, shared arrays with syncthreads,
atomics, warp shuffles, device functions, exceptions from emulated threads, and streams /
events / graph capture in emulation mode.
"""
from __future__ import annotations

import os
import threading

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import fastext
from fastext import gpu
from fastext.gpu import emulator

FX = os.path.join(os.path.dirname(__file__), "fx", "gpu_emul.fx")


@pytest.fixture(autouse=True)
def emulated():
    gpu.emulate(True)
    yield
    gpu.emulate(None)


@pytest.fixture(scope="module")
def m():
    return fastext.load_interpreted(FX)


def rand(rng, *shape, dtype=np.float32):
    return rng.standard_normal(shape).astype(dtype)


@settings(max_examples=15, deadline=None)
@given(n=st.integers(1, 700), a=st.floats(-4, 4, width=32), block=st.sampled_from([32, 64, 128, 256]),
       seed=st.integers(0, 2**32 - 1))
def test_saxpy(m, n, a, block, seed):
    rng = np.random.default_rng(seed)
    x, y = rand(rng, n), rand(rng, n)
    out = np.full(n, np.nan, np.float32)
    m.saxpy[(n + block - 1) // block, block](a, x, y, out)
    np.testing.assert_allclose(out, np.float32(a) * x + y, rtol=1e-6, atol=1e-6)


@settings(max_examples=4, deadline=None)
@given(n=st.integers(1, 600), seed=st.integers(0, 2**32 - 1))
def test_block_sum_shared_memory_and_atomics(m, n, seed):
    x = rand(np.random.default_rng(seed), n)
    out = np.zeros(1, np.float32)
    m.block_sum[(n + 255) // 256, 256](x, out)
    np.testing.assert_allclose(out[0], x.astype(np.float64).sum(), rtol=1e-4, atol=1e-4)


def test_block_sum_device_arrays(m):
    x = np.arange(300, dtype=np.float32)
    dx, dout = gpu.to_device(x), gpu.to_device(np.zeros(1, np.float32))
    assert dx.emulated and dx.shape == (300,) and dx.dtype == np.float32
    m.block_sum[2, 256](dx, dout)
    assert dout.copy_to_host()[0] == x.sum()


@pytest.mark.parametrize("shape,block", [((9, 13), (4, 4)), ((16, 16), (8, 8)), ((5, 31), (32, 1))])
def test_stencil_2d(m, shape, block):
    a = rand(np.random.default_rng(1), *shape)
    out = np.zeros(shape, np.float32)
    grid = ((shape[1] + block[0] - 1) // block[0], (shape[0] + block[1] - 1) // block[1])
    m.stencil5[grid, block](a, out)
    ref = np.zeros_like(a)
    ref[1:-1, 1:-1] = np.float32(0.25) * (a[:-2, 1:-1] + a[2:, 1:-1] + a[1:-1, :-2] + a[1:-1, 2:]) - a[1:-1, 1:-1]
    np.testing.assert_allclose(out, ref, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("n,k,p", [(7, 5, 9), (16, 16, 16), (20, 3, 17)])
def test_sgemm_naive(m, n, k, p):
    rng = np.random.default_rng(n * k * p)
    a, b = rand(rng, n, k), rand(rng, k, p)
    c = np.full((n, p), np.nan, np.float32)
    m.sgemm_naive[((p + 7) // 8, (n + 7) // 8), (8, 8)](a, b, c)
    np.testing.assert_allclose(c, a @ b, rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize("n,k,p", [(16, 16, 16), (18, 20, 17)])
def test_sgemm_tiled_shared_16x16(m, n, k, p):
    rng = np.random.default_rng(n + k + p)
    a, b = rand(rng, n, k), rand(rng, k, p)
    c = np.full((n, p), np.nan, np.float32)
    m.sgemm_tiled[((p + 15) // 16, (n + 15) // 16), (16, 16)](a, b, c)
    np.testing.assert_allclose(c, a @ b, rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize("n,block", [(64, 64), (100, 128), (5, 32)])
def test_warp_shuffle_reduction(m, n, block):
    x = np.random.default_rng(n).random(n)
    out = np.zeros(1)
    m.warp_sum[(n + block - 1) // block, block](x, out)
    assert out[0] == pytest.approx(x.sum(), rel=1e-12)


def test_shuffle_xor_and_broadcast(m):
    x = np.random.default_rng(3).integers(-1000, 1000, 64)
    out = np.zeros(64, np.int64)
    m.butterfly_max[1, 64](x, out)
    for w in range(2):
        assert (out[w * 32:(w + 1) * 32] == x[w * 32:w * 32 + 4].max()).all()


def test_integer_atomics(m):
    x = np.random.default_rng(5).integers(0, 1000, 500).astype(np.int32)
    bins = np.zeros(7, np.int32)
    m.histogram[4, 128](x, bins)
    np.testing.assert_array_equal(bins, np.bincount(x % 7, minlength=7))


def test_exception_in_thread_names_block_and_thread(m):
    x, out = np.zeros(40, np.float32), np.zeros(40, np.float32)
    with pytest.raises(IndexError) as info:
        m.index_check[2, 32](x, out)    # 64 threads, 40 elements, no bounds test
    msg = str(info.value)
    assert "block (1, 0, 0)" in msg and "thread (8, 0, 0)" in msg


def test_exception_in_threaded_kernel_propagates():
    @gpu.kernel
    def boom(x: gpu_f32_1d()) -> None:
        gpu.syncthreads()
        if gpu.thread_idx.x == 5:
            raise ZeroDivisionError("bad")
        gpu.syncthreads()

    with pytest.raises(ZeroDivisionError, match=r"bad .*block \(0, 0, 0\), thread \(5, 0, 0\)"):
        boom[1, 64](np.zeros(1, np.float32))
    assert threading.active_count() < 8   # the block's threads are gone


def gpu_f32_1d():
    return fastext.f32[:]


def test_early_return_leaves_the_barrier():
    # threads that return before a syncthreads() do not block the others (sm_70+ behaviour)
    @gpu.kernel
    def partial(out: fastext.i64[:]) -> None:
        t = gpu.thread_idx.x
        if t >= 10:
            return
        buf = gpu.shared.array(10, fastext.i64)
        buf[t] = t
        gpu.syncthreads()
        out[t] = buf[9 - t]

    out = np.zeros(10, np.int64)
    partial[1, 64](out)
    np.testing.assert_array_equal(out, np.arange(10)[::-1])


def test_divergent_barrier_times_out(monkeypatch):
    monkeypatch.setattr(emulator, "BARRIER_TIMEOUT", 0.5)

    @gpu.kernel
    def divergent(out: fastext.i64[:]) -> None:
        if gpu.thread_idx.x == 0:
            gpu.syncthreads()
        else:
            v = gpu.shfl_down(gpu.thread_idx.x, 1)
            out[0] = v

    with pytest.raises(gpu.EmulationError, match="divergent"):
        divergent[1, 32](np.zeros(1, np.int64))


def test_shared_arrays_are_per_block_and_poisoned():
    @gpu.kernel
    def peek(out: fastext.f64[:], flags: fastext.i64[:]) -> None:
        buf = gpu.shared.array((2, 3), fastext.f64)
        ib = gpu.shared.array(4, fastext.i32)
        b = gpu.block_idx.x
        if gpu.thread_idx.x == 0:
            out[b] = buf[1, 2]           # never written in this block: poisoned
            flags[b] = ib[3]
            buf[1, 2] = 1.0
        gpu.syncthreads()

    out, flags = np.zeros(3), np.zeros(3, np.int64)
    peek[3, 4](out, flags)
    assert np.isnan(out).all()
    assert (flags == np.int32(np.uint32(0xA5A5A5A5).view(np.int32))).all()


def test_indices_and_dims():
    @gpu.kernel
    def where(out: fastext.i64[:, :]) -> None:
        i = (gpu.block_idx.z * gpu.grid_dim.y + gpu.block_idx.y) * gpu.grid_dim.x + gpu.block_idx.x
        j = (gpu.thread_idx.z * gpu.block_dim.y + gpu.thread_idx.y) * gpu.block_dim.x + gpu.thread_idx.x
        out[i, j] = gpu.global_id(0) * 10000 + gpu.global_id(1) * 100 + gpu.global_id(2) + gpu.lane_id() * 0

    out = np.full((2 * 3 * 1, 2 * 2 * 2), -1, np.int64)
    where[(2, 3), (2, 2, 2)](out)
    assert (out >= 0).all()
    assert out[5, 7] == (1 * 2 + 1) * 10000 + (2 * 2 + 1) * 100 + 1


def test_dialect_outside_a_kernel():
    with pytest.raises(RuntimeError, match="inside a kernel"):
        gpu.thread_idx.x
    with pytest.raises(RuntimeError, match="inside a kernel"):
        gpu.syncthreads()
    assert gpu.warp_size == 32 and repr(gpu.thread_idx) == "fastext.gpu.thread_idx"


def test_import_fastext_dot_gpu():
    import importlib

    ns = importlib.import_module("fastext")
    assert ns.gpu is gpu


def test_launch_keyword_form_and_scalar_conversion(m):
    x = np.arange(5, dtype=np.float32)
    out = np.zeros(5, np.float32)
    m.saxpy.launch(np.float64(0.1), x, x, out, grid=1, block=(32,))
    np.testing.assert_array_equal(out, np.float32(0.1) * x + x)


# -- streams, events, graphs (emulation mode) ------------------------------------------------------

def test_stream_launch_takes_device_arrays_only(m):
    s = gpu.Stream()
    x = np.ones(10, np.float32)
    with pytest.raises(TypeError, match=r"saxpy\(\) parameter 'x'.*asynchronous"):
        m.saxpy[1, 32, s](1.0, x, x, x)
    dx = gpu.to_device(x)
    dout = gpu.device_array(10)
    m.saxpy[1, 32, s, 0](2.0, dx, dx, dout)
    s.synchronize()
    np.testing.assert_array_equal(dout.copy_to_host(), 3 * x)


def test_events_time_and_order():
    s = gpu.Stream()
    start, end = gpu.Event(), gpu.Event()
    start.record(s)
    s.record(end)
    end.synchronize()
    assert end.query() and start.elapsed_time(end) >= 0
    with pytest.raises(ValueError):
        gpu.Event(timing=False).record().elapsed_time(end)


def test_graph_capture_replays(m):
    x = gpu.to_device(np.arange(8, dtype=np.float32))
    out = gpu.to_device(np.zeros(8, np.float32))
    with gpu.capture() as graph:
        m.saxpy[1, 32](1.0, x, out, out)    # out += x, captured, not run
        m.saxpy[1, 32](1.0, x, out, out)
    assert len(graph) == 2
    assert (out.copy_to_host() == 0).all()
    graph.launch()
    graph.launch()
    gpu.synchronize()
    np.testing.assert_array_equal(out.copy_to_host(), 4 * np.arange(8, dtype=np.float32))
    with pytest.raises(TypeError, match="asynchronous"):
        with gpu.capture():
            m.saxpy[1, 32](1.0, np.zeros(8, np.float32), out, out)


def test_barrier_found_through_an_imported_module(tmp_path):
    (tmp_path / "helpers_gpu.py").write_text(
        "from fastext import gpu\n"
        "def exchange(buf, t, n):\n"
        "    gpu.syncthreads()\n"
        "    return buf[n - 1 - t]\n")
    import sys

    sys.path.insert(0, str(tmp_path))
    try:
        import helpers_gpu
    finally:
        sys.path.pop(0)

    @gpu.kernel
    def reverse(out: fastext.i64[:]) -> None:
        buf = gpu.shared.array(32, fastext.i64)
        t = gpu.thread_idx.x
        buf[t] = t
        out[t] = helpers_gpu.exchange(buf, t, 32)

    out = np.zeros(32, np.int64)
    reverse[1, 32](out)
    np.testing.assert_array_equal(out, np.arange(32)[::-1])


def test_barrier_the_scan_cannot_see_is_an_error_not_a_silent_no_op():
    hidden = {"sync": gpu.syncthreads}   # not a function the scan follows

    @gpu.kernel
    def sneaky(out: fastext.i64[:]) -> None:
        hidden["sync"]()

    with pytest.raises(gpu.EmulationError, match="without threads"):
        sneaky[1, 4](np.zeros(1, np.int64))


def test_plain_python_kernels_do_not_look_for_a_gpu(tmp_path):
    # FASTEXT_DISABLE=1 (the oracle): launching with NumPy arrays neither loads the driver nor warns
    import subprocess
    import sys

    code = ("import sys, warnings; warnings.simplefilter('error')\n"
            f"sys.path.insert(0, {os.path.dirname(FX)!r})\n"
            "import numpy as np, gpu_emul\n"
            "x = np.arange(10, dtype=np.float32); out = np.zeros_like(x)\n"
            "gpu_emul.saxpy[1, 32](2.0, x, x, out)\n"
            "assert (out == 3 * x).all(), out\n"
            "assert 'cuda' not in sys.modules\n")
    env = dict(os.environ, FASTEXT_DISABLE="1", FASTEXT_CACHE_DIR=str(tmp_path))
    env.pop("FASTEXT_GPU_EMULATE", None)
    subprocess.run([sys.executable, "-c", code], env=env, check=True)


def test_atomic_min_max_cas_return_the_old_value():
    @gpu.kernel
    def extremes(x: fastext.i32[:], lo: fastext.i32[:], hi: fastext.i32[:], olds: fastext.i32[:],
                 claimed: fastext.i64[:, :]) -> None:
        i = gpu.global_id(0)
        if i < len(x):
            gpu.atomic_min(lo, 0, x[i])
            olds[i] = gpu.atomic_max(hi, 0, x[i])
            # the first thread to see slot 0 (k, 0) free claims it; cas returns what was there
            k = x[i] % 4
            if gpu.atomic_cas(claimed, (k, 0), -1, i) == -1:
                claimed[k, 1] = 1

    x = np.random.default_rng(9).integers(-500, 500, 100).astype(np.int32)
    lo, hi = np.array([2**31 - 1], np.int32), np.array([-2**31], np.int32)
    olds = np.zeros(100, np.int32)
    claimed = np.full((4, 2), -1, np.int64)
    extremes[2, 64](x, lo, hi, olds, claimed)
    assert lo[0] == x.min() and hi[0] == x.max()
    assert olds[0] == -2**31 and (olds[1:] == np.maximum.accumulate(x)[:-1]).all()   # sequential emulation order
    for k in range(4):
        owners = np.flatnonzero(x % 4 == k)
        if len(owners):
            assert claimed[k, 0] == owners[0] and claimed[k, 1] == 1


def test_float_atomics(m):
    x = np.random.default_rng(7).standard_normal(1000).astype(np.float32)
    out = np.array([-np.inf, np.inf, 0.0], dtype=np.float32)
    m.float_extrema[4, 256](x, out)
    assert out[0] == x.max() and out[1] == x.min() and out[2] in x


def test_numpy_ufuncs_on_items(m):
    """np.sqrt & co. on a thread's items (the element-wise subset of the array language)."""
    x = np.linspace(-2.0, 3.0, 97)
    out = np.zeros_like(x)
    m.ufuncs[4, 32](x, out)
    with np.errstate(all="ignore"):
        want = np.sqrt(np.abs(x)) * np.exp(-x * x) + np.where(x > 0.0, np.log1p(x), 0.0)
    np.testing.assert_allclose(out, want, rtol=1e-12)
