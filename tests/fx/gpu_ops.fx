"""Every gpu.* operation at least once, on each type it takes (compiled to PTX by test_gpu_compile)."""
import numpy as np

import fastext
import fastext.gpu as g
from fastext import gpu, f32, f64, i32, i64, u32, u64, c128

N = 8


@gpu.device
def _clamp(v: i64, hi: i64) -> i64:
    if v > hi:
        return hi
    return v


@fastext.gpu.kernel
def spellings(out: i64[:]) -> None:
    """The dialect reached as gpu.X, fastext.gpu.X and an alias of fastext.gpu."""
    i = fastext.gpu.thread_idx.x + g.block_idx.y * 0 + gpu.grid_dim.z * 0
    out[_clamp(i, len(out) - 1)] = gpu.block_dim.x + gpu.grid_dim.x + g.warp_size


@gpu.kernel
def atomics(ai: i32[:], al: i64[:], au: u32[:], aq: u64[:], af: f32[:], ad: f64[:], old: i64[:]) -> None:
    old[0] = gpu.atomic_add(ai, 0, 1) + gpu.atomic_min(ai, 1, -5) + gpu.atomic_max(ai, 2, 7)
    old[1] = gpu.atomic_cas(ai, 3, 0, 1) + gpu.atomic_cas(al, 0, i64(0), i64(1))
    old[2] = gpu.atomic_min(al, 1, -1) + gpu.atomic_max(al, 2, 9) + gpu.atomic_add(al, 3, 2)
    old[3] = i64(gpu.atomic_min(au, 0, 3) + gpu.atomic_max(au, 1, 4) + gpu.atomic_add(au, 2, 1))
    old[4] = i64(gpu.atomic_min(aq, 0, 3) + gpu.atomic_max(aq, 1, 4) + gpu.atomic_cas(aq, 2, 0, 5))
    gpu.atomic_add(af, 0, 0.5)
    gpu.atomic_add(ad, 0, 0.25)
    # floats: min/max as CAS loops, cas on the bits
    af[1] = gpu.atomic_min(af, 2, f32(-1.5)) + gpu.atomic_max(af, 3, f32(2.5)) + gpu.atomic_cas(af, 4, f32(0), f32(1))
    ad[1] = gpu.atomic_min(ad, 2, -1.5) + gpu.atomic_max(ad, 3, 2.5) + gpu.atomic_cas(ad, 4, 0.0, 1.0)


@gpu.kernel
def atomics_2d(grid: f32[:, :], counts: i32[:, :]) -> None:
    i = gpu.global_id(1)
    j = gpu.global_id(0)
    if i < grid.shape[0] and j < grid.shape[1]:
        gpu.atomic_add(grid, (i, j), f32(1))
        gpu.atomic_max(counts, (0, 0), i32(j))


@gpu.kernel
def shuffles(xi: i32[:], xl: i64[:], xf: f32[:], xd: f64[:], xu: u64[:]) -> None:
    lane = gpu.lane_id()
    xi[lane] = gpu.shfl_down(xi[lane], 1) + gpu.shfl_up(xi[lane], 2)
    xl[lane] = gpu.shfl_xor(xl[lane], 16) + gpu.shfl(xl[lane], 0)
    xf[lane] = gpu.shfl_xor(xf[lane], 1) + gpu.shfl(xf[lane], 3)
    xd[lane] = gpu.shfl_down(xd[lane], 4) * gpu.shfl_up(xd[lane], 1)
    xu[lane] = gpu.shfl(xu[lane], 31)


@gpu.kernel
def shared_3d(out: f64[:, :, :]) -> None:
    buf = gpu.shared.array((N, N, N), f64)
    flags = gpu.shared.array(N, i32)
    buf[gpu.thread_idx.z, gpu.thread_idx.y, gpu.thread_idx.x] = f64(gpu.thread_idx.x)
    flags[gpu.thread_idx.x % N] = 1
    gpu.syncthreads()
    gpu.atomic_add(flags, 0, 1)
    gpu.syncthreads()
    out[gpu.thread_idx.z, gpu.thread_idx.y, gpu.thread_idx.x] = buf[N - 1 - gpu.thread_idx.z, 0, 0] + flags[0]


@gpu.device
def math_mix(x: f64) -> f64:
    return x ** 1.5 + x % 3.0 + (x // 2.0)


@gpu.kernel
def scalars(flag: bool, k: i32, z: c128, out: c128[:], r: f64[:]) -> None:
    """bool, complex and narrow-int parameters; complex arithmetic and math on the device."""
    i = gpu.global_id(0)
    if i < len(out):
        w = z * out[i] + k if flag else z.conjugate()
        out[i] = w
        r[i] = abs(w) + math_mix(r[i])


@gpu.kernel
def checks(x: f64[:], n: i64, d: i64) -> None:
    """Errors in kernels: division by zero, assert and raise trap."""
    i = gpu.global_id(0)
    assert n > 0, "n must be positive"
    if i >= len(x):
        raise IndexError("thread out of range")
    x[i] = x[i] / f64(n) + f64(i // d)


@gpu.kernel
def ufuncs(x: f32[:], y: f64[:], out: f64[:]) -> None:
    """NumPy's element-wise functions on scalars inside a kernel (libdevice / exact intrinsics)."""
    i = gpu.global_id(0)
    if i < len(x):
        a = np.sqrt(np.abs(x[i])) + np.exp(x[i] * 0.5) + np.floor(x[i])
        b = np.where(y[i] > 0.0, np.log1p(y[i]), np.hypot(y[i], 2.0)) + np.maximum(y[i], 1.0)
        out[i] = f64(a) + b + np.arctan2(y[i], 3.0)
