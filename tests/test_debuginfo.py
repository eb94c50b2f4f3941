"""`-g` builds: DWARF line tables that map machine code to `.fx` lines (docs/debugging.md).

Checked with the real tools: the object's line table (objdump), a breakpoint on a `.fx`
line in gdb with the `.fx` function in the backtrace, `perf report` attributing samples to
`.fx` lines; and that debug builds give the results of plain builds and of plain Python,
and are cached apart from them.
"""
from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys

import numpy as np
import pytest

from fastext import config
from fastext.build import settings as build_settings
from fastext.compiler.driver import compile_file
from fastext.compiler.link import link_shared
from fastext.config import Options
from fxload import FX_DIR, interpreted

FX = os.path.join(FX_DIR, "debug_kernels.fx")
LOOP_LINE = next(n for n, line in enumerate(open(FX), 1) if "# LOOP BODY" in line)


def _build(tmp, debug: bool):
    so = os.path.join(tmp, f"debug_kernels{'_g' if debug else ''}.so")
    link_shared(compile_file(FX, "debug_kernels", Options(debug=debug)).object_code, so)
    spec = importlib.util.spec_from_file_location("debug_kernels", so)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return so, mod


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    tmp = str(tmp_path_factory.mktemp("debuginfo"))
    return {"plain": _build(tmp, False), "debug": _build(tmp, True)}


def _decoded_lines(so: str) -> str:
    return subprocess.run(["objdump", "--dwarf=decodedline", so], capture_output=True, text=True).stdout


@pytest.mark.skipif(shutil.which("objdump") is None, reason="objdump (binutils) not installed")
def test_debug_build_maps_code_to_fx_lines(builds):
    lines = _decoded_lines(builds["debug"][0])
    assert "debug_kernels.fx" in lines
    fx_lines = {int(row.split()[1]) for row in lines.splitlines()
                if row.startswith("debug_kernels.fx") and row.split()[1].isdigit()}
    assert LOOP_LINE in fx_lines and len(fx_lines - {0}) >= 6
    assert "debug_kernels.fx" not in _decoded_lines(builds["plain"][0])    # no DWARF without -g


def test_debug_build_gives_the_same_results(builds):
    plain, debug, oracle = builds["plain"][1], builds["debug"][1], interpreted(FX)
    rng = np.random.default_rng(5)
    x, y = rng.standard_normal(1001), rng.standard_normal(1001)
    for fn, args in (("dot", (x, y)), ("dot", (x[::3], y[::-3])), ("clipped_sum", (x, -0.5, 0.7)),
                     ("twice_at", (np.arange(5), 3))):
        want = getattr(oracle, fn)(*args)
        assert getattr(plain, fn)(*args) == getattr(debug, fn)(*args)
        assert getattr(debug, fn)(*args) == pytest.approx(want, rel=1e-12)
    with pytest.raises(IndexError):
        debug.twice_at(np.arange(5), 5)
    with pytest.raises(TypeError, match="'x'"):
        debug.dot([1.0], y)


def test_debug_is_part_of_the_cache_key(monkeypatch):
    from fastext.importer import cache
    assert Options(debug=True).key() != Options().key()
    assert Options().key() == "O3-bc1-host--gpu:sm_80+sm_90"     # plain builds keep their key: no rebuild after upgrading
    monkeypatch.setenv("FASTEXT_DEBUG", "1")
    debug_options = config.options_from_env()
    monkeypatch.delenv("FASTEXT_DEBUG")
    assert debug_options.debug and not config.options_from_env().debug
    src = open(FX, "rb").read()
    keys = {cache.cache_key(cache.key_inputs(FX, src, [], o)) for o in (debug_options, config.options_from_env())}
    assert len(keys) == 2


def test_build_settings_debug(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.fastext]\ndebug = true\n")
    assert build_settings.load(str(tmp_path), environ={}).options().debug
    assert not build_settings.load(str(tmp_path), environ={"FASTEXT_BUILD_DEBUG": "0"}).options().debug
    (tmp_path / "pyproject.toml").write_text("[tool.fastext]\ndebug = \"sometimes\"\n")
    with pytest.raises(build_settings.SettingsError, match="`debug`"):
        build_settings.load(str(tmp_path), environ={})


