"""`fastext bench`: the CLI on the examples (human and JSON output, the JSON checked against its
schema), --call, --vs, --compare, result checks and bad input.  No timing assertions."""
import copy
import json
import os
import subprocess
import sys

import pytest

from fastext.bench import schema
from fastext.bench.boundary import parameters
from fastext.bench.checks import same
from fastext.bench.compare import compare, verdict

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLES = os.path.join(REPO, "examples")
KERNELS = os.path.join(EXAMPLES, "kernels.fx")
FAST = ["--quick", "--repeat", "2", "--sample-time", "0.002"]
LEAN = FAST + ["--no-compile", "--no-boundary", "-q"]


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory):
    return str(tmp_path_factory.mktemp("fxcache"))


def bench(*args, cwd=None, env=None, cache=None):
    full_env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [REPO, (env or {}).get("PYTHONPATH")])))
    full_env.update({k: v for k, v in (env or {}).items() if k != "PYTHONPATH"})
    if cache:
        full_env["FASTEXT_CACHE_DIR"] = cache
    r = subprocess.run([sys.executable, "-m", "fastext.cli", "bench", *args], capture_output=True, text=True,
                       cwd=cwd, env=full_env, timeout=120)
    assert "Traceback" not in r.stdout + r.stderr, r.stdout + r.stderr
    return r


def check_schema(doc):
    assert schema.validate(doc, use_jsonschema=False) == []
    try:
        import jsonschema  # noqa: F401
    except ImportError:
        return
    assert schema.validate(doc) == []


@pytest.fixture(scope="module")
def kernels_run(tmp_path_factory, cache_dir):
    out = tmp_path_factory.mktemp("run") / "run.json"
    r = bench(KERNELS, *FAST, "--json", str(out), cache=cache_dir)
    return r, json.loads(out.read_text())


def test_examples_human_output(kernels_run):
    r, _ = kernels_run
    assert r.returncode == 0, r.stdout + r.stderr
    for text in ("bench_dot", "bench_mandel", "bench_mean_std", "compiled", "interpreted", "speedup",
                 "boundary cost", "dot", "compile profile", "cold compile", "cached import", "3 cases: 3 ok"):
        assert text in r.stdout
    assert "[1/3] bench_dot" in r.stderr          # progress goes to stderr


def test_examples_json_follows_schema(kernels_run):
    _, doc = kernels_run
    check_schema(doc)
    assert doc["schema"] == "fastext-bench" and doc["schema_version"] == 1
    assert [c["name"] for c in doc["cases"]] == ["bench_dot", "bench_mandel", "bench_mean_std"]
    for case in doc["cases"]:
        assert case["status"] == "ok"
        for impl in ("compiled", "interpreted"):
            timing = case["impls"][impl]["timing"]
            assert len(timing["samples_s"]) == 2 and timing["median_s"] > 0
        assert case["speedup"]["interpreted"]["median"] > 0
    assert {b["function"] for b in doc["boundary"]} == {"dot", "mandel", "mean_std"}
    assert all(b["status"] == "ok" and b["compiled_ns"] > 0 for b in doc["boundary"])
    cold = doc["compile"]["cold"]
    assert cold["status"] == "ok" and {"check", "lower", "optimize", "codegen"} <= set(cold["stages_s"])
    assert doc["compile"]["cached_import"]["status"] == "ok"
    assert doc["summary"] == {"cases": 3, "ok": 3, "failed": 0, "exit_status": 0}


def test_schema_rejects_a_broken_document(kernels_run):
    doc = copy.deepcopy(kernels_run[1])
    doc["cases"][0]["impls"]["compiled"]["status"] = "fine"
    del doc["summary"]["ok"]
    errors = schema.validate(doc, use_jsonschema=False)
    assert any("fine" in e for e in errors) and any("'ok'" in e for e in errors)


def test_call_expression_by_module_name(cache_dir):
    r = bench("kernels", "--call", "dot(np.ones(1000), np.arange(1000.0))", *LEAN, cwd=EXAMPLES, cache=cache_dir)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "dot(np.ones(1000), np.arange(1000.0))" in r.stdout
    assert "bench_dot" not in r.stdout             # --call replaces the sibling cases file
    assert "1 case: 1 ok" in r.stdout


