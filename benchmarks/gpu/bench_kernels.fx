# The kernels benchmarks/gpu/run.py times on a GPU (and runs in the emulator with --emulate).
# The timed kernels are @unchecked (no bounds checks) and @fastmath (a*b + c may become one fma,
# which nvcc does by default), as the CUDA C and cuBLAS they are compared with; every index they
# use is guarded explicitly, and run.py checks each result against NumPy.
from fastext import gpu, f32, i64, unchecked, fastmath


@gpu.kernel
def empty(x: f32[:]) -> None:
    pass


@gpu.kernel
@unchecked
@fastmath
def saxpy(a: f32, x: f32[:], y: f32[:], out: f32[:]) -> None:
    i = gpu.global_id(0)
    stride = gpu.block_dim.x * gpu.grid_dim.x
    n = len(x)
    while i < n:
        out[i] = a * x[i] + y[i]
        i += stride


@gpu.kernel
@unchecked
@fastmath
def reduce_sum(x: f32[:], out: f32[:]) -> None:
    # grid-stride accumulation, warp shuffles, then one shared-memory step and one atomic per block
    partial = gpu.shared.array(32, f32)
    i = gpu.global_id(0)
    stride = gpu.block_dim.x * gpu.grid_dim.x
    n = len(x)
    acc = f32(0)
    while i < n:
        acc += x[i]
        i += stride
    d = 16
    while d > 0:
        acc += gpu.shfl_down(acc, d)
        d //= 2
    t = gpu.thread_idx.x
    warp = t // 32
    if gpu.lane_id() == 0:
        partial[warp] = acc
    gpu.syncthreads()
    if warp == 0:
        nwarps = (gpu.block_dim.x + 31) // 32
        acc = partial[t] if t < nwarps else f32(0)
        d = 16
        while d > 0:
            acc += gpu.shfl_down(acc, d)
            d //= 2
        if t == 0:
            gpu.atomic_add(out, 0, acc)


@gpu.kernel
@unchecked
@fastmath
def stencil5(a: f32[:, :], out: f32[:, :]) -> None:
    j = gpu.global_id(0)
    i = gpu.global_id(1)
    n = a.shape[0]
    m = a.shape[1]
    if i >= 1 and i < n - 1 and j >= 1 and j < m - 1:
        out[i, j] = f32(0.25) * (a[i - 1, j] + a[i + 1, j] + a[i, j - 1] + a[i, j + 1]) - a[i, j]


@gpu.kernel
@unchecked
@fastmath
def sgemm_naive(a: f32[:, :], b: f32[:, :], c: f32[:, :]) -> None:
    col = gpu.global_id(0)
    row = gpu.global_id(1)
    if row < c.shape[0] and col < c.shape[1]:
        acc = f32(0)
        for k in range(a.shape[1]):
            acc += a[row, k] * b[k, col]
        c[row, col] = acc


@gpu.kernel
@unchecked
@fastmath
def sgemm_tiled16(a: f32[:, :], b: f32[:, :], c: f32[:, :]) -> None:
    # the textbook version: 16x16 threads, one output each, 16x16 tiles of a and b in shared memory
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
@unchecked
@fastmath
def sgemm_tiled(a: f32[:, :], b: f32[:, :], c: f32[:, :]) -> None:
    # 64x64 output tile per block of 16x16 threads, 4x4 outputs per thread held in registers,
    # 16-deep slices of a (stored transposed) and b in shared memory
    sa = gpu.shared.array((16, 64), f32)
    sb = gpu.shared.array((16, 64), f32)
    tx = gpu.thread_idx.x
    ty = gpu.thread_idx.y
    tid = ty * 16 + tx
    row0 = gpu.block_idx.y * 64
    col0 = gpu.block_idx.x * 64
    n = a.shape[0]
    kdim = a.shape[1]
    m = b.shape[1]
    c00 = f32(0)
    c01 = f32(0)
    c02 = f32(0)
    c03 = f32(0)
    c10 = f32(0)
    c11 = f32(0)
    c12 = f32(0)
    c13 = f32(0)
    c20 = f32(0)
    c21 = f32(0)
    c22 = f32(0)
    c23 = f32(0)
    c30 = f32(0)
    c31 = f32(0)
    c32 = f32(0)
    c33 = f32(0)
    for k0 in range(0, kdim, 16):
        for l in range(4):
            e = tid + l * 256
            r = e // 16
            kk = e % 16
            sa[kk, r] = a[row0 + r, k0 + kk] if row0 + r < n and k0 + kk < kdim else f32(0)
            kb = e // 64
            cc = e % 64
            sb[kb, cc] = b[k0 + kb, col0 + cc] if k0 + kb < kdim and col0 + cc < m else f32(0)
        gpu.syncthreads()
        for kk in range(16):
            a0 = sa[kk, ty]
            a1 = sa[kk, ty + 16]
            a2 = sa[kk, ty + 32]
            a3 = sa[kk, ty + 48]
            b0 = sb[kk, tx]
            b1 = sb[kk, tx + 16]
            b2 = sb[kk, tx + 32]
            b3 = sb[kk, tx + 48]
            c00 += a0 * b0
            c01 += a0 * b1
            c02 += a0 * b2
            c03 += a0 * b3
            c10 += a1 * b0
            c11 += a1 * b1
            c12 += a1 * b2
            c13 += a1 * b3
            c20 += a2 * b0
            c21 += a2 * b1
            c22 += a2 * b2
            c23 += a2 * b3
            c30 += a3 * b0
            c31 += a3 * b1
            c32 += a3 * b2
            c33 += a3 * b3
        gpu.syncthreads()
    _store(c, row0 + ty, col0 + tx, n, m, c00, c01, c02, c03)
    _store(c, row0 + ty + 16, col0 + tx, n, m, c10, c11, c12, c13)
    _store(c, row0 + ty + 32, col0 + tx, n, m, c20, c21, c22, c23)
    _store(c, row0 + ty + 48, col0 + tx, n, m, c30, c31, c32, c33)


@gpu.device
@unchecked
@fastmath
def _store(c: f32[:, :], row: i64, col: i64, n: i64, m: i64, v0: f32, v1: f32, v2: f32, v3: f32) -> None:
    if row < n:
        if col < m:
            c[row, col] = v0
        if col + 16 < m:
            c[row, col + 16] = v1
        if col + 32 < m:
            c[row, col + 32] = v2
        if col + 48 < m:
            c[row, col + 48] = v3
