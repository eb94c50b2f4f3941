"""The benchmark cases of the NumPy-style suite: inputs, sizes and tolerances of every kernel.

A case names one kernel of kernels.fx, how to build its arguments for a size (fixed seeds:
every run sees the same numbers), the full size (chosen so NumPy takes roughly 1-50 ms on
one core) and the `--quick` size, and the tolerance its result must meet against the
NumPy result: `np.allclose(got, expected, rtol, atol)`, or exact equality for integer and
boolean results.  Why a tolerance is not zero: NumPy adds pairwise and through BLAS, uses
SIMD versions of exp/sin/log that may differ from libm in the last bit, and Pythran's g++
contracts `a*b + c` into FMAs; `note` says which applies.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np


@dataclass
class Case:
    key: str                          # row name; the kernel name unless a kernel has several sizes
    kernel: str                       # function of kernels.fx
    title: str                        # what is computed, `{n}` replaced by the size
    make: Callable[[int], tuple]      # size -> arguments (fresh arrays)
    size: int
    quick: int
    rtol: float = 1e-12
    atol: float = 0.0
    exact: bool = False               # integer / boolean results: must be equal
    note: str = ""

    def args(self, quick: bool) -> tuple:
        return self.make(self.quick if quick else self.size)

    def label(self, quick: bool) -> str:
        return self.title.format(n=self.quick if quick else self.size)


def rng(seed: int) -> np.random.Generator:
    return np.random.default_rng(seed)


def _bump(n: int) -> np.ndarray:
    """A Gaussian bump on an n x n grid (the initial state of the wave and stencil cases)."""
    x = np.linspace(0.0, 1.0, n)
    return np.exp(-((x[:, None] - 0.4) ** 2 + (x[None, :] - 0.55) ** 2) / 0.01)


def _grayscott_init(n: int) -> tuple:
    u = np.ones((n, n))
    v = np.zeros((n, n))
    lo, hi = n // 2 - n // 8, n // 2 + n // 8
    u[lo:hi, lo:hi] = 0.5
    v[lo:hi, lo:hi] = 0.25
    r = rng(21)
    u += 0.05 * r.random((n, n))
    v += 0.05 * r.random((n, n))
    return u, v


def _options(n: int) -> tuple:
    r = rng(23)
    return r.uniform(10, 100, n), r.uniform(10, 100, n), r.uniform(0.1, 2.0, n), 0.02, 0.3


def _logistic(n: int) -> tuple:
    r = rng(25)
    X = r.standard_normal((n, 64))
    y = (r.random(n) < 0.5).astype(np.float64)
    return X, y, 0.1 * r.standard_normal(64)


SUMS = "another summation order (NumPy adds pairwise)"
BLAS = "BLAS adds in its own order"
LIBM = "SIMD exp/log/sin of NumPy vs libm: last-bit differences"

CASES = [
    # distances and geometry
    Case("pairwise_distances", "pairwise_distances", "distance matrix, {n} points in 3-D (x[:, None, :] - x[None, :, :])",
         lambda n: (rng(1).random((n, 3)),), 1000, 100, rtol=1e-12),
    Case("sq_euclidean", "sq_euclidean", "squared distances via np.dot, {n}×{n} points in 32-D",
         lambda n: (rng(2).random((n, 32)), rng(3).random((n, 32))), 1000, 100, rtol=1e-9, atol=1e-10, note=BLAS),
    Case("arc_distance", "arc_distance", "haversine arc distance, {n:,} point pairs",
         lambda n: tuple(rng(4).standard_normal((4, n))), 500_000, 10_000, rtol=1e-10, atol=1e-12, note=LIBM),
    Case("haversine_matrix", "haversine_matrix", "all-pairs haversine, {n} points",
         lambda n: (rng(5).uniform(-90, 90, n), rng(6).uniform(-180, 180, n), 6371.0), 1000, 60,
         rtol=1e-10, atol=1e-8, note=LIBM),
    Case("nbody_accel", "nbody_accel", "n-body accelerations, {n} bodies (all pairs)",
         lambda n: (rng(7).random((n, 3)), rng(8).random(n) + 0.5, 0.01), 1000, 80,
         rtol=1e-9, atol=1e-7, note=SUMS),
    Case("kmeans_assign", "kmeans_assign", "k-means assignment, {n:,} points, 8 centroids in 4-D",
         lambda n: (rng(9).random((n, 4)), rng(10).random((8, 4))), 100_000, 2_000, exact=True),
    Case("cosine_similarity", "cosine_similarity", "cosine similarity, {n}×{n} rows of 64",
         lambda n: (rng(11).standard_normal((n, 64)), rng(12).standard_normal((n, 64))), 1000, 50,
         rtol=1e-10, atol=1e-12, note=BLAS),
    # norms
    Case("row_norms", "row_norms", "row L2 norms, {n}×1000",
         lambda n: (rng(13).standard_normal((n, 1000)),), 2000, 50, rtol=1e-12, note=SUMS),
    Case("relative_error", "relative_error", "Frobenius relative error, {n}×{n}",
         lambda n: (rng(14).standard_normal((n, n)), rng(15).standard_normal((n, n))), 1000, 60, rtol=1e-11, note=SUMS),
    # stencils and PDE steps
    Case("laplacian", "laplacian", "5-point Laplacian, {n}×{n}",
         lambda n: (rng(16).random((n, n)),), 1000, 64, rtol=1e-12, atol=1e-12),
    Case("jacobi", "jacobi", "Jacobi sweeps, {n}×{n}, 20 iterations",
         lambda n: (_bump(n), 20), 500, 40, rtol=1e-12, atol=1e-13),
    Case("wave", "wave", "2-D wave equation, {n}×{n}, 20 steps",
         lambda n: (_bump(n), _bump(n), 0.2, 20), 500, 40, rtol=1e-10, atol=1e-12),
    Case("grayscott", "grayscott", "Gray-Scott reaction-diffusion, {n}×{n}, 20 steps",
         lambda n: (*_grayscott_init(n), 0.16, 0.08, 0.035, 0.065, 20), 256, 32, rtol=1e-10, atol=1e-12),
    Case("diffusion", "diffusion", "1-D heat equation, {n:,} points, 50 steps",
         lambda n: (rng(17).random(n), 0.25, 50), 200_000, 2_000, rtol=1e-12, atol=1e-13),
    Case("harris", "harris", "Harris corner response, {n}×{n}",
         lambda n: (rng(18).random((n, n)), 0.05), 800, 64, rtol=1e-10, atol=1e-12),
    Case("local_maxima", "local_maxima", "local-maximum mask, {n}×{n}",
         lambda n: (rng(19).random((n, n)),), 1000, 64, exact=True),
    Case("count_peaks", "count_peaks", "count of peaks above a level, {n}×{n}",
         lambda n: (rng(20).random((n, n)), 0.5), 1000, 64, exact=True),
    # statistics and machine learning
    Case("log_likelihood", "log_likelihood", "Gaussian log-likelihood, {n:,} samples",
         lambda n: (rng(26).normal(1.0, 2.0, n), 0.9, 2.1), 1_000_000, 10_000, rtol=1e-10, note=SUMS),
    Case("softmax", "softmax", "row softmax, {n}×1000",
         lambda n: (rng(27).standard_normal((n, 1000)),), 1000, 40, rtol=1e-12, atol=1e-15, note=LIBM),
    Case("logsumexp", "logsumexp", "row log-sum-exp, {n}×1000",
         lambda n: (rng(28).standard_normal((n, 1000)),), 1000, 40, rtol=1e-12, note=LIBM),
    Case("standardize", "standardize", "column z-scores, {n:,}×16",
         lambda n: (rng(29).normal(3.0, 2.0, (n, 16)),), 100_000, 500, rtol=1e-10, atol=1e-12, note=SUMS),
    Case("covariance", "covariance", "covariance matrix, {n:,}×64 (xc.T @ xc)",
         lambda n: (rng(30).standard_normal((n, 64)),), 10_000, 200, rtol=1e-9, atol=1e-12, note=BLAS),
    Case("moving_average", "moving_average", "moving average by cumsum, {n:,} values, window 100",
         lambda n: (rng(31).random(n), 100), 2_000_000, 20_000, rtol=1e-9, atol=1e-9,
         note="differences of a running sum: absolute error grows with the sum"),
    Case("histogram_counts", "histogram_counts", "histogram by bincount, {n:,} values, 100 bins",
         lambda n: (rng(32).standard_normal(n), -3.0, 3.0, 100), 2_000_000, 20_000, exact=True),
    Case("black_scholes", "black_scholes", "Black-Scholes call prices, {n:,} options",
         lambda n: _options(n), 500_000, 10_000, rtol=1e-10, atol=1e-10, note=LIBM),
    Case("logistic_grad", "logistic_grad", "logistic-loss gradient, {n:,}×64",
         lambda n: _logistic(n), 100_000, 500, rtol=1e-9, atol=1e-12, note=BLAS),
    Case("huber_loss", "huber_loss", "mean Huber loss, {n:,} residuals",
         lambda n: (rng(33).standard_normal(n) * 2, 1.0), 2_000_000, 20_000, rtol=1e-10, note=SUMS),
    Case("masked_mean", "masked_mean", "mean of x[x > t], {n:,} values",
         lambda n: (rng(34).random(n), 0.5), 2_000_000, 20_000, rtol=1e-10, note=SUMS),
    # optimisation test functions
    Case("rosenbrock", "rosenbrock", "Rosenbrock function, {n:,} variables",
         lambda n: (rng(35).uniform(-2, 2, n),), 2_000_000, 20_000, rtol=1e-10, note=SUMS),
    Case("rosenbrock_grad", "rosenbrock_grad", "Rosenbrock gradient, {n:,} variables",
         lambda n: (rng(36).uniform(-2, 2, n),), 2_000_000, 20_000, rtol=1e-12, atol=1e-12),
    # polynomials, integrals, images
    Case("polyval", "polyval", "Horner polynomial, degree 7, {n:,} points",
         lambda n: (rng(37).standard_normal(8), rng(38).uniform(-1, 1, n)), 500_000, 10_000, rtol=1e-12, atol=1e-14),
    Case("gauss_integral", "gauss_integral", "trapezoid integral of exp(-x²) on np.linspace, {n:,} points",
         lambda n: (n,), 2_000_000, 20_000, rtol=1e-10, note=SUMS),
    Case("block_mean", "block_mean", "2×2 block means via reshape, {n}×{n}",
         lambda n: (rng(39).random((n, n)),), 1600, 64, rtol=1e-12),
    Case("normalize_f32", "normalize_f32", "rescale a float32 image to [0, 1], {n}×{n}",
         lambda n: (rng(40).random((n, n), dtype=np.float32) * 50 - 10,), 2000, 64, rtol=1e-6, atol=1e-6),
    # matrix products (target: within 1.1x of np.dot for n >= 256)
    Case("matmul_256", "matmul", "np.dot, {n}×{n} float64",
         lambda n: (rng(41).random((n, n)), rng(42).random((n, n))), 256, 32, rtol=1e-10, atol=1e-10, note=BLAS),
    Case("matmul_512", "matmul", "np.dot, {n}×{n} float64",
         lambda n: (rng(43).random((n, n)), rng(44).random((n, n))), 512, 64, rtol=1e-10, atol=1e-10, note=BLAS),
]

# rows that the matrix-product target (fastext within 1.1x of np.dot for n >= 256) applies to
MATMUL_ROWS = ("matmul_256", "matmul_512")


def select(only: list[str] | None) -> list[Case]:
    """The cases named by `--only` (kernel names or row keys), or all of them."""
    if not only:
        return list(CASES)
    chosen = [c for c in CASES if c.key in only or c.kernel in only]
    unknown = set(only) - {c.key for c in chosen} - {c.kernel for c in chosen}
    if unknown:
        raise SystemExit(f"--only: unknown kernel(s) {', '.join(sorted(unknown))}; "
                         f"known: {', '.join(c.key for c in CASES)}")
    return chosen