def test_wrong_alternative_fails_and_right_one_passes(tmp_path, cache_dir):
    (tmp_path / "alt.py").write_text(
        "def dot(x, y):\n"
        "    s = 0.0\n"
        "    for i in range(len(x)):\n"
        "        s += float(x[i]) * float(y[i])\n"
        "    return s\n"
        "def wrong_dot(x, y):\n"
        "    return dot(x, y) + 1.0\n")
    call = ["--call", "dot(np.arange(50.0), np.arange(50.0))"]
    r = bench(KERNELS, *call, *LEAN, "--vs", "alt:wrong_dot=dot", cwd=tmp_path, cache=cache_dir)
    assert r.returncode == 1
    assert "MISMATCH" in r.stdout and "returned 40426.0 vs 40425.0" in r.stdout
    r = bench(KERNELS, *call, *LEAN, "--vs", "alt:dot", cwd=tmp_path, cache=cache_dir)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "alt:alt:dot" in r.stdout


def test_numba_baseline(cache_dir):
    pytest.importorskip("numba")
    r = bench(KERNELS, "--call", "dot(np.ones(100), np.ones(100))", *LEAN, "--vs", "numba", cache=cache_dir)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "numba" in r.stdout and "1 case: 1 ok" in r.stdout
    # the report says what plain njit leaves out
    assert "no bounds checks" in r.stdout and "no parallel=True" in r.stdout and "--vs numba-parallel" in r.stdout


PARALLEL_FX = """\
from fastext import f64, prange


def row_sums(a: f64[:, :], out: f64[:]) -> None:
    for i in prange(a.shape[0]):
        s = 0.0
        for j in range(a.shape[1]):
            s += a[i, j]
        out[i] = s
"""


def test_numba_parallel_baseline(tmp_path, cache_dir):
    pytest.importorskip("numba")
    fx = tmp_path / "par.fx"
    fx.write_text(PARALLEL_FX)
    out = tmp_path / "run.json"
    r = bench(str(fx), "--setup", "a = np.ones((64, 32)); o = np.empty(64)", "--call", "row_sums(a, o)",
              *LEAN, "--vs", "numba-parallel", "--json", str(out), cwd=tmp_path, cache=cache_dir)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "numba-parallel" in r.stdout and "1 case: 1 ok" in r.stdout
    assert "numba.njit(parallel=True)" in r.stdout and "numba.prange" in r.stdout
    assert "has no prange loop" not in r.stdout
    doc = json.loads(out.read_text())
    check_schema(doc)
    assert doc["settings"]["baselines"] == ["interpreted", "numba-parallel"]
    assert any("parallel=True" in n for n in doc["settings"]["baseline_notes"])


def test_numba_parallel_maps_prange(tmp_path):
    # in a process of its own: Numba's parallel set-up in this process disturbed the MCJIT loader
    # that test_compiler_stages.py uses later (jit.py; the import hook links with cc instead)
    pytest.importorskip("numba")
    fx = tmp_path / "par.fx"
    fx.write_text(PARALLEL_FX)
    script = f"""
import numba
from fastext.bench import target as targets
t = targets.Target(name="par", fx_path={str(fx)!r}, cases_file=None)
assert targets.uses_prange(t)
ns = targets.load_numba(t, parallel=True)
assert ns.prange is numba.prange and ns.row_sums.targetoptions.get("parallel") is True
assert not targets.load_numba(t).row_sums.targetoptions.get("parallel")
assert not targets.uses_prange(targets.Target(name="k", fx_path={KERNELS!r}, cases_file=None))
"""
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode == 0, r.stderr


def test_numba_missing_is_a_clear_error(tmp_path, cache_dir):
    (tmp_path / "numba").mkdir()
    (tmp_path / "numba" / "__init__.py").write_text("raise ImportError('no numba here')\n")
    r = bench(KERNELS, *LEAN, "--vs", "numba", env={"PYTHONPATH": str(tmp_path)}, cache=cache_dir)
    assert r.returncode == 2
    assert "numba is not installed" in r.stderr


CASES = f'''
TARGET = {KERNELS!r}
import numpy as np

def bench_raises(m):
    x = np.ones(3)
    return lambda: m.dot(x, np.ones(4))

def bench_bad_return(m):
    return 42

def bench_slow(m):
    x = np.ones(2_000_000)
    return m.dot, (x, x)

def bench_fine(m):
    out = np.zeros((3, 4), np.int32)
    return m.mandel, (out, 20)
'''


