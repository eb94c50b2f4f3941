"""The NumPy-style suite (benchmarks/numpy_suite) runs end to end on two kernels, and its
Pythran copy of kernels.fx carries the right export lines.

The smoke run builds into benchmarks/_build/numpy_suite_smoke (git-ignored) so that the
Pythran build, which g++ needs many seconds for, is reused by later runs (`--quick` reuses
a build of identical source); fastext is compiled cold every time.
"""
import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SUITE = REPO / "benchmarks" / "numpy_suite"
KERNELS = ("laplacian", "rosenbrock")       # both compile in fastext, Numba and Pythran today
IMPLS = ("numpy", "fastext", "numba", "pythran")


def _load_source_module():
    spec = importlib.util.spec_from_file_location("ns_source", SUITE / "nsbench" / "source.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod            # dataclasses look their module up there
    spec.loader.exec_module(mod)
    return mod


def test_pythran_copy_has_exports_and_no_annotations():
    source = _load_source_module()
    kf = source.load(SUITE / "kernels.fx")
    assert len(kf.kernels) >= 24
    text, ranges = source.pythran_source(kf, ["harris", "grayscott", "normalize_f32"])
    assert "#pythran export harris(float64[:,:], float)" in text
    assert "#pythran export grayscott(float64[:,:], float64[:,:], float, float, float, float, int)" in text
    assert "#pythran export normalize_f32(float32[:,:])" in text
    assert "fastext" not in text.split("\n", 2)[2]          # past the generated-file header
    assert "_box3" in ranges                                # the helper harris calls comes along
    compile(text, "pythran_copy.py", "exec")                 # and it is valid Python


def test_subset_keeps_line_numbers():
    source = _load_source_module()
    kf = source.load(SUITE / "kernels.fx")
    sub = kf.subset_text(["harris"])
    lines, orig = sub.splitlines(), kf.text.splitlines()
    assert len(lines) == len(orig)
    f = kf.functions["harris"]
    assert lines[f.first - 1:f.last] == orig[f.first - 1:f.last]
    assert kf.functions["_box3"].first and "def _box3" in sub
    assert "def laplacian" not in sub


def test_quick_run_on_two_kernels(tmp_path):
    pytest.importorskip("numba")
    pytest.importorskip("pythran")
    if shutil.which("g++") is None:
        pytest.skip("Pythran needs g++")
    out = tmp_path / "quick.md"
    build = REPO / "benchmarks" / "_build" / "numpy_suite_smoke"
    env = dict(os.environ, PYTHONPATH=str(REPO))
    env.pop("FASTEXT_DISABLE", None)
    proc = subprocess.run([sys.executable, str(SUITE / "run.py"), "--quick", "--no-pin", "--only", ",".join(KERNELS),
                           "--build-dir", str(build), "--output", str(out)],
                          capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-3000:]
    report = out.read_text()
    for k in KERNELS:
        assert f"| `{k}`:" in report                        # a row of times
    assert "Every kernel compiles in every implementation." in report
    raw = json.loads((build / "quick.json").read_text())    # the raw numbers, beside the build
    for k in KERNELS:
        row = raw["rows"][k]
        assert {n: row["checks"][n]["outcome"] in ("exact", "close") for n in IMPLS} == dict.fromkeys(IMPLS, True), row
        assert set(row["stats"]) == set(IMPLS)               # all four timed
