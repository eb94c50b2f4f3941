# GPU kernels the runtime tests emulate (tests/test_gpu_emulation.py) and compare with NumPy.
import numpy as np
from fastext import gpu, f32, f64, i32, i64


@gpu.device
def _axpy(a: f32, x: f32, y: f32) -> f32:
    return a * x + y


@gpu.kernel
def saxpy(a: f32, x: f32[:], y: f32[:], out: f32[:]) -> None:
    i = gpu.global_id(0)
    if i < len(x):
        out[i] = _axpy(a, x[i], y[i])


@gpu.kernel
def block_sum(x: f32[:], out: f32[:]) -> None:
    buf = gpu.shared.array(256, f32)
    t = gpu.thread_idx.x
    i = gpu.block_idx.x * gpu.block_dim.x + t
    buf[t] = x[i] if i < len(x) else f32(0)
    gpu.syncthreads()
    s = gpu.block_dim.x // 2
    while s > 0:
        if t < s:
            buf[t] += buf[t + s]
        gpu.syncthreads()
        s //= 2
    if t == 0:
        gpu.atomic_add(out, 0, buf[0])


@gpu.kernel
def stencil5(a: f32[:, :], out: f32[:, :]) -> None:
    j = gpu.global_id(0)
    i = gpu.global_id(1)
    n = a.shape[0]
    m = a.shape[1]
    if i >= 1 and i < n - 1 and j >= 1 and j < m - 1:
        out[i, j] = f32(0.25) * (a[i - 1, j] + a[i + 1, j] + a[i, j - 1] + a[i, j + 1]) - a[i, j]


@gpu.kernel
def sgemm_naive(a: f32[:, :], b: f32[:, :], c: f32[:, :]) -> None:
    col = gpu.global_id(0)
    row = gpu.global_id(1)
    if row < c.shape[0] and col < c.shape[1]:
        acc = f32(0)
        for k in range(a.shape[1]):
            acc += a[row, k] * b[k, col]
        c[row, col] = acc


@gpu.kernel
def sgemm_tiled(a: f32[:, :], b: f32[:, :], c: f32[:, :]) -> None:
    ta = gpu.shared.array((16, 16), f32)
    tb = gpu.shared.array((16, 16), f32)
    tx = gpu.thread_idx.x
    ty = gpu.thread_idx.y
    col = gpu.block_idx.x * 16 + tx
    row = gpu.block_idx.y * 16 + ty
    n = a.shape[0]
    kdim = a.shape[1]
    m = b.shape[1]
    acc = f32(0)
    for t in range((kdim + 15) // 16):
        k = t * 16 + tx
        ta[ty, tx] = a[row, k] if row < n and k < kdim else f32(0)
        k = t * 16 + ty
        tb[ty, tx] = b[k, col] if k < kdim and col < m else f32(0)
        gpu.syncthreads()
        for kk in range(16):
            acc += ta[ty, kk] * tb[kk, tx]
        gpu.syncthreads()
    if row < n and col < m:
        c[row, col] = acc


@gpu.kernel
def warp_sum(x: f64[:], out: f64[:]) -> None:
    i = gpu.global_id(0)
    v = x[i] if i < len(x) else 0.0
    d = 16
    while d > 0:
        v += gpu.shfl_down(v, d)
        d //= 2
    if gpu.lane_id() == 0:
        gpu.atomic_add(out, 0, v)


@gpu.kernel
def histogram(x: i32[:], bins: i32[:]) -> None:
    i = gpu.global_id(0)
    if i < len(x):
        gpu.atomic_add(bins, x[i] % len(bins), 1)


@gpu.kernel
def butterfly_max(x: i64[:], out: i64[:]) -> None:
    i = gpu.global_id(0)
    v = x[i]
    v = max(v, gpu.shfl_xor(v, 1))
    v = max(v, gpu.shfl_xor(v, 2))
    out[i] = gpu.shfl(v, 0)


@gpu.kernel
def index_check(x: f32[:], out: f32[:]) -> None:
    i = gpu.global_id(0)
    out[i] = x[i]


@gpu.kernel
def float_extrema(x: f32[:], out: f32[:]) -> None:
    """out[0] = max, out[1] = min (atomics on floats); out[2] set once by a CAS on its bits."""
    i = gpu.global_id(0)
    if i < len(x):
        gpu.atomic_max(out, 0, x[i])
        gpu.atomic_min(out, 1, x[i])
        gpu.atomic_cas(out, 2, f32(0), x[i])


@gpu.kernel
def ufuncs(x: f64[:], out: f64[:]) -> None:
    """NumPy's element-wise functions on one item per thread."""
    i = gpu.global_id(0)
    if i < len(x):
        out[i] = np.sqrt(np.abs(x[i])) * np.exp(-x[i] * x[i]) + np.where(x[i] > 0.0, np.log1p(x[i]), 0.0)