def test_failing_cases_are_reported_and_exit_nonzero(tmp_path, cache_dir):
    (tmp_path / "mixed_bench.py").write_text(CASES)
    out = tmp_path / "r.json"
    r = bench(str(tmp_path / "mixed_bench.py"), *LEAN, "--budget", "0.5", "--json", str(out), cache=cache_dir)
    assert r.returncode == 1
    assert "ValueError: x and y must have the same length" in r.stdout
    assert "must return a callable, or (callable, args); it returned int" in r.stdout
    assert "TIMEOUT" in r.stdout and "over the budget of 0.5 s" in r.stdout
    doc = json.loads(out.read_text())
    check_schema(doc)
    status = {c["name"]: c["status"] for c in doc["cases"]}
    assert status == {"bench_raises": "error", "bench_bad_return": "error", "bench_slow": "timeout",
                      "bench_fine": "ok"}
    assert doc["summary"]["exit_status"] == 1


@pytest.mark.parametrize("args, message", [
    (["nosuch.fx"], "no such file: nosuch.fx"),
    (["no_such_module_xyz"], "no module named 'no_such_module_xyz'"),
    (["json"], "is not a .fx module"),
    ([KERNELS, "--cases", "nosuch_bench.py"], "no such cases file"),
    ([KERNELS, "--call", "dot("], "invalid expression"),
    ([KERNELS, "--vs", "nosuch_mod:f"], "no module named 'nosuch_mod'"),
    ([KERNELS, "--vs", "oops"], "--vs oops: no module named 'oops'"),
    ([KERNELS, "--vs", ":dot"], "expected 'numba', 'numba-parallel', 'module' or 'module:function'"),
    ([], "no TARGET"),
    (["--compare", "nosuch.json", "other.json"], "cannot read nosuch.json"),
])
def test_bad_input_is_a_clear_message(args, message, tmp_path, cache_dir):
    r = bench(*args, *(["-q"] if args else []), cwd=tmp_path, cache=cache_dir)
    assert r.returncode == 2
    assert message in r.stderr, r.stderr


def test_compile_error_shows_diagnostics(tmp_path, cache_dir):
    (tmp_path / "broken.fx").write_text("from fastext import f64\n\ndef f(x: f64) -> f64:\n    y = undefined_name\n    return x\n")
    r = bench(str(tmp_path / "broken.fx"), "-q", cache=cache_dir)
    assert r.returncode == 2
    assert "broken.fx:4:9: error:" in r.stderr and "does not compile" in r.stderr


def test_compare_two_files(kernels_run, tmp_path):
    old = copy.deepcopy(kernels_run[1])
    # a tight spread, so the verdict depends on the edit below and not on how noisy the
    # machine was while the fixture ran
    timing = old["cases"][0]["impls"]["compiled"]["timing"]
    timing.update(median_s=1e-3, q1_s=0.95e-3, q3_s=1.05e-3, samples_s=[0.95e-3, 1e-3, 1.05e-3])
    new = copy.deepcopy(old)
    timing = new["cases"][0]["impls"]["compiled"]["timing"]     # bench_dot, made 3x slower
    for key in ("median_s", "q1_s", "q3_s"):
        timing[key] *= 3
    timing["samples_s"] = [3 * s for s in timing["samples_s"]]
    new["created"] = "later"
    (tmp_path / "old.json").write_text(json.dumps(old))
    (tmp_path / "new.json").write_text(json.dumps(new))
    r = bench("--compare", str(tmp_path / "old.json"), str(tmp_path / "new.json"))
    assert r.returncode == 0, r.stderr
    assert "SLOWER" in r.stdout and "+200.0%" in r.stdout and "1 regression" in r.stdout
    r = bench("--compare", str(tmp_path / "old.json"), str(tmp_path / "new.json"), "--fail-on-regression")
    assert r.returncode == 1
    r = bench("--compare", str(tmp_path / "new.json"), str(tmp_path / "old.json"))
    assert "faster" in r.stdout and "1 improvement" in r.stdout
    (tmp_path / "other.json").write_text('{"a": 1}')
    r = bench("--compare", str(tmp_path / "other.json"), str(tmp_path / "old.json"))
    assert r.returncode == 2 and "not a `fastext bench --json` file" in r.stderr


# ---------------------------------------------------------------- units


