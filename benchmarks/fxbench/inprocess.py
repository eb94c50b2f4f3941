"""The in-process benchmarks: call overhead and kernel speed, all implementations interleaved.

run.py executes this part in a child pinned to one core (`taskset -c N`).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from .impls import IMPLS, Impl, big_arrays
from .timing import time_calls, time_kernels


@dataclass(frozen=True)
class Bench:
    key: str
    title: str
    kernel: str
    kind: str                       # "calls" (unrolled call loop) or "kernel" (one call per sample)
    make_args: Callable[[int], tuple]


def _vec(n: int, seed: int) -> np.ndarray:
    return np.random.default_rng(seed).random(n) + 0.5


BENCHES = [
    Bench("add", "`add(a, b)` call, i64 + i64", "add", "calls", lambda n: (12345, 67890)),
    Bench("sum1_1", "`sum1(x)` call, len(x) = 1", "sum1", "calls", lambda n: (_vec(1, 1),)),
    Bench("sum1_1k", "`sum1(x)`, len(x) = 1000", "sum1", "calls", lambda n: (_vec(1000, 2),)),
    Bench("dot_1k", "`dot(x, y)`, len = 1000", "dot", "calls", lambda n: (_vec(1000, 3), _vec(1000, 4))),
    Bench("dot_1k_strided", "`dot(x[::2], y[::2])`, len = 1000 (strided views)", "dot", "calls",
          lambda n: (_vec(2000, 5)[::2], _vec(2000, 6)[::2])),
    Bench("dot_big", "`dot(x, y)`, len = {n:,} float64", "dot", "kernel", lambda n: big_arrays(n)),
]


@dataclass(frozen=True)
class Settings:
    rounds_calls: int
    sample_ns: float
    big_n: int
    rounds_big: int
    python_big_samples: int


FULL = Settings(rounds_calls=300, sample_ns=1e6, big_n=10_000_000, rounds_big=40, python_big_samples=3)
QUICK = Settings(rounds_calls=25, sample_ns=3e5, big_n=200_000, rounds_big=30, python_big_samples=2)


def run_benches(impls: dict[str, Impl], settings: Settings, log=print) -> dict:
    results = {}
    for bench in BENCHES:
        args = bench.make_args(settings.big_n)
        cases, missing = {}, {}
        for name in IMPLS:
            impl = impls[name]
            if not impl.ok:
                missing[name] = impl.error
            elif bench.kernel not in impl.funcs:
                missing[name] = "not applicable"
            else:
                cases[name] = (impl.funcs[bench.kernel], args)
        log(f"  timing {bench.key}: {', '.join(cases)}")
        if bench.kind == "calls":
            stats = time_calls(cases, settings.rounds_calls, settings.sample_ns)
        else:
            stats = time_kernels(cases, settings.rounds_big,
                                 max_samples={"python": settings.python_big_samples})
        results[bench.key] = {
            "title": bench.title.format(n=settings.big_n),
            "stats": {k: v.as_dict() for k, v in stats.items()},
            "missing": missing,
        }
    return results
