"""Physics kernels in the styles of the Numba/Pythran benchmark collections and teaching notebooks:
Ising Metropolis sweeps from pre-drawn uniforms (so the oracle sees the same numbers), SPH
density and force neighbour loops, lattice Boltzmann (D2Q9) with np.roll, n-body, leapfrog,
diffusion-limited steps, random walks from np.random with seed-free invariants."""
import math
import numpy as np
from fastext import f64, i64


def ising_energy(s: i64[:, :]) -> float:
    return float(-np.sum(s * (np.roll(s, 1, axis=0) + np.roll(s, 1, axis=1))))


def ising_sweep(s0: i64[:, :], beta: float, pos: i64[:, :], u: f64[:]) -> i64[:, :]:
    s = s0.copy()
    L, M = s.shape
    for k in range(len(u)):
        i = pos[k, 0] % L
        j = pos[k, 1] % M
        nb = s[(i + 1) % L, j] + s[i - 1, j] + s[i, (j + 1) % M] + s[i, j - 1]
        dE = 2 * s[i, j] * nb
        if dE <= 0 or u[k] < math.exp(-beta * dE):
            s[i, j] = -s[i, j]
    return s


def ising_checkerboard(s0: f64[:, :], beta: float, u: f64[:, :, :]) -> f64[:, :]:
    s = s0.copy()
    L = s.shape[0]
    ii, jj = np.indices(s.shape)
    for step in range(u.shape[0]):
        for color in range(2):
            nb = np.roll(s, 1, 0) + np.roll(s, -1, 0) + np.roll(s, 1, 1) + np.roll(s, -1, 1)
            dE = 2 * s * nb
            flip = ((ii + jj) % 2 == color) & (u[step] < np.exp(-beta * dE))
            s[flip] *= -1
    return s


def magnetisation(s: i64[:, :]) -> float:
    return abs(float(s.mean()))


def sph_density(x: f64[:, :], m: f64[:], h: float) -> f64[:]:
    n = x.shape[0]
    rho = np.zeros(n)
    c = 315.0 / (64.0 * math.pi * h ** 9)
    for i in range(n):
        for j in range(n):
            dx = x[i, 0] - x[j, 0]
            dy = x[i, 1] - x[j, 1]
            r2 = dx * dx + dy * dy
            if r2 < h * h:
                rho[i] += m[j] * c * (h * h - r2) ** 3
    return rho


def sph_pressure_force(x: f64[:, :], rho: f64[:], m: f64[:], h: float, k: float) -> f64[:, :]:
    n = x.shape[0]
    p = k * (rho - 1.0)
    f = np.zeros((n, 2))
    c = -45.0 / (math.pi * h ** 6)
    for i in range(n):
        for j in range(n):
            if i == j:
                continue
            d = x[i] - x[j]
            r = math.sqrt(d[0] ** 2 + d[1] ** 2)
            if 0.0 < r < h:
                f[i] += -m[j] * (p[i] + p[j]) / (2 * rho[j]) * c * (h - r) ** 2 * d / r
    return f


def sph_vectorized(x: f64[:, :], h: float) -> f64[:]:
    d = x[:, None, :] - x[None, :, :]
    r2 = np.sum(d ** 2, axis=-1)
    w = np.where(r2 < h * h, (h * h - r2) ** 3, 0.0)
    return w.sum(axis=1)


_W = np.array([4 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 36, 1 / 36, 1 / 36, 1 / 36])
_CX = np.array([0, 1, 0, -1, 0, 1, -1, -1, 1])
_CY = np.array([0, 0, 1, 0, -1, 1, 1, -1, -1])


def lbm_equilibrium(rho: f64[:, :], ux: f64[:, :], uy: f64[:, :]) -> f64[:, :, :]:
    feq = np.zeros((9,) + rho.shape)
    usq = ux ** 2 + uy ** 2
    for i in range(9):
        cu = 3 * (_CX[i] * ux + _CY[i] * uy)
        feq[i] = rho * _W[i] * (1 + cu + 0.5 * cu ** 2 - 1.5 * usq)
    return feq


