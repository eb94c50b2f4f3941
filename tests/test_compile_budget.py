"""Compile-time budget (compiler/budget.py): the shapes LLVM optimises in superlinear time.

No timings are asserted here (the suite has none): each test checks the mechanism on the
shape that used to take minutes -- which LLVM functions are kept from the SLP vectoriser,
which are left unoptimised with a note, which constants are refused -- and that the
kernels of the repository are untouched.  tests/stress/compile_time.py measures the times.
"""
from __future__ import annotations

import glob
import os

import numpy as np
import pytest

import fxload
from fastext import config
from fastext.compiler import budget
from fastext.compiler.diagnostics import CompileError
from fastext.compiler.driver import check_file, compile_file
from fastext.compiler.frontend import check_source
from fastext.compiler.source import read_source


def straight_line(n: int, stmt: str = "s += x * {k} % 7", params: str = "x: i64") -> str:
    body = "".join("    " + stmt.format(k=k + 2) + "\n" for k in range(n))
    return f"from fastext import i64, f64\n\n\ndef f({params}) -> i64:\n    s = 0\n{body}    return s\n"


def _write(tmp_path, name: str, text: str) -> str:
    path = tmp_path / f"{name}.fx"
    path.write_text(text)
    return str(path)


def _python(n: int, x: int) -> int:
    return sum(x * (k + 2) % 7 for k in range(n))


def test_floor_mod_reduction_is_kept_from_slp(tmp_path):
    """100 lines of `s += x * k % 7`: 13 s in SLPVectorizerPass before, now not vectorised."""
    art = compile_file(_write(tmp_path, "mods", straight_line(100)))
    assert "llvm.vector.reduce" not in art.llvm_ir
    assert "noimplicitfloat" in art.llvm_ir
    assert art.notes == ()
    mod = fxload.compiled(_write(tmp_path, "mods_run", straight_line(100)))
    for x in (0, 1, -5, 12345, -(2 ** 40)):
        assert mod.f(x) == _python(100, x)


def test_short_runs_keep_the_vectorisers(tmp_path):
    art = compile_file(_write(tmp_path, "short", straight_line(12)))
    assert "noimplicitfloat" not in art.llvm_ir


def test_straight_line_run_metric():
    module, _ = check_source(read_source_text(straight_line(30)), "m")
    assert budget.straight_line_int_ops(module.functions["f"]) == 3 * 30
    looped = ("from fastext import i64\n\n\ndef f(x: i64) -> i64:\n    s = 0\n"
              "    for i in range(x):\n        s += i % 7\n        s += i % 5\n    return s\n")
    module, _ = check_source(read_source_text(looped), "m")
    assert budget.straight_line_int_ops(module.functions["f"]) == 4


def read_source_text(text: str):
    from fastext.compiler.source import SourceFile
    return SourceFile("m.fx", text)


def test_huge_function_is_left_unoptimised_with_a_note(tmp_path):
    path = _write(tmp_path, "huge", straight_line(1200))
    art = compile_file(path)
    (note,) = art.notes
    assert note.severity == "note" and note.span.line == 4 and "`f` is too large to optimise" in note.message
    assert note.render().startswith(f"{path}:4:1: note: ")
    assert "optnone" in art.llvm_ir
    mod = fxload.compiled(_write(tmp_path, "huge_run", straight_line(1200)))
    assert mod.f(7) == _python(1200, 7) and mod.f(-3) == _python(1200, -3)


def test_many_divisions_by_a_variable_are_left_unoptimised(tmp_path):
    """500 lines of `s += x * k % m`: n zero-division branches on `m`, InstCombine n^2 (6 s)."""
    src = straight_line(100, "s += x * {k} % m", "x: i64, m: i64")
    art = compile_file(_write(tmp_path, "varmod", src))
    (note,) = art.notes
    assert "100 integer divisions by variables" in note.message and note.severity == "note"
    mod = fxload.compiled(_write(tmp_path, "varmod_run", src))
    assert mod.f(7, 5) == sum(7 * (k + 2) % 5 for k in range(100))
    assert mod.f(-7, -3) == sum(-7 * (k + 2) % -3 for k in range(100))
    with pytest.raises(ZeroDivisionError):
        mod.f(1, 0)


