#!/usr/bin/env python3
"""The NumPy-style suite (issue 10): kernels.fx under NumPy, fastext, Numba and Pythran.

    python benchmarks/numpy_suite/run.py                 # full run, writes benchmarks/numpy_suite/RESULTS.md
    python benchmarks/numpy_suite/run.py --quick         # small sizes, 3 rounds: _build/numpy_suite/RESULTS-quick.md
    python benchmarks/numpy_suite/run.py --quick --only laplacian,rosenbrock

Order of work: compile every implementation (fastext cold, in a fresh interpreter; Pythran
from a generated copy with export lines; Numba at the first call), leaving out and
reporting the kernels one of them cannot compile; call each implementation once per case
and compare with NumPy's result (tolerances in cases.py); time the implementations that
gave the right result, interleaved in shuffled order in every round, pinned to one core
with taskset; write the Markdown report (and, when every kernel ran, STATUS.md: what
fastext does not compile yet).  Exit status 1 when a fastext result differs from NumPy's.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCH = HERE.parent
sys.path[:0] = [str(HERE), str(BENCH)]

import cases as suite_cases  # noqa: E402
from fxbench.machine import machine_info  # noqa: E402
from fxbench.timing import time_kernels  # noqa: E402
from nsbench import impls, report, source  # noqa: E402
from nsbench.check import first_calls  # noqa: E402

KERNELS_FX = HERE / "kernels.fx"
OUTPUT = HERE / "RESULTS.md"
STATUS = HERE / "STATUS.md"
IMPLS = ("numpy", "fastext", "numba", "pythran")
# one BLAS / OpenMP thread: every column runs on the one pinned core
THREAD_VARS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "NUMBA_NUM_THREADS")


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="small sizes, 3 rounds, reuse a cached Pythran build")
    ap.add_argument("--only", type=lambda s: [x for x in s.split(",") if x],
                    help="comma-separated kernels (or row keys such as matmul_512) to run")
    ap.add_argument("--output", type=Path, help="where to write the Markdown report")
    ap.add_argument("--rounds", type=int, help="timing rounds (default 3 with --quick, else 21)")
    ap.add_argument("--skip", type=lambda s: [x for x in s.split(",") if x], default=[],
                    help="comma-separated implementations not to build or time (fastext, numba, pythran)")
    ap.add_argument("--no-pin", action="store_true", help="do not pin the run to one CPU with taskset")
    ap.add_argument("--build-dir", type=Path, default=BENCH / "_build" / "numpy_suite",
                    help="generated modules, caches and raw JSON (default benchmarks/_build/numpy_suite)")
    args = ap.parse_args(argv)
    unknown = set(args.skip) - {"fastext", "numba", "pythran"}
    if unknown:
        ap.error(f"--skip: unknown implementation(s) {', '.join(sorted(unknown))}")
    return args


def pin(argv) -> int | None:
    """Re-run this script under `taskset -c N` (N: the first CPU allowed), as run_suite.py does.
    Returns the child's exit status, or None when this process should do the work."""
    if os.environ.get("FXNS_PINNED") is not None or not shutil.which("taskset") \
            or not hasattr(os, "sched_getaffinity"):
        return None
    cpu = min(os.sched_getaffinity(0))
    env = dict(os.environ, FXNS_PINNED=str(cpu))
    return subprocess.run(["taskset", "-c", str(cpu), sys.executable, __file__, *argv], env=env).returncode


def load_all(kf, kernels, args) -> dict:
    log("compiling ...")
    loaders = {"fastext": lambda: impls.load_fastext(kf, kernels, args.build_dir, log),
               "numba": lambda: impls.load_numba(kf, kernels),
               "pythran": lambda: impls.load_pythran(kf, kernels, args.build_dir, args.quick, log)}
    loaded = {"numpy": impls.load_numpy(kf, kernels)}
    for name, load in loaders.items():
        loaded[name] = impls.Impl(name, error="skipped (--skip)") if name in args.skip else load()
    for name, impl in loaded.items():
        state = f"n/a: {impl.error}" if impl.error else f"{len(impl.funcs)} kernels loaded"
        log(f"  {name:8s} {state}" + (f"; does not compile: {', '.join(impl.failed)}" if impl.failed else ""))
    return loaded


