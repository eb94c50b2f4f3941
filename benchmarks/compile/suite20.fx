# The 20-kernel module of the cold-compile table (benchmarks/compile/run.py): the issue-3 suite's
# seventeen functions (benchmarks/suite.fx, copied as they are) and the harness's add, noop and sum1.
import math
from fastext import f64, i32, i64, u8, fastmath, prange


def add(a: i64, b: i64) -> i64:
    return a + b


def noop() -> None:
    pass


def sum1(x: f64[:]) -> f64:
    s = 0.0
    for i in range(len(x)):
        s += x[i]
    return s


# ---------------------------------------------------------------- reductions, 10M float64

def sum_seq(x: f64[:]) -> f64:
    s = 0.0
    for v in x:
        s += v
    return s


@fastmath
def sum_fastmath(x: f64[:]) -> f64:
    s = 0.0
    for v in x:
        s += v
    return s


def dot(x: f64[:], y: f64[:]) -> f64:
    s = 0.0
    for i in range(len(x)):
        s += x[i] * y[i]
    return s


def axpy(a: f64, x: f64[:], y: f64[:]) -> None:
    for i in range(len(x)):
        y[i] += a * x[i]


# ---------------------------------------------------------------- mandelbrot (complex)

def mandelbrot(out: i32[:, :], xmin: f64, xmax: f64, ymin: f64, ymax: f64, maxiter: i64) -> None:
    h, w = out.shape
    dx = (xmax - xmin) / w
    dy = (ymax - ymin) / h
    for j in range(h):
        y = ymin + j * dy
        for i in range(w):
            c = complex(xmin + i * dx, y)
            z = 0j
            n = 0
            while n < maxiter:
                if z.real * z.real + z.imag * z.imag > 4.0:
                    break
                z = z * z + c
                n += 1
            out[j, i] = n


# ---------------------------------------------------------------- n-body (benchmarks game)

def nbody(pos: f64[:, :], vel: f64[:, :], mass: f64[:], steps: i64, dt: f64) -> f64:
    """Advance `steps` times (positions and velocities in place); return the energy."""
    n = len(mass)
    for _ in range(steps):
        for i in range(n):
            for j in range(i + 1, n):
                dx = pos[i, 0] - pos[j, 0]
                dy = pos[i, 1] - pos[j, 1]
                dz = pos[i, 2] - pos[j, 2]
                d2 = dx * dx + dy * dy + dz * dz
                mag = dt / (d2 * math.sqrt(d2))
                mi = mass[i] * mag
                mj = mass[j] * mag
                vel[i, 0] -= dx * mj
                vel[i, 1] -= dy * mj
                vel[i, 2] -= dz * mj
                vel[j, 0] += dx * mi
                vel[j, 1] += dy * mi
                vel[j, 2] += dz * mi
        for i in range(n):
            pos[i, 0] += dt * vel[i, 0]
            pos[i, 1] += dt * vel[i, 1]
            pos[i, 2] += dt * vel[i, 2]
    e = 0.0
    for i in range(n):
        e += 0.5 * mass[i] * (vel[i, 0] * vel[i, 0] + vel[i, 1] * vel[i, 1] + vel[i, 2] * vel[i, 2])
        for j in range(i + 1, n):
            dx = pos[i, 0] - pos[j, 0]
            dy = pos[i, 1] - pos[j, 1]
            dz = pos[i, 2] - pos[j, 2]
            e -= mass[i] * mass[j] / math.sqrt(dx * dx + dy * dy + dz * dz)
    return e


# ---------------------------------------------------------------- spectral norm (benchmarks game)

def _a(i: i64, j: i64) -> f64:
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def _mul_av(v: f64[:], out: f64[:]) -> None:
    n = len(v)
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += _a(i, j) * v[j]
        out[i] = s


def _mul_atv(v: f64[:], out: f64[:]) -> None:
    n = len(v)
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += _a(j, i) * v[j]
        out[i] = s


def spectral_norm(u: f64[:], v: f64[:], tmp: f64[:]) -> f64:
    n = len(u)
    u.fill(1.0)
    for _ in range(10):
        _mul_av(u, tmp)
        _mul_atv(tmp, v)
        _mul_av(v, tmp)
        _mul_atv(tmp, u)
    vbv = 0.0
    vv = 0.0
    for i in range(n):
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
    return math.sqrt(vbv / vv)


# ---------------------------------------------------------------- 2-D 5-point stencil

def stencil(a: f64[:, :], b: f64[:, :], sweeps: i64) -> None:
    """`sweeps` pairs of Jacobi sweeps: a -> b, then b -> a (boundaries untouched)."""
    h, w = a.shape
    for _ in range(sweeps):
        for i in range(1, h - 1):
            for j in range(1, w - 1):
                b[i, j] = 0.25 * (a[i - 1, j] + a[i + 1, j] + a[i, j - 1] + a[i, j + 1])
        for i in range(1, h - 1):
            for j in range(1, w - 1):
                a[i, j] = 0.25 * (b[i - 1, j] + b[i + 1, j] + b[i, j - 1] + b[i, j + 1])


# ---------------------------------------------------------------- histogram (indirect writes)

def histogram(x: f64[:], lo: f64, hi: f64, counts: i64[:]) -> None:
    nb = len(counts)
    scale = nb / (hi - lo)
    for v in x:
        k = int((v - lo) * scale)
        if 0 <= k < nb:
            counts[k] += 1


# ---------------------------------------------------------------- calls

def fib(n: i64) -> i64:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


# ---------------------------------------------------------------- byte scanning

def count_byte(buf: u8[:], value: u8) -> i64:
    n = 0
    for c in buf:
        if c == value:
            n += 1
    return n


# ---------------------------------------------------------------- parallel loops (`prange`)
# The same algorithms as mandelbrot and stencil, with the outer loop a prange: rows are
# split into one contiguous chunk per thread (run_suite.py times them on 2 cores).

def mandelbrot_prange(out: i32[:, :], xmin: f64, xmax: f64, ymin: f64, ymax: f64, maxiter: i64) -> None:
    h, w = out.shape
    dx = (xmax - xmin) / w
    dy = (ymax - ymin) / h
    for j in prange(h):
        y = ymin + j * dy
        for i in range(w):
            c = complex(xmin + i * dx, y)
            z = 0j
            n = 0
            while n < maxiter:
                if z.real * z.real + z.imag * z.imag > 4.0:
                    break
                z = z * z + c
                n += 1
            out[j, i] = n


def stencil_prange(a: f64[:, :], b: f64[:, :], sweeps: i64) -> None:
    """stencil() with each half-sweep's rows in parallel (the two half-sweeps stay in order)."""
    h, w = a.shape
    for _ in range(sweeps):
        for i in prange(1, h - 1):
            for j in range(1, w - 1):
                b[i, j] = 0.25 * (a[i - 1, j] + a[i + 1, j] + a[i, j - 1] + a[i, j + 1])
        for i in prange(1, h - 1):
            for j in range(1, w - 1):
                a[i, j] = 0.25 * (b[i - 1, j] + b[i + 1, j] + b[i, j - 1] + b[i, j + 1])


def prange_tiny(out: i64[:]) -> None:
    """Two trivial iterations: at 2 threads, the cost of starting and joining one thread."""
    for i in prange(len(out)):
        for r in range(1):        # an inner loop: the loop is split even though it is short
            out[i] = i + r