def test_same():
    np = pytest.importorskip("numpy")
    assert same(3, 3) is None and same(3, 4)
    assert same(True, 1)                                  # a bool is not an int
    assert same((1.0, 2), (1.0, 2)) is None and same((1.0, 2), (1.0, 3))
    assert same(float("nan"), float("nan")) is None
    assert same(1.0, 1.0 + 1e-12) and same(1.0, 1.0 + 1e-12, rtol=1e-9) is None
    assert same(np.float64(2.0), 2.0) is None
    assert same(np.arange(4), np.arange(4)) is None
    assert "shapes differ" in same(np.arange(4), np.arange(5))
    assert "first at [2]" in same(np.array([1, 2, 3]), np.array([1, 2, 4]))
    assert same(np.array([np.nan]), np.array([np.nan])) is None


def test_signature_parameters():
    assert parameters("mandel(out: i32[:, :], max_iter: i64 = 256) -> i64") == [("out", "i32[:, :]"),
                                                                              ("max_iter", "i64")]


def test_recorder_keeps_the_smallest_outside_call():
    import types
    import numpy as np
    from fastext.bench.boundary import Recorder
    mod = types.ModuleType("m")
    exec("def g(a):\n    return len(a)\n\ndef f(a):\n    return g(a) + g(a[:1])\n", mod.__dict__)
    rec = Recorder(mod, ["f", "g", "h"])
    rec.case = "bench_big"
    mod.f(np.ones(100))
    rec.case = "bench_small"
    mod.f(np.ones(3))
    mod.g(np.ones(50), )
    assert rec.calls["f"][2] == "bench_small" and rec.calls["f"][1][0].shape == (3,)
    assert rec.calls["g"][1][0].shape == (50,)        # g's calls from inside f are not the case's
    mod.g(a=np.ones(1))
    assert "g" in rec.keywords_only and "h" not in rec.calls


def test_verdict_needs_a_change_beyond_noise():
    old = {"median_s": 1.0, "q1_s": 0.9, "q3_s": 1.1}
    assert verdict(old, {"median_s": 1.5, "q1_s": 1.2, "q3_s": 1.6}, 0.1)[0] == "regression"
    assert verdict(old, {"median_s": 1.5, "q1_s": 1.0, "q3_s": 1.6}, 0.1)[0] == "same"   # IQRs overlap
    assert verdict(old, {"median_s": 0.5, "q1_s": 0.45, "q3_s": 0.6}, 0.1)[0] == "improvement"
    assert compare  # imported for the CLI tests


def test_whole_module_alternative(tmp_path, cache_dir):
    """`--vs MODULE`: its functions stand in for the compiled ones of the same names."""
    (tmp_path / "handmade.py").write_text(
        "def dot(x, y):\n"
        "    return float(sum(float(a) * float(b) for a, b in zip(x, y)))\n")
    call = ["--call", "dot(np.arange(50.0), np.arange(50.0))"]
    r = bench(KERNELS, *call, *LEAN, "--vs", "handmade", cwd=tmp_path, cache=cache_dir)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "alt:handmade" in r.stdout
    (tmp_path / "unrelated.py").write_text("def other(x):\n    return x\n")
    r = bench(KERNELS, *call, *LEAN, "--vs", "unrelated", cwd=tmp_path, cache=cache_dir)
    assert r.returncode == 2 and "defines none of kernels's functions" in r.stdout + r.stderr


def test_plot_file(tmp_path, cache_dir):
    pytest.importorskip("matplotlib")
    out = tmp_path / "speed.png"
    r = bench(KERNELS, *LEAN, "--plot", str(out), cache=cache_dir)
    assert r.returncode == 0, r.stdout + r.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_plot_needs_matplotlib_and_a_known_format(monkeypatch):
    from fastext.bench import plot
    with pytest.raises(plot.PlotUnavailable, match=r"\.png, \.svg or \.pdf"):
        plot.check("speed.bmp")
    monkeypatch.setitem(sys.modules, "matplotlib", None)     # as if not installed
    with pytest.raises(plot.PlotUnavailable, match=r"pip install 'fastext\[plot\]'"):
        plot.check("speed.png")


def test_profile_counts_recursive_calls_exactly(tmp_path, cache_dir):
    """--profile: an instrumented build counts every native call, internal and recursive ones too."""
    (tmp_path / "rec.fx").write_text(
        "from fastext import f64, i64\n\n\n"
        "def fib(n: i64) -> i64:\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n\n\n"
        "def _sq(x: f64) -> f64:\n    return x * x\n\n\n"
        "def norm(n: i64) -> f64:\n    s = 0.0\n    for i in range(n):\n        s += _sq(float(i))\n    return s\n")
    out = tmp_path / "prof.json"
    r = bench(str(tmp_path / "rec.fx"), "--call", "fib(10)", "--call", "norm(100)", *LEAN, "--profile",
              "--json", str(out), cwd=tmp_path, cache=cache_dir)
    assert r.returncode == 0, r.stdout + r.stderr
    doc = json.loads(out.read_text())
    check_schema(doc)
    calls = {case: {row["function"]: row["calls"] for row in rows} for case, rows in doc["profile"].items()}
    fib_case, norm_case = sorted(calls, key=lambda c: "norm" in c)
    assert calls[fib_case] == {"fib": 177}                 # fib(10) makes 177 calls in all
    assert calls[norm_case] == {"norm": 1, "_sq": 100}      # internal functions are counted too
    assert "profile: one run of each case" in r.stdout