def test_cli_dash_g(tmp_path, capsys):
    from fastext.cli import main
    out = str(tmp_path / "k.so")
    assert main(["build", "-g", FX, "-o", out]) == 0
    if shutil.which("objdump"):
        assert "debug_kernels.fx" in _decoded_lines(out)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("gdb") is None, reason="gdb not installed")
def test_gdb_breaks_on_a_fx_line(builds):
    so = builds["debug"][0]
    script = ("import importlib.util, numpy as np\n"
              f"spec = importlib.util.spec_from_file_location('debug_kernels', {so!r})\n"
              "m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)\n"
              "print('result', m.dot(np.arange(5.0), np.ones(5)))\n")
    cmd = ["gdb", "-nx", "-batch", "-iex", "set auto-load off", "-ex", "set breakpoint pending on",
           "-ex", f"break debug_kernels.fx:{LOOP_LINE}", "-ex", "run", "-ex", "bt", "-ex", "info locals",
           "-ex", "kill", "--args", sys.executable, "-c", script]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    out = proc.stdout + proc.stderr
    if "ptrace: Operation not permitted" in out or "Could not trace the inferior" in out:
        pytest.skip("gdb may not trace processes here (ptrace not permitted)")
    # "Thread 1 "python" hit Breakpoint 1, dot () ..." with threads, "Breakpoint 1, dot () ..." without
    assert re.search(r"Breakpoint 1(\.\d+)?, ", out), out[-3000:]
    frame0 = next(line for line in out.splitlines() if line.startswith("#0"))
    assert " dot " in frame0 and f"debug_kernels.fx:{LOOP_LINE}" in frame0, out[-3000:]
    assert "\ns = " in out and "\ni = " in out, out[-3000:]     # the .fx locals, by name
    assert "result" not in out          # stopped inside the call, before it returned


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("perf") is None, reason="perf not installed")
def test_perf_report_names_fx_lines(builds, tmp_path):
    so = builds["debug"][0]
    data = str(tmp_path / "perf.data")
    script = ("import importlib.util, numpy as np\n"
              f"spec = importlib.util.spec_from_file_location('debug_kernels', {so!r})\n"
              "m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)\n"
              "x = np.linspace(0, 1, 50_000)\n"
              "for _ in range(4000): m.dot(x, x[::-1])\n")
    rec = subprocess.run(["perf", "record", "-q", "-o", data, sys.executable, "-c", script],
                         capture_output=True, text=True, timeout=120)
    if rec.returncode != 0 or not os.path.exists(data):
        pytest.skip(f"perf record is not permitted here: {(rec.stderr or '').strip()[:200]}")
    report = subprocess.run(["perf", "report", "-i", data, "--stdio", "--sort", "dso,srcline"],
                            capture_output=True, text=True, timeout=120).stdout
    hot = [line for line in report.splitlines() if "debug_kernels_g.so" in line]
    assert any(f"debug_kernels.fx:{LOOP_LINE}" in line for line in hot), report[:3000]


@pytest.mark.slow
def test_py_spy_native_names_fx_lines(builds, tmp_path):
    """`py-spy record --native` shows the compiled frames as `.fx` function and file:line."""
    py_spy = shutil.which("py-spy") or os.path.join(os.path.dirname(sys.executable), "py-spy")
    if not os.path.exists(py_spy):
        pytest.skip("py-spy is not installed (pip install py-spy)")
    so = builds["debug"][0]
    out = tmp_path / "samples.txt"
    script = ("import importlib.util, numpy as np\n"
              f"spec = importlib.util.spec_from_file_location('debug_kernels', {so!r})\n"
              "m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)\n"
              "x = np.linspace(0, 1, 200_000)\n"
              "for _ in range(3000): m.dot(x, x[::-1])\n")
    rec = subprocess.run([py_spy, "record", "--native", "-r", "200", "-f", "raw", "-o", str(out), "--",
                          sys.executable, "-c", script], capture_output=True, text=True, timeout=180)
    if rec.returncode != 0 or not out.exists():
        pytest.skip(f"py-spy cannot sample here: {(rec.stderr or rec.stdout).strip()[-200:]}")
    assert f"dot (debug_kernels.fx:{LOOP_LINE})" in out.read_text(), out.read_text()[:2000]