def check_and_time(selected, loaded, args) -> dict:
    rounds = args.rounds or (3 if args.quick else 21)
    rows = {}
    for case in selected:
        cargs = case.args(args.quick)
        checks = first_calls(case, cargs, loaded)
        for name, impl in loaded.items():
            if impl.error:
                checks.setdefault(name, {"outcome": "n/a"})
            elif case.kernel in impl.failed:
                checks[name] = {"outcome": "does not compile", "error": impl.failed[case.kernel]}
        good = {n: (loaded[n].funcs[case.kernel], cargs) for n in IMPLS
                if checks.get(n, {}).get("outcome") in ("exact", "close")}
        for n, c in checks.items():
            if n != "numpy" and c["outcome"] not in ("exact", "close", "n/a", "does not compile"):
                log(f"  {case.key}: {n} {c['outcome']}")
        log(f"  timing {case.key} ({case.label(args.quick)}): {', '.join(good)}")
        t0 = time.perf_counter()
        stats = time_kernels(good, rounds)
        rows[case.key] = {"kernel": case.kernel, "title": case.label(args.quick), "checks": checks,
                          "stats": {k: v.as_dict() for k, v in stats.items()},
                          "tolerance": "exact" if case.exact else f"rtol {case.rtol:g}, atol {case.atol:g}",
                          "tolerance_note": case.note, "seconds": time.perf_counter() - t0}
        del cargs, good
    return rows


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    for var in THREAD_VARS:
        os.environ.setdefault(var, "1")
    if not args.no_pin:
        code = pin(argv)
        if code is not None:
            return code
    notes = []
    cpu = int(os.environ["FXNS_PINNED"]) if os.environ.get("FXNS_PINNED") else None
    notes.append(f"the whole run pinned with `taskset -c {cpu}`: compiles, first calls and timings on one core"
                 if cpu is not None else "not pinned (--no-pin or no taskset)")
    notes.append("BLAS/OpenMP threads: " + ", ".join(f"{v}={os.environ[v]}" for v in THREAD_VARS))
    args.build_dir.mkdir(parents=True, exist_ok=True)
    os.environ["FASTEXT_CACHE_DIR"] = str(args.build_dir / "fxcache")   # emptied before the cold compile

    t0 = time.perf_counter()
    load0 = os.getloadavg()[0]
    kf = source.load(KERNELS_FX)
    selected = suite_cases.select(args.only)
    kernels = [k for k in kf.kernels if any(c.kernel == k for c in selected)]
    loaded = load_all(kf, kernels, args)
    log("checking results against NumPy, then timing ...")
    rows = check_and_time(selected, loaded, args)
    res = {"mode": "quick" if args.quick else "full", "machine": machine_info(cpu, load0),
           "tools": report.tool_versions(), "kernels": kernels, "all_kernels": kf.kernels, "rows": rows,
           "impls": {n: {"error": i.error, "note": i.note, "failed": i.failed, "compile_s": i.compile_s,
                         "compiled": sorted(i.funcs), "import_s": i.import_s, "init_s": i.init_s}
                     for n, i in loaded.items()},
           "notes": notes, "elapsed_s": time.perf_counter() - t0}
    out = args.output or (args.build_dir / "RESULTS-quick.md" if args.quick else OUTPUT)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report.render(res))
    (args.build_dir / (out.stem + ".json")).write_text(json.dumps(res, indent=1, default=str))
    log(f"wrote {out} ({res['elapsed_s']:.0f} s)")
    if not args.only and "fastext" not in args.skip:
        STATUS.write_text(report.render_status(res))
        log(f"wrote {STATUS}")
    differs = [k for k, r in rows.items() if not r["checks"].get("fastext", {}).get("outcome", "n/a")
               .startswith(("exact", "close", "n/a", "does not compile"))]
    if differs:
        log(f"fastext results differ from NumPy's: {', '.join(differs)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
