# The comparison harness's nine functions (issue 13's cold-compile module): benchmarks/compile/run.py
# times compiling this file cold, serial and parallel, against gcc -O3 of harness9_c.c and Numba.
import math
from fastext import f64, i32, i64



def add(a: i64, b: i64) -> i64:
    return a + b


def noop() -> None:
    pass


def sum1(x: f64[:]) -> f64:
    s = 0.0
    for i in range(len(x)):
        s += x[i]
    return s


def dot(x: f64[:], y: f64[:]) -> f64:
    s = 0.0
    for i in range(len(x)):
        s += x[i] * y[i]
    return s


def axpy(a: f64, x: f64[:], y: f64[:]) -> None:
    for i in range(len(x)):
        y[i] += a * x[i]


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


def fib(n: i64) -> i64:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
