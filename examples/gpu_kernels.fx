"""Example GPU kernels: compiled to PTX for NVIDIA GPUs, launched from Python (docs/gpu.md)."""
from fastext import gpu, f32, f64, i32, i64
import math

TILE = 16
BLOCK = 256


@gpu.device
def _sq(x: f32) -> f32:
    return x * x


@gpu.kernel
def empty() -> None:
    """Does nothing: measures launch overhead."""
    pass


@gpu.kernel
def saxpy(a: f32, x: f32[:], y: f32[:], out: f32[:]) -> None:
    """out = a * x + y, one element per thread."""
    i = gpu.global_id(0)
    if i < len(x):
        out[i] = a * x[i] + y[i]


@gpu.kernel
def block_sum(x: f32[:], out: f32[:]) -> None:
    """out[0] += sum(x): a tree reduction in shared memory per block, one atomic add per block.

    Launch with BLOCK (256) threads per block, a power of two."""
    buf = gpu.shared.array(BLOCK, f32)
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
def warp_sum(x: f32[:], out: f32[:]) -> None:
    """out[0] += sum(x) with warp shuffles: each warp reduces in registers, lane 0 adds atomically."""
    i = gpu.global_id(0)
    v = x[i] if i < len(x) else f32(0)
    delta = gpu.warp_size // 2
    while delta > 0:
        v += gpu.shfl_down(v, delta)
        delta //= 2
    if gpu.lane_id() == 0:
        gpu.atomic_add(out, 0, v)


@gpu.kernel
def stencil5(u: f64[:, :], out: f64[:, :], c: f64) -> None:
    """A 2-D 5-point stencil on the interior: out = u + c * laplacian(u)."""
    j = gpu.global_id(0)
    i = gpu.global_id(1)
    n, m = u.shape
    if 0 < i < n - 1 and 0 < j < m - 1:
        lap = u[i - 1, j] + u[i + 1, j] + u[i, j - 1] + u[i, j + 1] - 4.0 * u[i, j]
        out[i, j] = u[i, j] + c * lap


@gpu.kernel
def sgemm_naive(a: f32[:, :], b: f32[:, :], c: f32[:, :]) -> None:
    """c = a @ b, one output element per thread (x: column, y: row)."""
    col = gpu.global_id(0)
    row = gpu.global_id(1)
    if row < c.shape[0] and col < c.shape[1]:
        acc = f32(0)
        for k in range(a.shape[1]):
            acc += a[row, k] * b[k, col]
        c[row, col] = acc


@gpu.kernel
def sgemm_tiled(a: f32[:, :], b: f32[:, :], c: f32[:, :]) -> None:
    """c = a @ b with TILE x TILE tiles of a and b staged in shared memory (blocks of TILE x TILE threads)."""
    ta = gpu.shared.array((TILE, TILE), f32)
    tb = gpu.shared.array((TILE, TILE), f32)
    tx = gpu.thread_idx.x
    ty = gpu.thread_idx.y
    row = gpu.block_idx.y * TILE + ty
    col = gpu.block_idx.x * TILE + tx
    n = a.shape[0]
    kdim = a.shape[1]
    m = b.shape[1]
    acc = f32(0)
    for t0 in range(0, kdim, TILE):
        ta[ty, tx] = a[row, t0 + tx] if row < n and t0 + tx < kdim else f32(0)
        tb[ty, tx] = b[t0 + ty, col] if t0 + ty < kdim and col < m else f32(0)
        gpu.syncthreads()
        for k in range(TILE):
            acc += ta[ty, k] * tb[k, tx]
        gpu.syncthreads()
    if row < n and col < m:
        c[row, col] = acc


@gpu.kernel
def softplus(x: f64[:], out: f64[:]) -> None:
    """out = log(1 + exp(x)) and a root-mean-square touch of sqrt: libdevice math."""
    i = gpu.global_id(0)
    if i < len(x):
        out[i] = math.log1p(math.exp(x[i])) + math.sqrt(abs(x[i])) * 0.0


@gpu.kernel
def histogram(data: i32[:], bins: i64[:]) -> None:
    """bins[v] += 1 for every value v of data (values outside the bins are skipped)."""
    i = gpu.global_id(0)
    if i < len(data):
        v = data[i]
        if 0 <= v < len(bins):
            gpu.atomic_add(bins, v, 1)


@gpu.kernel
def square_all(x: f32[:]) -> None:
    """x[i] = x[i] ** 2 through a device function."""
    i = gpu.global_id(0)
    if i < len(x):
        x[i] = _sq(x[i])


def cpu_dot(x: f64[:], y: f64[:]) -> f64:
    """An ordinary CPU function beside the kernels."""
    s = 0.0
    for i in range(len(x)):
        s += x[i] * y[i]
    return s