def test_many_loops_are_kept_from_the_vectorisers(tmp_path):
    loops = "".join(f"    for i in range(len(a)):\n        s += a[i] * {k}.0\n" for k in range(100))
    src = f"from fastext import f64\n\n\ndef f(a: f64[:]) -> f64:\n    s = 0.0\n{loops}    return s\n"
    module, _ = check_source(read_source_text(src), "m")
    assert budget.loop_count(module.functions["f"]) == 100
    art = compile_file(_write(tmp_path, "loops", src))
    assert "noimplicitfloat" in art.llvm_ir and art.notes == ()


def test_no_budget_at_o0(tmp_path):
    from fastext.config import Options
    art = compile_file(_write(tmp_path, "o0", straight_line(1200)), options=Options(opt_level=0))
    assert art.notes == ()


REAL = sorted(set(glob.glob(os.path.join(fxload.REPO, "examples", "**", "*.fx"), recursive=True)
                  + [p for p in glob.glob(os.path.join(fxload.REPO, "benchmarks", "**", "*.fx"), recursive=True)
                     if "_build" not in p]          # build outputs of local runs are not the repository's
                  + glob.glob(os.path.join(fxload.FX_DIR, "*.fx"))))


_INLINED_FFT2 = {("np_reach_r10.fx", "roundtrip")}


@pytest.mark.parametrize("path", REAL, ids=lambda p: os.path.relpath(p, fxload.REPO))
def test_real_kernels_are_far_from_the_limits(path):
    """The limits leave every kernel of the repository alone, with a wide margin."""
    module, _ = check_source(read_source(path), "m")
    if module is None:
        pytest.skip("does not check (a file of intended errors)")
    for fn in module.functions.values():
        assert budget.straight_line_int_ops(fn) * 3 <= config.SLP_RUN_LIMIT, fn.name
        # NumPy-style code reaches a quarter of the loop limit: a dozen masked stores (`periodic_dist`
        # of np_breadth.fx) are 23 loops
        # ... except an rfft2/irfft2 round trip, whose 2-D passes are inlined loops (41): under
        # the limit, without the margin (outlining the 2-D passes is the known fix)
        margin = 2 if (os.path.basename(path), fn.name) in _INLINED_FFT2 else 3
        assert budget.loop_count(fn) * margin <= config.LOOP_LIMIT, fn.name
        assert budget.straight_line_operations(fn) * 5 <= config.HUGE_RUN_OPERATIONS, fn.name
        assert budget.straight_line_divisions(fn) * 8 <= config.DIVISION_RUN_LIMIT, fn.name


def test_largest_kernel_is_far_below_the_huge_limit():
    from fastext.compiler.backend import target_machine
    from fastext.compiler.emit import lower_module
    from fastext.compiler.analysis import analyse
    from fastext.config import Options
    module, _ = check_source(read_source(os.path.join(fxload.REPO, "benchmarks", "suite.fx")), "suite")
    analyse(module)
    tm = target_machine(Options())
    counts = budget.instruction_counts(lower_module(module, triple=tm.triple, datalayout=str(tm.target_data)))
    assert max(counts.values()) * 5 < config.HUGE_FUNCTION_INSTRUCTIONS
    assert max(budget.straight_line_operations(fn) for fn in module.functions.values()) * 5 < \
        config.HUGE_RUN_OPERATIONS


def test_instruction_counts_reads_llvm_text():
    text = 'define internal i64 @"fx.f.contiguous"(i64 %x) {\nentry:\n  %a = add i64 %x, 1\n  ret i64 %a\n}\n'
    assert budget.instruction_counts(text) == {"fx.f.contiguous": 2}


@pytest.mark.parametrize("text,line", [
    ("N = 10 ** 10 ** 10\n", 3),
    ("N = 1 << 10 ** 12\n", 3),
    ("N = (-7) ** 10 ** 9\n", 3),
])
def test_huge_constants_are_refused_at_once(tmp_path, text, line):
    """`N = 10 ** 10 ** 10` took over a minute before being refused; now a located error at once."""
    src = "from fastext import i64\n\n" + text + "\n\ndef f(x: i64) -> i64:\n    return x + N\n"
    (d,) = check_file(_write(tmp_path, "big", src))
    assert d.span.line == line and "bits" in d.message and d.severity == "error"


def test_huge_literal_power_in_a_function_is_located(tmp_path):
    src = "from fastext import i64\n\n\ndef f(x: i64) -> i64:\n    y = 3 ** 10 ** 10\n    return x + y\n"
    (d,) = check_file(_write(tmp_path, "bigf", src))
    assert d.span.line == 5 and d.span.col == 8 and "bits" in d.message


