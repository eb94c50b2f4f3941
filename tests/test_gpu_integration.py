"""The runtime with the compiler half (skipped until both halves are in the tree): the compiled
module of tests/fx/gpu_emul.fx carries a descriptor whose kernels `bind` turns into launchable
kernels; they agree with the interpreted kernels' signatures, run in emulation mode from the
module's source, and go through the whole GPU launch path with the fake driver of
tests/gpu_fake_driver.py (PTX is not executed: the decoded parameter block drives the emulator).
"""
from __future__ import annotations

import os
import shutil
import subprocess

import numpy as np
import pytest

pytest.importorskip("fastext.compiler.gpu.lower", reason="the GPU compiler half is not in this tree")

import fxload  # noqa: E402
from fastext import gpu  # noqa: E402
from fastext.gpu import launch  # noqa: E402

from gpu_fake_driver import FakeDriver  # noqa: E402
from test_gpu_bench_smoke import load_bench_script  # noqa: E402

FX = os.path.join(fxload.FX_DIR, "gpu_emul.fx")
BENCH = os.path.join(os.path.dirname(fxload.FX_DIR), "..", "benchmarks", "gpu", "bench_kernels.fx")
KERNELS = ["saxpy", "block_sum", "stencil5", "sgemm_naive", "sgemm_tiled", "warp_sum", "histogram", "butterfly_max",
           "index_check"]


@pytest.fixture(scope="module")
def compiled():
    return fxload.compiled(FX)


@pytest.fixture(scope="module")
def interpreted():
    return fxload.interpreted(FX)


@pytest.fixture
def fake(monkeypatch, interpreted):
    gpu.emulate(False)
    yield FakeDriver(monkeypatch, interpreted)
    gpu.emulate(None)


def test_compiled_kernels_are_bound_with_the_interpreted_signatures(compiled, interpreted):
    for name in KERNELS:
        k, ref = getattr(compiled, name), getattr(interpreted, name)
        assert isinstance(k, launch.CompiledKernel) and isinstance(ref, launch.EmulatedKernel)
        assert k.signature() == ref.signature()
    assert compiled.saxpy.writes == {"out"} and compiled.block_sum.writes == {"out"}
    assert compiled.histogram.writes == {"bins"} and compiled.index_check.writes == {"out"}


def test_compiled_kernels_in_emulation_mode(compiled):
    gpu.emulate(True)
    try:
        rng = np.random.default_rng(0)
        a, b = rng.random((18, 20), dtype=np.float32), rng.random((20, 17), dtype=np.float32)
        c = np.full((18, 17), np.nan, np.float32)
        compiled.sgemm_tiled[(2, 2), (16, 16)](a, b, c)
        np.testing.assert_allclose(c, a @ b, rtol=1e-5)
    finally:
        gpu.emulate(None)


def test_compiled_descriptor_through_the_gpu_launch_path(compiled, fake):
    rng = np.random.default_rng(1)
    x = rng.random(700, dtype=np.float32)
    dout = gpu.to_device(np.zeros(1, np.float32))
    compiled.block_sum[3, 256](gpu.to_device(x), dout)
    assert dout.copy_to_host()[0] == pytest.approx(x.sum(dtype=np.float64), rel=1e-5)
    a = rng.random((9, 12), dtype=np.float32)
    out = gpu.to_device(np.zeros((9, 12), np.float32))
    compiled.stencil5[(2, 2), (8, 8)](gpu.to_device(a), out)
    ref = 0.25 * (a[:-2, 1:-1] + a[2:, 1:-1] + a[1:-1, :-2] + a[1:-1, 2:]) - a[1:-1, 1:-1]
    np.testing.assert_allclose(out.copy_to_host()[1:-1, 1:-1], ref, rtol=1e-5)


@pytest.mark.skipif(shutil.which("ptxas") is None, reason="ptxas not on PATH")
def test_benchmark_kernels_assemble(tmp_path):
    import json

    bench = fxload.compiled(BENCH)
    ptx = json.loads(bench.__fastext_gpu__())["ptx"]
    for arch, text in ptx.items():
        path = tmp_path / f"{arch}.ptx"
        path.write_text(text)
        subprocess.run(["ptxas", f"-arch={arch}", str(path), "-o", str(tmp_path / f"{arch}.cubin")], check=True)


def test_benchmark_script_gpu_path_with_the_fake_driver(tmp_path, monkeypatch):
    # benchmarks/gpu/run.py without --emulate: the compiled kernels, device arrays, events, the
    # correctness checks and the report, with tiny sizes (comparisons that need a real GPU are
    # skipped and say so in the notes)
    bench_run = load_bench_script()
    monkeypatch.setattr(bench_run.Sizes, "__init__", _tiny)
    FakeDriver(monkeypatch, fxload.interpreted(BENCH))
    out = tmp_path / "r.md"
    try:
        rc = bench_run.main(["--out", str(out), "--small"])
    finally:
        gpu.emulate(None)
    text = out.read_text()
    assert rc == 0, text
    assert "* GPU: FakeGPU (sm_90, 2 SMs)" in text and "* Mode: GPU" in text
    for name in ("saxpy", "sum reduction", "2-D 5-point stencil", "sgemm naive", "sgemm tiled 16x16",
                 "sgemm tiled 64x64", "empty kernel launch"):
        row = next(line for line in text.splitlines() if line.startswith(f"| {name}"))
        assert "WRONG" not in row and "ERROR" not in row, row


def _tiny(self, small):
    self.small = True
    self.vector, self.grid2d, self.gemm = 600, (10, 13), (20, 18, 70)
    self.launches, self.reps, self.gemm_reps, self.trials = 3, 1, 1, 1

