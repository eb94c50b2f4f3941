"""Timers: every implementation of a benchmark is sampled in the same rounds (interleaved).

Call-overhead benchmarks time an unrolled loop of calls (`UNROLL` calls per iteration,
`itertools.repeat` as the iterator, as timeit does), calibrated so one sample lasts
about `sample_ns`; the cost of the empty loop is measured the same way and subtracted,
so a figure is the cost of one `f(a, b)` statement.  Long kernels are timed one call per
sample.  In each round the order of the implementations is shuffled (fixed seed), so
drift of the machine (turbo, other tenants) spreads over all of them alike.
"""
from __future__ import annotations

import random
import statistics
import time
from dataclasses import dataclass
from typing import Callable

from fastext.bench.timing import make_loop, quartiles

UNROLL = 20

_perf = time.perf_counter_ns


@dataclass
class Stats:
    """Times in nanoseconds over the samples of one implementation, kept in round order
    (sample i of every implementation of a row was taken in round i: see paired())."""

    median: float
    q1: float
    q3: float
    samples: int
    values: list[float]

    @classmethod
    def of(cls, values: list[float]) -> "Stats":
        return cls(*quartiles(values), len(values), list(values))

    def as_dict(self) -> dict:
        return {"median": self.median, "q1": self.q1, "q3": self.q3, "samples": self.samples,
                "values": self.values}


def paired(a: list[float], b: list[float], op) -> tuple[float, float, float] | None:
    """Quartiles of op(a[i], b[i]) over the rounds both were sampled in.

    Samples of one round are taken moments apart, so a ratio or a difference within a
    round cancels most of the machine's drift; the median of those is steadier than
    the ratio of the two medians when other work shares the machine.
    """
    pairs = [op(x, y) for x, y in zip(a, b)]
    return quartiles(pairs) if pairs else None


def _make_loop(nargs: int, unroll: int) -> Callable:
    """`loop(n, f, *args)` -> nanoseconds for n iterations of `unroll` calls (0: the empty loop):
    the product's own timing loop (fastext.bench.timing.make_loop), in this harness's unit."""
    loop = make_loop(nargs, unroll)
    return lambda n, f, *args: loop(n, f, *args) * 1e9


def _calibrate(run: Callable[[int], int], sample_ns: float) -> int:
    n = 1
    while True:
        t = run(n)
        if t >= sample_ns / 5 or n >= 1 << 30:
            return max(1, int(n * sample_ns / max(t, 1)))
        n *= 4


def time_calls(
    cases: dict[str, tuple[Callable, tuple]],
    rounds: int,
    sample_ns: float,
    seed: int = 1,
) -> dict[str, Stats]:
    """Per-call cost of `f(*args)` for each implementation name in `cases`."""
    nargs = {len(args) for _, args in cases.values()}
    assert len(nargs) == 1, "all implementations of a benchmark take the same arguments"
    nargs = nargs.pop()
    loop, empty = _make_loop(nargs, UNROLL), _make_loop(nargs, 0)

    for f, args in cases.values():          # warm up (Numba dispatch caches, branch predictors)
        for _ in range(200):
            f(*args)

    any_args = next(iter(cases.values()))[1]
    n_empty = _calibrate(lambda n: empty(n, None, *any_args), sample_ns)
    iters = {name: _calibrate(lambda n, f=f, a=args: loop(n, f, *a), sample_ns)
             for name, (f, args) in cases.items()}

    rng = random.Random(seed)
    order = list(cases) + ["<empty>"]
    raw: dict[str, list[float]] = {name: [] for name in order}
    for _ in range(rounds):
        rng.shuffle(order)
        for name in order:
            if name == "<empty>":
                raw[name].append(empty(n_empty, None, *any_args) / n_empty)
            else:
                f, args = cases[name]
                raw[name].append(loop(iters[name], f, *args) / iters[name])

    empty_per_iter = statistics.median(raw.pop("<empty>"))
    return {
        name: Stats.of([(t - empty_per_iter) / UNROLL for t in samples])
        for name, samples in raw.items()
    }


def time_kernels(
    cases: dict[str, tuple[Callable, tuple]],
    rounds: int,
    max_samples: dict[str, int] | None = None,
    seed: int = 2,
) -> dict[str, Stats]:
    """Time one call per sample (for kernels long enough to dwarf the timer and the call)."""
    max_samples = max_samples or {}
    for name, (f, args) in cases.items():   # warm up: page in the arrays, compile, etc.
        if max_samples.get(name, rounds) >= rounds:
            f(*args)
    rng = random.Random(seed)
    order = list(cases)
    raw: dict[str, list[float]] = {name: [] for name in order}
    for _ in range(rounds):
        rng.shuffle(order)
        for name in order:
            if len(raw[name]) >= max_samples.get(name, rounds):
                continue
            f, args = cases[name]
            t0 = _perf()
            f(*args)
            raw[name].append(_perf() - t0)
    return {name: Stats.of(samples) for name, samples in raw.items()}


def time_repeated(fn: Callable[[str], float], names: list[str], runs: int, seed: int = 3) -> dict[str, Stats]:
    """Interleave `runs` calls of fn(name) -> ns for each name (used for subprocess timings)."""
    rng = random.Random(seed)
    order = list(names)
    raw: dict[str, list[float]] = {name: [] for name in names}
    for _ in range(runs):
        rng.shuffle(order)
        for name in order:
            raw[name].append(fn(name))
    return {name: Stats.of(v) for name, v in raw.items()}
