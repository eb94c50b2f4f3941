"""The scale-out path with the real engines (docs/distributed.md): a `.fx` module shipped to
Dask workers (`client.upload_file`, or `fastext.cluster.ship_to_dask` for one compile per
node) and to Ray workers (`runtime_env={"working_dir": ...}`), its compiled functions sent
by reference and run over the partitions of a NumPy or Dask array.

Each test starts a local cluster of worker processes: slow (seconds), so marked `slow`.
Ray is in its own extra (`pip install 'fastext[ray]'`): skipped when it is not installed.
"""
from __future__ import annotations

import os
import shutil
import sys

import numpy as np
import pytest

from fxload import FX_DIR, interpreted

pytestmark = pytest.mark.slow
FX = os.path.join(FX_DIR, "cluster_blocks.fx")


def _copy_as(tmp_path, name: str) -> str:
    """The kernels as module `name` in a fresh folder (each test ships its own module)."""
    folder = tmp_path / name
    folder.mkdir()
    path = folder / f"{name}.fx"
    shutil.copy(FX, path)
    return str(path)


def _import_here(monkeypatch, path: str):
    """Import the module in this process too: its functions pickle as `name.function`."""
    import importlib
    monkeypatch.syspath_prepend(os.path.dirname(path))
    name = os.path.basename(path)[:-3]
    monkeypatch.delitem(sys.modules, name, raising=False)
    module = importlib.import_module(name)
    assert type(module.total).__name__ == "builtin_function_or_method"      # compiled, not interpreted
    return module


@pytest.fixture(scope="module")
def dask_client():
    distributed = pytest.importorskip("distributed")
    pytest.importorskip("dask.array")
    saved = dict(os.environ)     # distributed sets OMP_NUM_THREADS & co. in this process for its workers
    try:
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                      silence_logs=40) as cluster, distributed.Client(cluster) as client:
            yield client
    finally:
        os.environ.clear()
        os.environ.update(saved)


def _worker_modules(client, name: str) -> dict:
    """Per worker: the compiled module's shared object and whether its functions are native
    (imported there if no task of it ran on that worker yet)."""
    def probe():
        import importlib
        module = importlib.import_module(name)
        return module.__cached__, type(module.total).__name__
    return client.run(probe)


def test_dask_upload_file_map_blocks(dask_client, tmp_path, monkeypatch):
    import dask.array as da
    path = _copy_as(tmp_path, "blocks_uploaded")
    module = _import_here(monkeypatch, path)
    dask_client.upload_file(path, load=False)          # lands in each worker's folder, on its sys.path
    x = np.linspace(-3.0, 3.0, 10_001)
    lazy = da.from_array(x, chunks=1_000).map_blocks(module.scale_shift, 2.0, 0.5, dtype=np.float64)
    oracle = interpreted(FX)
    np.testing.assert_array_equal(lazy.compute(), oracle.scale_shift(x, 2.0, 0.5))
    workers = _worker_modules(dask_client, "blocks_uploaded")
    assert len(workers) == 2 and all(kind == "builtin_function_or_method" for _, kind in workers.values())
    # upload_file gives each worker its own copy, so each compiled its own build
    assert len({so for so, _ in workers.values()}) == 2


def test_dask_ship_compiles_once_per_node(dask_client, tmp_path, monkeypatch):
    from fastext.cluster import ship_to_dask
    path = _copy_as(tmp_path, "blocks_shipped")
    module = _import_here(monkeypatch, path)
    node = tmp_path / "node"
    ship_to_dask(dask_client, path, root=str(node))
    parts = np.array_split(np.arange(1_000.0), 8)
    futures = dask_client.map(module.total, parts, pure=False)
    assert sum(dask_client.gather(futures)) == np.arange(1_000.0).sum()
    workers = _worker_modules(dask_client, "blocks_shipped")
    shared = {so for so, _ in workers.values()}
    assert len(workers) == 2 and len(shared) == 1, workers           # both workers load one build
    (so,) = shared
    assert so.startswith(str(node))
    builds = [f for f in os.listdir(os.path.dirname(so)) if f.endswith(".so")]
    assert len(builds) == 1


def test_ray_working_dir(tmp_path):
    ray = pytest.importorskip("ray")
    path = _copy_as(tmp_path, "blocks_ray")
    env = {"working_dir": os.path.dirname(path)}
    if os.environ.get("PYTHONPATH"):          # (a source checkout on the path rather than an install)
        env["env_vars"] = {"PYTHONPATH": os.environ["PYTHONPATH"]}
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, runtime_env=env)
    try:
        @ray.remote
        def partition_total(block):
            import blocks_ray
            return blocks_ray.total(block), blocks_ray.__cached__, type(blocks_ray.total).__name__

        x = np.random.default_rng(3).standard_normal(20_000)
        results = ray.get([partition_total.remote(p) for p in np.array_split(x, 6)])
    finally:
        ray.shutdown()
    assert sum(r[0] for r in results) == pytest.approx(x.sum(), rel=1e-12)
    assert {r[2] for r in results} == {"builtin_function_or_method"}
    assert len({r[1] for r in results}) == 1        # one copy of working_dir per node: one build
