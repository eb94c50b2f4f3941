"""The persistent prange thread pool (lower/threadpool.py): reused across loops, grown and
shrunk with the thread count, safe across fork(), no hang at interpreter exit, and the
thread-count variables (FASTEXT_NUM_THREADS before OMP_NUM_THREADS)."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading

import numpy as np
import pytest

import fastext
import fxload
from test_prange import chunked_row_sum

PATH = os.path.join(fxload.FX_DIR, "prange.fx")
ROWS = np.array([[1e16], [1.0], [1.0], [-1e16], [1.0], [1.0], [1.0]] * 3)
TIMEOUT = 120


@pytest.fixture(scope="module")
def comp():
    return fxload.compiled(PATH)


@pytest.fixture(autouse=True)
def restore_threads():
    saved = os.environ.get("FASTEXT_NUM_THREADS")
    yield
    if saved is None:
        os.environ.pop("FASTEXT_NUM_THREADS", None)
    else:
        os.environ["FASTEXT_NUM_THREADS"] = saved


def _os_threads() -> int:
    return len(os.listdir("/proc/self/task")) if os.path.isdir("/proc/self/task") else threading.active_count()


def test_many_loops_in_a_row_reuse_the_pool(comp):
    fastext.set_num_threads(3)
    comp.sum_rows_f(ROWS)
    before = _os_threads()
    for _ in range(3000):
        assert comp.sum_rows_f(ROWS) == chunked_row_sum(ROWS, 3)
    # the pool's two helpers were created once: no thread per loop (none left behind either)
    assert _os_threads() <= before


def test_thread_count_changes_between_loops(comp):
    for threads in (2, 5, 1, 4, 2, 7, 3):
        fastext.set_num_threads(threads)
        for _ in range(20):
            assert comp.sum_rows_f(ROWS) == chunked_row_sum(ROWS, threads)
        a = np.arange(60, dtype=np.int64).reshape(20, 3)
        assert comp.sum_rows_i(a) == int((a * np.arange(1, 21)[:, None]).sum())


def test_nested_calls_and_errors_keep_the_pool_usable(comp):
    fastext.set_num_threads(3)
    a = np.ones((40, 5))
    out = np.empty(17)
    for _ in range(50):
        comp.nested_calls(a, out)
        assert (out == 200.0).all()
        with pytest.raises(ValueError, match="first bad index"):
            comp.fail_at(1000, 500, 700)
        assert comp.sum_rows_f(ROWS) == chunked_row_sum(ROWS, 3)


def test_loops_from_several_python_threads(comp):
    """Loops started at once from Python threads (the GIL released): one uses the pool, the
    others run on their own thread; every result is the right one."""
    fastext.set_num_threads(2)
    a = np.arange(3000, dtype=np.int64).reshape(1000, 3)
    want = int((a * np.arange(1, 1001)[:, None]).sum())
    fails = []

    def work():
        for _ in range(200):
            if comp.sum_rows_i(a) != want:
                fails.append(1)
    ts = [threading.Thread(target=work) for _ in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert not fails


def _run(code: str, so: str, env: dict | None = None) -> list[str]:
    """Run `code` in a fresh interpreter that loads the compiled module `so` as `m`."""
    full = dict(os.environ, **(env or {}))
    for k, v in list(full.items()):
        if v is None:
            del full[k]
    proc = subprocess.run([sys.executable, "-c", LOAD + textwrap.dedent(code), so, os.path.dirname(fxload.__file__)],
                          env=full, capture_output=True, text=True, timeout=TIMEOUT)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.split()


LOAD = """
import importlib.util, sys
sys.path.insert(0, sys.argv[2])
spec = importlib.util.spec_from_file_location("prange", sys.argv[1])
m = importlib.util.module_from_spec(spec)
spec.loader.exec_module(m)
"""

CHILD = """
    import os, sys
    import numpy as np, fastext
    from test_prange import chunked_row_sum
    rows = np.array([[1e16], [1.0], [1.0], [-1e16], [1.0], [1.0], [1.0]] * 3)
    fastext.set_num_threads(3)
    assert m.sum_rows_f(rows) == chunked_row_sum(rows, 3)     # the parent's pool exists now
    pid = os.fork()
    if pid == 0:
        # the child has none of the parent's pool threads: its first loop builds a new pool
        ok = all(m.sum_rows_f(rows) == chunked_row_sum(rows, 3) for _ in range(200))
        os._exit(0 if ok else 3)
    _, status = os.waitpid(pid, 0)
    print(os.waitstatus_to_exitcode(status), m.sum_rows_f(rows) == chunked_row_sum(rows, 3))
"""


def test_fork_child_uses_prange(comp):
    assert _run(CHILD, comp.__file__) == ["0", "True"]


EXIT = """
    import sys, threading
    import numpy as np, fastext
    fastext.set_num_threads(4)
    a = np.ones((100, 3))
    def loop():
        while True:
            m.sum_rows_f(a)
    threading.Thread(target=loop, daemon=True).start()     # a loop still running at exit
    for _ in range(100):
        m.sum_rows_f(a)
    print("done")
"""


def test_interpreter_exit_does_not_hang(comp):
    assert _run(EXIT, comp.__file__) == ["done"]


COUNT = """
    import sys
    import numpy as np, fastext
    from test_prange import chunked_row_sum
    rows = np.array([[1e16], [1.0], [1.0], [-1e16], [1.0], [1.0], [1.0]] * 3)
    n = fastext.get_num_threads()
    print(n, m.sum_rows_f(rows) == chunked_row_sum(rows, n))
"""


@pytest.mark.parametrize("fx, omp, want", [
    (None, "3", 3), ("2", "5", 2), ("bad", "4", 4), (None, "4,2", 4), (None, "0", None), (None, "x", None),
    ("6", None, 6)])
def test_thread_count_variables(comp, fx, omp, want):
    """FASTEXT_NUM_THREADS wins; OMP_NUM_THREADS (first entry of a list) when it is unset or
    invalid; else the affinity mask — the compiled code and get_num_threads() agree."""
    out = _run(COUNT, comp.__file__, {"FASTEXT_NUM_THREADS": fx, "OMP_NUM_THREADS": omp})
    assert out[1] == "True"
    assert int(out[0]) == (want or len(os.sched_getaffinity(0)))
