"""Timers and statistics: auto-ranged loops, interleaved rounds, a per-case time budget.

A *sample* is the time of `loops` back-to-back calls divided by `loops`; `loops` is chosen
per implementation (like `timeit`'s autorange) so that one sample lasts about
`sample_time` seconds.  The calls made while choosing it are the warm-up and are not
kept.  In each *round* every implementation takes one sample, in an order shuffled with
a fixed seed, so drift of the machine (turbo, other tenants) falls on all of them alike;
a speedup is the median over rounds of the ratio within a round.
"""
from __future__ import annotations

import random
import signal
import statistics
import threading
import time
from dataclasses import dataclass, field
from itertools import repeat
from typing import Callable

perf = time.perf_counter

NOISE_THRESHOLD = 0.10   # IQR / median above this: the figure is flagged as noisy


class BudgetExceeded(BaseException):
    """The case ran past its time budget (a BaseException: user code's `except Exception` cannot eat it)."""


class Deadline:
    """`with Deadline(seconds):` raises BudgetExceeded in the main thread when time runs out.

    Uses SIGALRM where available (interrupts Python code, and native code when it
    returns); elsewhere only `remaining()` is honoured by the planner.
    """

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.end = perf() + seconds
        self._armed = False
        self._old = None

    def remaining(self) -> float:
        return self.end - perf()

    def __enter__(self) -> "Deadline":
        if hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread():
            def fire(signum, frame):
                raise BudgetExceeded(f"over the time budget of {self.seconds:g} s")
            self._old = signal.signal(signal.SIGALRM, fire)
            signal.setitimer(signal.ITIMER_REAL, max(self.seconds, 1e-3))
            self._armed = True
        return self

    def __exit__(self, *exc) -> None:
        if self._armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._old)
            self._armed = False


@dataclass
class Stats:
    """Seconds per call over the samples of one implementation, in round order."""

    median: float
    q1: float
    q3: float
    samples: list[float] = field(default_factory=list)

    @property
    def iqr(self) -> float:
        return self.q3 - self.q1

    @property
    def spread(self) -> float:
        """IQR relative to the median."""
        return self.iqr / self.median if self.median > 0 else 0.0

    @property
    def noisy(self) -> bool:
        return len(self.samples) >= 3 and self.spread > NOISE_THRESHOLD

    @classmethod
    def of(cls, values: list[float]) -> "Stats":
        median, q1, q3 = quartiles(values)
        return cls(median, q1, q3, list(values))


def quartiles(values: list[float]) -> tuple[float, float, float]:
    """(median, first quartile, third quartile); with fewer than 4 values, min and max as quartiles."""
    values = sorted(values)
    if len(values) >= 4:
        q1, _, q3 = statistics.quantiles(values, n=4, method="inclusive")
    else:
        q1, q3 = values[0], values[-1]
    return statistics.median(values), q1, q3


def paired_ratio(base: list[float], new: list[float]) -> tuple[float, float, float] | None:
    """Quartiles of base[i] / new[i] over the rounds both were sampled in."""
    pairs = [b / n for b, n in zip(base, new) if n > 0]
    return quartiles(pairs) if pairs else None


_LOOPS: dict[tuple[int, int], Callable] = {}


def make_loop(nargs: int, unroll: int = 1) -> Callable:
    """`loop(n, f, *args)` -> seconds for n iterations of `unroll` calls `f(*args)` (unroll 0: empty loop)."""
    key = (nargs, unroll)
    if key not in _LOOPS:
        names = ", ".join(f"a{i}" for i in range(nargs))
        body = "".join(f"        f({names})\n" for _ in range(unroll)) if unroll else "        pass\n"
        src = (f"def loop(n, f{', ' if names else ''}{names}):\n"
               f"    it = repeat(None, n)\n"
               f"    t0 = perf()\n"
               f"    for _ in it:\n{body}"
               f"    return perf() - t0\n")
        namespace = {"repeat": repeat, "perf": perf}
        exec(compile(src, f"<fastext bench loop x{unroll}>", "exec"), namespace)
        _LOOPS[key] = namespace["loop"]
    return _LOOPS[key]


class Timer:
    """Times `fn(*args)`; `autorange()` picks the loop count, `sample()` returns seconds per call."""

    def __init__(self, fn: Callable, args: tuple = (), unroll: int = 1):
        self.fn, self.args, self.unroll = fn, tuple(args), unroll
        self.loop = make_loop(len(self.args), unroll)
        self.loops = 1

    def run(self, n: int) -> float:
        return self.loop(n, self.fn, *self.args)

    def autorange(self, target: float, first: float | None = None) -> int:
        """Choose `loops` so that one sample takes about `target` seconds.  `first` is the time of
        one call already made (the check call); the calls made here are the warm-up."""
        n = 1
        t = self.run(1)                       # a warm call (the first one may include compilation)
        if first is not None and first < t:
            t = first
        while t < target / 4 and n < 1 << 30:
            n = max(n * 2, min(int(n * target / max(t, 1e-9) / 2), n * 100))
            t = self.run(n)
        self.loops = max(1, round(n * target / max(t, 1e-9))) if t < target else n
        return self.loops

    def sample(self) -> float:
        return self.run(self.loops) / (self.loops * self.unroll)


def interleave(timers: dict[str, Timer], rounds: int, deadline: Deadline | None = None,
               seed: int = 1) -> tuple[dict[str, list[float]], bool]:
    """Samples of each timer over `rounds` rounds, order shuffled per round.

    Plans as many rounds as fit in the deadline (at least one); returns the samples
    and whether the budget cut the run short.
    """
    rng = random.Random(seed)
    order = list(timers)
    raw: dict[str, list[float]] = {name: [] for name in order}
    cut = False
    try:
        for i in range(rounds):
            t0 = perf()
            rng.shuffle(order)
            for name in order:
                raw[name].append(timers[name].sample())
            if deadline is not None and i + 1 < rounds:
                if deadline.remaining() < 1.5 * (perf() - t0):
                    cut = True
                    break
    except BudgetExceeded:
        cut = True
        shortest = min(len(v) for v in raw.values())
        raw = {k: v[:shortest] for k, v in raw.items()}   # keep whole rounds only
    return raw, cut


def call_overhead(fn: Callable, args: tuple, rounds: int, sample_time: float) -> float:
    """Seconds per `fn(*args)` statement: an unrolled loop minus the empty loop (median over rounds)."""
    unroll = 10
    timer = Timer(fn, args, unroll)
    empty = Timer(None, args, 0)
    timer.autorange(sample_time)
    empty.loops = timer.loops
    samples = []
    for _ in range(rounds):
        full = timer.run(timer.loops)
        bare = empty.run(empty.loops)
        samples.append(max(full - bare, 0.0) / (timer.loops * unroll))
    return statistics.median(samples)
