"""`fastext bench` on a module with GPU kernels: launch overhead and kernel time per case.

Without a GPU (here, CI) the report says why kernels were not timed; the timing itself runs
through the whole GPU launch path with the fake driver of tests/gpu_fake_driver.py (its
events read the host clock), so the recording, grouping and overhead loop are exercised.
"""
from __future__ import annotations

import json
import os

import numpy as np
import pytest

import fxload
from fastext import gpu
from fastext.bench import gpu as bench_gpu
from fastext.bench.cases import call_case
from fastext.gpu import launch
from gpu_fake_driver import FakeDriver
from test_bench import bench, check_schema

FX = os.path.join(fxload.FX_DIR, "gpu_emul.fx")
SETUP = "x = np.arange(512, dtype=np.float32); y = np.ones(512, np.float32); out = np.zeros(512, np.float32)"


def test_without_a_gpu_the_report_says_why(tmp_path):
    out = tmp_path / "run.json"
    r = bench(FX, "--quick", "--no-compile", "--no-boundary", "--setup", SETUP,
              "--call", "saxpy[2, 256](np.float32(2), x, y, out)", "--json", str(out),
              env={"FASTEXT_GPU_EMULATE": "1"}, cache=str(tmp_path / "cache"))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "GPU kernels: block_sum," in r.stdout and "not timed (the cases ran them in the CPU emulator)" in r.stdout
    doc = json.loads(out.read_text())
    check_schema(doc)
    assert doc["gpu"]["reason"].startswith("emulation was asked for") and doc["gpu"]["cases"] == {}
    assert "saxpy" in doc["gpu"]["kernels"]


def test_a_module_without_kernels_has_no_gpu_section(tmp_path):
    r = bench(os.path.join(fxload.EXAMPLES, "kernels.fx"), "--quick", "--no-compile", "--no-boundary",
              "--call", "dot(np.ones(10), np.ones(10))", "--json", str(tmp_path / "r.json"),
              cache=str(tmp_path / "cache"))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "GPU kernels" not in r.stdout and json.loads((tmp_path / "r.json").read_text())["gpu"] is None


@pytest.fixture
def fake(monkeypatch):
    gpu.emulate(False)
    yield FakeDriver(monkeypatch, fxload.interpreted(FX))
    gpu.emulate(None)


def test_profile_case_counts_launches_and_times_them(fake):
    compiled = fxload.compiled(FX)
    case = call_case("(saxpy[2, 256](np.float32(2), dx, dy, do), saxpy[1, 512](np.float32(3), dx, dy, do), "
                     "block_sum[2, 64](dx, acc))",
                     "dx = gpu.to_device(np.arange(512, dtype=np.float32)); dy = gpu.to_device(np.ones(512, np.float32))"
                     "; do = gpu.device_array(512, np.float32); acc = gpu.device_array(1, np.float32)")
    assert bench_gpu.unavailable_reason() is None
    records = {r["kernel"]: r for r in bench_gpu.profile_case(case, compiled, repeats=3, overhead_launches=2)}
    assert set(records) == {"saxpy", "block_sum"}
    assert records["saxpy"]["launches_per_call"] == 2 and records["block_sum"]["launches_per_call"] == 1
    assert records["block_sum"]["grid"] == [2, 1, 1] and records["block_sum"]["block"] == [64, 1, 1]
    saxpy = records["saxpy"]
    assert len(saxpy["kernel_time"]["samples_s"]) == 6 and all(t > 0 for t in saxpy["kernel_time"]["samples_s"])
    assert saxpy["launch_overhead"]["median_s"] > 0
    # the last configuration launched is the one timed back to back
    assert saxpy["grid"] == [1, 1, 1] and saxpy["block"] == [512, 1, 1]
    assert launch._recorder is None
    # the section as the JSON document and the terminal report carry it
    from fastext.bench import schema
    from fastext.bench.report import _render_gpu
    section = {"kernels": bench_gpu.kernel_names(compiled), "reason": None, "device": gpu.device_info(),
               "cases": {"two saxpys": list(records.values()), "broken": "RuntimeError: boom"}}
    doc_schema = schema.load()
    gpu_schema = dict(doc_schema["properties"]["gpu"], **{"$defs": doc_schema["$defs"]})
    assert schema.validate(json.loads(json.dumps(section)), gpu_schema, use_jsonschema=False) == []
    text = "\n".join(_render_gpu(section))
    assert "on FakeGPU" in text and "launches/call" in text and "1x1x1 / 512x1x1" in text and "RuntimeError" in text


def test_recording_sees_fast_path_launches(fake):
    compiled = fxload.compiled(FX)
    dx = gpu.to_device(np.ones(256, np.float32))
    do = gpu.device_array(256, np.float32)
    k = compiled.saxpy[1, 256]
    for _ in range(3):          # the launcher may be on its fast path now: recording must still see it
        k(np.float32(1), dx, dx, do)
    with launch.recording() as recs:
        k(np.float32(1), dx, dx, do)
    assert len(recs) == 1 and recs[0][0] is k
    np.testing.assert_allclose(do.copy_to_host(), 2.0)