# ---------------------------------------------------------------------------- trust (#11)

TRUST_FX = """\
from fastext import f64, i64, prange, struct


@struct
class Pt:
    x: f64
    y: f64

    def twice(self) -> f64:
        return 2.0 * (self.x + self.y)


def total(pts: Pt[:]) -> f64:
    s = 0.0
    for i in range(len(pts)):
        s += pts[i].twice()
    return s


def collatz(n: i64) -> i64:
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


def psum(a: f64[:]) -> f64:
    s = 0.0
    for i in prange(len(a)):
        s += a[i]
    return s


def untouched(x: f64) -> f64:
    return x + 1.0
"""

TRUST_CASES = """\
import numpy as np


def bench_total(m):
    pts = np.zeros(100, dtype=[("x", "f8"), ("y", "f8")])
    pts["x"] = np.arange(100.0)
    pts["y"] = 1.0
    return m.total, (pts,)


def bench_collatz(m):
    return m.collatz, (27,)


def bench_psum(m):
    a = np.random.default_rng(0).random(200_003)
    return m.psum, (a,)
"""


@pytest.fixture(scope="module")
def trust_run(tmp_path_factory, cache_dir):
    folder = tmp_path_factory.mktemp("trust")
    (folder / "trust.fx").write_text(TRUST_FX)
    (folder / "trust_bench.py").write_text(TRUST_CASES)
    out = folder / "run.json"
    r = bench(str(folder / "trust.fx"), *FAST, "--no-compile", "--json", str(out), cache=cache_dir,
              env={"FASTEXT_NUM_THREADS": "2"})
    return folder, r, json.loads(out.read_text())


def test_boundary_probes_only_with_the_cases_arguments(trust_run):
    """`collatz(0)` loops forever: invented minimal arguments hung the whole run after the cases."""
    _, r, doc = trust_run
    by_name = {b["function"]: b for b in doc["boundary"]}
    assert by_name["collatz"]["status"] == "ok" and by_name["collatz"]["args"] == "27 (from bench_collatz)"
    assert by_name["total"]["args"] == "record[100] (from bench_total)"
    assert by_name["untouched"]["status"] == "skipped"
    assert "no case calls it" in by_name["untouched"]["message"]
    check_schema(doc)


def test_struct_array_methods_run_interpreted(trust_run):
    """The plain-Python baseline sees items of struct arrays as records (`pts[i].twice()`)."""
    _, _, doc = trust_run
    case = next(c for c in doc["cases"] if c["name"] == "bench_total")
    assert case["status"] == "ok", case
    assert case["impls"]["interpreted"]["status"] == "ok"


def test_float_reduction_mismatch_suggests_rtol(trust_run, cache_dir):
    folder, r, doc = trust_run
    case = next(c for c in doc["cases"] if c["name"] == "bench_psum")
    if case["status"] == "ok":
        pytest.skip("the parallel sum happened to round like the sequential one")
    assert case["status"] == "mismatch" and "--rtol 1e-" in case["message"]
    assert "--rtol" in r.stdout
    rtol = case["message"].split("--rtol ")[1].split(")")[0]
    again = bench(str(folder / "trust.fx"), *LEAN, "-k", "psum", "--rtol", rtol, cache=cache_dir,
                  env={"FASTEXT_NUM_THREADS": "2"})
    assert again.returncode == 0, again.stdout + again.stderr


def test_repeated_k_selects_every_match(trust_run, cache_dir):
    folder, _, _ = trust_run
    out = folder / "k.json"
    r = bench(str(folder / "trust.fx"), *LEAN, "-k", "collatz", "-k", "total", "--json", str(out), cache=cache_dir)
    assert r.returncode == 0, r.stdout + r.stderr
    assert [c["name"] for c in json.loads(out.read_text())["cases"]] == ["bench_total", "bench_collatz"]
