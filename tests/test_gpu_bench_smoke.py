"""benchmarks/gpu/run.py end to end in its --emulate --small mode: builds, checks every kernel
against NumPy, times, and writes the Markdown table (the GPU run uses the same code paths)."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRIPT = os.path.join(ROOT, "benchmarks", "gpu", "run.py")


@pytest.mark.slow
def test_gpu_benchmark_script_emulated(tmp_path):
    out = tmp_path / "nested" / "RESULTS.md"
    env = dict(os.environ, FASTEXT_GPU_RESULTS=str(out))   # the default path comes from the environment
    proc = subprocess.run([sys.executable, SCRIPT, "--emulate", "--small", "--seed", "7"], env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    text = out.read_text()
    assert "* GPU: CPU emulator" in text and "* Date: " in text and "* Versions: Python" in text
    for name in ("device-to-device copy", "saxpy", "sum reduction", "2-D 5-point stencil", "sgemm naive",
                 "sgemm tiled 16x16", "sgemm tiled 64x64", "empty kernel launch"):
        rows = [line for line in text.splitlines() if line.startswith(f"| {name}")]
        assert rows, f"no row for {name}:\n{text}"
        assert "WRONG" not in rows[0] and "ERROR" not in rows[0], rows[0]
    assert text.count("| ok") >= 7


def test_gpu_benchmark_reports_wrong_results(tmp_path, monkeypatch):
    # a kernel that computes the wrong thing is reported, and the script exits non-zero
    bench_run = load_bench_script()
    from fastext import gpu

    real_load = bench_run.Bench.load

    def broken_load(self):
        real_load(self)
        self.mod.saxpy = _wrong_saxpy      # computes the wrong thing: WRONG
        self.mod.stencil5 = None           # cannot launch: ERROR

    monkeypatch.setattr(bench_run.Bench, "load", broken_load)
    monkeypatch.setattr(bench_run.Sizes, "__init__", _tiny)
    try:
        rc = bench_run.main(["--emulate", "--small", "--out", str(tmp_path / "r.md")])
    finally:
        gpu.emulate(None)
    text = (tmp_path / "r.md").read_text()
    assert rc == 1
    saxpy = next(line for line in text.splitlines() if line.startswith("| saxpy |"))
    assert "WRONG" in saxpy
    assert "| 2-D 5-point stencil |  | — |" in text and "ERROR: TypeError" in text
    assert "| sgemm naive" in text and text.count("| ok") >= 4   # the others still ran


def _make_wrong_saxpy():
    from fastext import f32, gpu

    @gpu.kernel
    def saxpy(a: f32, x: f32[:], y: f32[:], out: f32[:]) -> None:
        i = gpu.global_id(0)
        if i < len(x):
            out[i] = a * x[i]     # forgets y

    return saxpy


_wrong_saxpy = _make_wrong_saxpy()


def _tiny(self, small):
    self.small = True
    self.vector, self.grid2d, self.gemm = 64, (6, 7), (5, 4, 3)
    self.launches, self.reps, self.gemm_reps, self.trials = 2, 1, 1, 1


def load_bench_script():
    """benchmarks/gpu/run.py as a module under a name no other test uses."""
    import importlib.util

    path = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "benchmarks", "gpu", "run.py")
    spec = importlib.util.spec_from_file_location("fastext_gpu_bench_run", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