def test_constants_that_fit_still_fold(tmp_path):
    src = "from fastext import i64\n\nN = 2 ** 62\nM = 1 << 40\n\n\ndef f(x: i64) -> i64:\n    return x + N + M + 3 ** 39\n"
    mod = fxload.compiled(_write(tmp_path, "fits", src))
    assert mod.f(1) == 1 + 2 ** 62 + (1 << 40) + 3 ** 39


def test_budget_errors_are_compile_errors_not_crashes(tmp_path):
    with pytest.raises(CompileError):
        compile_file(_write(tmp_path, "bad", "from fastext import i64\n\nN = 10 ** 10 ** 10\n"))


def test_fastext_build_prints_the_note(tmp_path):
    import subprocess
    import sys
    path = _write(tmp_path, "hugecli", straight_line(1200))
    run = subprocess.run([sys.executable, "-m", "fastext.cli", "build", path, "--emit", "obj",
                          "-o", str(tmp_path / "hugecli.o")], capture_output=True, text=True)
    assert run.returncode == 0
    assert f"{path}:4:1: note: `f` is too large to optimise" in run.stderr


def test_import_warns_with_the_note(tmp_path):
    """`import huge` says why `f` is slower than it could be, as `fastext build` does."""
    from importer_helpers import run_python
    path = _write(tmp_path, "hugeimp", straight_line(1200))
    run = run_python("import hugeimp\nprint(hugeimp.f(2))", cwd=str(tmp_path), path=[str(tmp_path)])
    assert run.stdout.strip() == str(_python(1200, 2))
    assert f"{path}:4:1: note: `f` is too large to optimise" in run.stderr, run.stderr
    assert "FastextWarning" in run.stderr
    again = run_python("import hugeimp", cwd=str(tmp_path), path=[str(tmp_path)])
    assert "too large" not in again.stderr      # a cache hit compiles nothing and says nothing


def test_a_function_of_very_many_loops_is_left_unoptimised(tmp_path):
    loops = "".join(f"    for i in range(len(a)):\n        s += a[i] * {k}.0\n" for k in range(260))
    src = f"from fastext import f64\n\n\ndef f(a: f64[:]) -> f64:\n    s = 0.0\n{loops}    return s\n"
    (note,) = compile_file(_write(tmp_path, "loops260", src)).notes
    assert "260 loops, limit 256" in note.message


VARIANTS = '''from fastext import f64, i32, i64


def escape(out: i32[:], c: f64[:], maxiter: i64) -> None:
    for i in range(len(out)):
        z = 0.0
        n = 0
        ci = c[i]
        while n < maxiter and z * z < 4.0:
            z = z * z + ci
            n += 1
        out[i] = n


def total(x: f64[:]) -> f64:
    s = 0.0
    for i in range(len(x)):
        s += x[i]
    return s


def _step(v: f64[:], k: i64) -> f64:
    return v[k] * 2.0


def through_helper(v: f64[:]) -> f64:
    s = 0.0
    for k in range(len(v)):
        s += _step(v, k)
    return s
'''


def test_variants_only_where_an_innermost_loop_indexes(tmp_path):
    # `escape` reads and writes items only around its `while` loop: a contiguous or no-alias copy
    # gains nothing there, so it gets none; `total` and `through_helper` (its innermost loop
    # indexes through the helper it calls) keep theirs
    path = _write(tmp_path, "variants", VARIANTS)
    ir_text = compile_file(path).unoptimized_ir
    assert '@"fx.escape.contiguous"(' not in ir_text and '@"fx.escape.noalias"(' not in ir_text
    assert 'define internal {i32, double} @"fx.total.contiguous"(' in ir_text
    assert 'define internal {i32, double} @"fx.through_helper.contiguous"(' in ir_text
    both = fxload.compiled(path), fxload.interpreted(path)
    c = np.linspace(-1.0, 0.5, 12)
    for arrays in ((np.zeros(12, np.int32), c), (np.zeros(24, np.int32)[::2], c[::-1])):   # dense, strided
        fxload.assert_same_outcome(both, "escape", *arrays, 50)
    fxload.assert_same_outcome(both, "total", c[::3])
    fxload.assert_same_outcome(both, "through_helper", c)
