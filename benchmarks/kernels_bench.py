"""`fastext bench` cases for benchmarks/kernels.fx (see benchmarks/README.md).

    fastext bench benchmarks/kernels.fx --vs numba --vs fastbench_c:dot --vs fastbench_c:sum1

Each case receives the module under test (compiled, plain Python, Numba, or the
compiled module with one function replaced by the C extension's) and returns
what to time.
"""
import numpy as np


def bench_add(m):
    return m.add, (40, 2)


def bench_sum1_len1(m):
    return m.sum1, (np.ones(1),)


def bench_sum1_1000(m):
    return m.sum1, (np.random.default_rng(0).random(1000),)


def bench_dot_1000(m):
    rng = np.random.default_rng(1)
    return m.dot, (rng.random(1000), rng.random(1000))


def bench_dot_strided(m):
    rng = np.random.default_rng(2)
    return m.dot, (rng.random(2000)[::2], rng.random(2000)[::2])
