"""benchmarks/compile/profile.py: the split of a cold compile it prints covers every unit.

No timings are asserted (the machine is shared): the per-unit rows must name each unit the
driver compiles, with its lines of IR, so the split adds up to the compile it describes.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

from fastext.compiler.units import split

SOURCE = """from fastext import f64, i64


def add(a: i64, b: i64) -> i64:
    return a + b


def dot(x: f64[:], y: f64[:]) -> f64:
    s = 0.0
    for i in range(len(x)):
        s += x[i] * y[i]
    return s
"""


def _profile_module():
    path = Path(__file__).resolve().parent.parent / "benchmarks" / "compile" / "profile.py"
    spec = importlib.util.spec_from_file_location("compile_profile", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_profile_rows_cover_every_unit(tmp_path, monkeypatch):
    monkeypatch.setenv("FASTEXT_JOBS", "1")
    monkeypatch.setenv("FASTEXT_UNIT_CACHE", "0")
    src = tmp_path / "prof_mod.fx"
    src.write_text(SOURCE)
    profile = _profile_module()
    timings, cpu, ir_text, options, nv, no = profile.stages(str(src), 1)
    assert {"check", "lower"} <= set(timings) and cpu > 0
    rows = profile.units(ir_text, options, nv, no, 1)
    names = {r[0] for r in rows}
    assert names == {u.name or "(module unit)" for u in split(ir_text)}
    assert {"fxw.add", "fxw.dot", "(module unit)"} <= names
    for name, lines, parse, opt, codegen in rows:
        assert lines > 0 and min(parse, opt, codegen) >= 0, name
