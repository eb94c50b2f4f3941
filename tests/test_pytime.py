"""Python's clocks in .fx code (tests/fx/pytime.fx; docs/random.md, "Clocks"): the same clocks as
CPython's (read in between by Python, the compiled reading lies between), CPython's types,
monotone readings."""
from __future__ import annotations

import os
import time

import pytest

import fxload

PATH = os.path.join(fxload.FX_DIR, "pytime.fx")


@pytest.fixture(scope="module")
def c():
    return fxload.compiled(PATH)


@pytest.fixture(scope="module")
def py():
    return fxload.interpreted(PATH)


@pytest.mark.parametrize("name, clock", [
    ("now", time.time), ("now_ns", time.time_ns), ("perf", time.perf_counter), ("perf_ns", time.perf_counter_ns),
    ("mono", time.monotonic), ("mono_ns", time.monotonic_ns),
])
def test_same_clock_as_cpythons(c, py, name, clock):
    for _ in range(5):
        before = clock()
        got = getattr(c, name)()
        after = clock()
        assert type(got) is type(before) is type(getattr(py, name)())
        # the float clocks round ns / 1e9: allow one ulp of the reading either side
        slack = 0 if isinstance(got, int) else 2 * abs(after) * 2.0 ** -52
        assert before - slack <= got <= after + slack


def test_a_benchmark_times_itself(c, py):
    for m in (c, py):
        t0, t1, s = m.timed_loop(100_000)
        assert 0.0 <= t1 - t0 < 5.0
        assert s == sum(i * i % 7 for i in range(100_000))


def test_monotone(c):
    assert c.monotone(100_000)


def test_readings_advance(c):
    a = c.perf_ns()
    time.sleep(0.01)
    b = c.perf_ns()
    assert 5_000_000 <= b - a < 5_000_000_000
