"""Cases for `fastext bench examples/kernels.fx`: each bench_* function receives the module
under test (compiled, interpreted, ...), builds its inputs, and returns what to time:
a callable and its arguments, or a zero-argument callable.  The result is checked
against the interpreted module's before anything is timed."""
import numpy as np


def bench_dot(m):
    rng = np.random.default_rng(0)
    x, y = rng.random(100_000), rng.random(100_000)
    return m.dot, (x, y)


def bench_mandel(m):
    out = np.zeros((40, 60), dtype=np.int32)
    return m.mandel, (out, 100)          # `out` is compared too: arrays passed in are checked after the call


def bench_mean_std(m):
    x = np.random.default_rng(1).random(100_000)
    return lambda: m.mean_std(x)
