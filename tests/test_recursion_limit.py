"""Unbounded recursion raises RecursionError, as in Python, instead of overflowing the C stack.

`def down(n): return down(n + 1) + 1` used to segfault the interpreter, mutual recursion too.
Recursive functions now check the stack before each call within their cycle
(lower/recursion.py): a cycle with nothing to clean up jumps back to its guard, others raise
through every frame (handlers and finally blocks run, references are dropped).  Compiled
recursion is bounded by stack (1 MiB below the entry point), not by sys.getrecursionlimit():
it may go deeper than Python allows (docs/language.md, "Where compiled and interpreted differ").
Each case runs in a child interpreter too, so a crash is reported as a failure, not a dead run.
"""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading

import numpy as np
import pytest

import fxload

FX = os.path.join(fxload.FX_DIR, "deep_recursion.fx")


@pytest.fixture(scope="module")
def m():
    return fxload.compiled(FX)


def test_in_a_child_interpreter():
    """The issue's example, where a crash would kill the test run: run it in a child."""
    code = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {os.path.dirname(__file__)!r})
        import fxload
        m = fxload.compiled({FX!r})
        for f in (m.down, m.ping):
            try:
                f(0)
            except RecursionError as e:
                print("RecursionError", e)
        """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.splitlines() == ["RecursionError maximum recursion depth exceeded"] * 2


def test_unbounded_self_and_mutual(m):
    for f in (m.down, m.ping, m.pong):
        with pytest.raises(RecursionError, match="^maximum recursion depth exceeded$"):
            f(0)


def test_interpreted_agrees():
    oracle = fxload.interpreted(FX)
    with pytest.raises(RecursionError):
        oracle.down(0)
    with pytest.raises(RecursionError):
        oracle.ping(0)


def test_deep_but_bounded(m):
    oracle = fxload.interpreted(FX)
    assert m.depth(300) == oracle.depth(300) == 300
    assert m.depth(20000) == 20000          # deeper than Python's default limit: fine compiled
    assert m.ackermann(2, 3) == oracle.ackermann(2, 3) == 9
    assert m.ackermann(3, 6) == 509


def test_caught_inside(m):
    assert m.safe_down(0) == -1
    assert m.caught_as_runtime_error(0) == -2
    assert m.catch_at_depth(0) > 1000


def test_arrays_written_before_the_error_stay(m):
    a = np.zeros(4)
    with pytest.raises(RecursionError):
        m.stamp_down(a, 0)
    assert a.sum() > 1000


def test_objects_released(m):
    o = object()
    before = sys.getrefcount(o)
    with pytest.raises(RecursionError):
        m.obj_down(o, 0)
    assert sys.getrefcount(o) == before


def test_finally_blocks_run(m):
    count = np.zeros(1, dtype=np.int64)
    with pytest.raises(RecursionError):
        m.fin_down(count, 0)
    assert count[0] > 1000     # every level's finally ran


def test_in_prange_workers(m):
    out = np.zeros(64, dtype=np.int64)
    with pytest.raises(RecursionError):
        m.parallel_down(out)
    m.parallel_depth(out, 1000)
    assert out.tolist() == [1000 + i for i in range(64)]


def test_in_python_threads(m):
    results = []

    def run():
        try:
            m.down(0)
        except RecursionError:
            results.append("ok")
        results.append(m.depth(10000))

    threads = [threading.Thread(target=run) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results.count("ok") == 4 and results.count(10000) == 4


def test_guard_in_a_loop(m):
    """A recursive function called from a loop enters its guard (setjmp) every time."""
    assert m.many_calls(7000) == sum(i % 7 for i in range(7000))
    for _ in range(3):
        with pytest.raises(RecursionError):
            m.down(0)
        assert m.depth(100) == 100
