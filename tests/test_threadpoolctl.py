"""threadpoolctl sees and limits the prange pools of compiled modules (fastext/threadlimits.py),
whether threadpoolctl is imported before or after the module — as Dask, joblib and
scikit-learn use it."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap

import pytest

import fxload

pytest.importorskip("threadpoolctl")

SCRIPT = """
    import os, sys
    sys.path[:0] = [sys.argv[1], sys.argv[2]]
    if sys.argv[3] == "first":
        import threadpoolctl
    import numpy as np, fastext
    import pool
    import threadpoolctl
    from test_prange import chunked_row_sum
    rows = np.array([[1e16], [1.0], [1.0], [-1e16], [1.0], [1.0], [1.0]] * 3)
    mine = [i for i in threadpoolctl.threadpool_info() if i["internal_api"] == "fastext"]
    assert len(mine) == 1 and mine[0]["user_api"] == "openmp", mine
    assert os.path.realpath(mine[0]["filepath"]) == os.path.realpath(pool.__cached__), (mine, pool.__cached__)
    assert mine[0]["num_threads"] == 3 == fastext.get_num_threads()
    assert pool.sum_rows_f(rows) == chunked_row_sum(rows, 3)
    with threadpoolctl.threadpool_limits(limits=1):
        assert fastext.get_num_threads() == 1
        assert pool.sum_rows_f(rows) == chunked_row_sum(rows, 1)
    with threadpoolctl.threadpool_limits(limits=2, user_api="openmp"):
        assert pool.sum_rows_f(rows) == chunked_row_sum(rows, 2)
    with threadpoolctl.threadpool_limits(limits=1, user_api="blas"):   # not ours
        assert pool.sum_rows_f(rows) == chunked_row_sum(rows, 3)
    assert fastext.get_num_threads() == 3 and os.environ.get("FASTEXT_NUM_THREADS") is None
    assert pool.sum_rows_f(rows) == chunked_row_sum(rows, 3)
    print("ok")
"""


@pytest.fixture(scope="module")
def pool_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("tpc")
    shutil.copy(os.path.join(fxload.FX_DIR, "prange.fx"), d / "pool.fx")
    return d


@pytest.mark.parametrize("order", ["first", "after"])
def test_threadpool_limits_apply_to_prange(pool_dir, order):
    env = dict(os.environ, OMP_NUM_THREADS="3")
    env.pop("FASTEXT_NUM_THREADS", None)
    env.pop("FASTEXT_NO_HOOK", None)
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(SCRIPT), str(pool_dir),
                           os.path.dirname(fxload.__file__), order],
                          env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["ok"]