def lbm_step(f0: f64[:, :, :], tau: float, steps: int) -> f64[:, :, :]:
    f = f0.copy()
    for _ in range(steps):
        for i in range(9):
            f[i] = np.roll(np.roll(f[i], _CX[i], axis=1), _CY[i], axis=0)
        rho = np.sum(f, axis=0)
        ux = np.sum(f * _CX[:, None, None], axis=0) / rho
        uy = np.sum(f * _CY[:, None, None], axis=0) / rho
        feq = lbm_equilibrium(rho, ux, uy)
        f += -(1.0 / tau) * (f - feq)
    return f


def nbody_accel(pos: f64[:, :], mass: f64[:], soft: float) -> f64[:, :]:
    dx = pos[None, :, 0] - pos[:, None, 0]
    dy = pos[None, :, 1] - pos[:, None, 1]
    dz = pos[None, :, 2] - pos[:, None, 2]
    inv3 = (dx ** 2 + dy ** 2 + dz ** 2 + soft ** 2) ** -1.5
    ax = (dx * inv3) @ mass
    ay = (dy * inv3) @ mass
    az = (dz * inv3) @ mass
    return np.column_stack((ax, ay, az))


def leapfrog(pos0: f64[:, :], vel0: f64[:, :], mass: f64[:], dt: float, steps: int) -> f64[:, :]:
    pos = pos0.copy()
    vel = vel0.copy()
    acc = nbody_accel(pos, mass, 0.1)
    for _ in range(steps):
        vel += acc * dt / 2.0
        pos += vel * dt
        acc = nbody_accel(pos, mass, 0.1)
        vel += acc * dt / 2.0
    return pos


def kinetic_energy(vel: f64[:, :], mass: f64[:]) -> float:
    return 0.5 * float(np.sum(mass * np.sum(vel ** 2, axis=1)))


def harmonic_rk4(x0: float, v0: float, w: float, dt: float, n: int) -> f64[:, :]:
    out = np.empty((n + 1, 2))
    y = np.array([x0, v0])
    out[0] = y
    for k in range(n):
        k1 = np.array([y[1], -w * w * y[0]])
        t = y + 0.5 * dt * k1
        k2 = np.array([t[1], -w * w * t[0]])
        t = y + 0.5 * dt * k2
        k3 = np.array([t[1], -w * w * t[0]])
        t = y + dt * k3
        k4 = np.array([t[1], -w * w * t[0]])
        y = y + dt / 6.0 * (k1 + 2 * k2 + 2 * k3 + k4)
        out[k + 1] = y
    return out


def random_walk_msd(steps: i64[:, :]) -> f64[:]:
    paths = np.cumsum(steps, axis=1)
    return np.mean(paths.astype(np.float64) ** 2, axis=0)


def shuffled_sum(n: int) -> int:
    a = np.arange(n)
    np.random.shuffle(a)
    return int(np.sort(a).sum())


def uniform_in_range(n: int) -> bool:
    u = np.random.random(n)
    return bool(np.all((u >= 0.0) & (u < 1.0)))


def diffusion_implicit_jacobi(u0: f64[:], alpha: float, iters: int) -> f64[:]:
    u = u0.copy()
    for _ in range(iters):
        un = u.copy()
        u[1:-1] = (u0[1:-1] + alpha * (un[2:] + un[:-2])) / (1 + 2 * alpha)
    return u


def wave2d(u0: f64[:, :], c2: float, steps: int) -> f64[:, :]:
    prev = u0.copy()
    cur = u0.copy()
    for _ in range(steps):
        lap = np.zeros_like(cur)
        lap[1:-1, 1:-1] = cur[2:, 1:-1] + cur[:-2, 1:-1] + cur[1:-1, 2:] + cur[1:-1, :-2] - 4 * cur[1:-1, 1:-1]
        nxt = 2 * cur - prev + c2 * lap
        prev, cur = cur, nxt
    return cur


def lj_energy(x: f64[:, :]) -> float:
    n = x.shape[0]
    e = 0.0
    for i in range(n):
        for j in range(i + 1, n):
            r2 = np.sum((x[i] - x[j]) ** 2)
            inv6 = 1.0 / r2 ** 3
            e += 4.0 * (inv6 * inv6 - inv6)
    return e


def pi_from_points(xy: f64[:, :]) -> float:
    inside = np.sum(xy[:, 0] ** 2 + xy[:, 1] ** 2 <= 1.0)
    return 4.0 * inside / xy.shape[0]
