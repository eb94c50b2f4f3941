"""The CPU dialect's scalar and array rules inside kernels (compiled to PTX by test_gpu_compile)."""
from fastext import gpu, f32, f64, i32, i64, u8, c64, fastmath, unchecked
import math


@gpu.device
def _fact(n: i64) -> i64:
    if n <= 1:
        return 1
    return n * _fact(n - 1)


@gpu.kernel
def breadth(a: f64[:, :], b: i32[:], flags: bool[:], z: c64[:], raw: u8[:]) -> None:
    i = gpu.global_id(0)
    row = a[i % a.shape[0]]
    s = row.sum() + row[1:].max() + row[::2].min()
    row.fill(s)
    b[i] = i32(round(s)) + i32(int(math.floor(s))) + b[i] ** 2 + b[i] // 3 + b[i] % 5 + (b[i] << 2) + (b[i] >> 1)
    flags[i] = not flags[i] and s > 0.0
    z[i] = z[i] * z[i] / (z[i] + 1) + abs(z[i])
    raw[i] = raw[i] + u8(1)
    a[0, 0] = math.sin(s) + math.cos(s) + math.tan(s) + math.atan2(s, 1.0) + math.hypot(s, 2.0) + math.pow(s, 2.0) \
        + math.log(s) + math.log2(s) + math.log10(s) + math.expm1(s) + math.sinh(s) + math.cosh(s) + math.tanh(s) \
        + math.asin(0.5) + math.acos(0.5) + math.atan(s) + math.fmod(s, 2.0) + math.copysign(1.0, s) + math.fabs(s) \
        + math.ceil(s) + math.trunc(s) + float(math.isnan(s)) + float(math.isinf(s)) + float(math.isfinite(s)) \
        + min(s, 1.0) + max(s, 2.0, 3.0) + f64(_fact(i))
    for k in range(0, 10, 3):
        if k == 6:
            break
        a[0, 1] += f64(k)
    else:
        a[0, 1] = 0.0
    j = 0
    while j < 4:
        j += 1
        if j == 2:
            continue


@fastmath
@unchecked
@gpu.kernel
def fast(x: f32[:], out: f32[:]) -> None:
    i = gpu.global_id(0)
    if i < len(x):
        acc = f32(0)
        for k in range(len(x)):
            acc += x[k] * x[i]
        out[i] = acc
