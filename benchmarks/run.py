#!/usr/bin/env python3
"""fastext benchmarks: fastext vs plain Python, NumPy, Numba and a hand-written C extension.

    python benchmarks/run.py            # full run (a few minutes), writes benchmarks/RESULTS.md
    python benchmarks/run.py --quick    # smoke run (< 30 s), writes benchmarks/_build/RESULTS-quick.md

Order of work: build the C extension (gcc -O3 -march=native), load every implementation,
check every result against plain Python (exit 1 on a mismatch, before any timing), time
calls and kernels in a child pinned to one core (taskset), then the measurements that
need fresh interpreters (cold compile, cached import, start-up), then write the report.
See benchmarks/README.md for what each row means.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from fxbench import external, impls, inprocess, machine, report  # noqa: E402

RESULTS = HERE / "RESULTS.md"
QUICK_RESULTS = impls.BUILD / "RESULTS-quick.md"


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def pin_prefix(enabled: bool) -> tuple[list[str], int | None, str]:
    """`taskset -c N` for the first CPU this process may use, if taskset works here."""
    if not enabled:
        return [], None, "pinning disabled (--no-pin)"
    if shutil.which("taskset") is None or not hasattr(os, "sched_getaffinity"):
        return [], None, "taskset not available: call timings not pinned"
    cpu = min(os.sched_getaffinity(0))
    if subprocess.run(["taskset", "-c", str(cpu), "true"], capture_output=True).returncode != 0:
        return [], None, "taskset failed: call timings not pinned"
    return ["taskset", "-c", str(cpu)], cpu, ""


def load_and_check(build_dir: Path | None, build_msg: str, big_n: int | None) -> tuple[dict, list]:
    """Load every implementation, then compare each one's results with plain Python's."""
    loaded = impls.load_all(build_dir, build_msg)
    cases = impls.correctness_cases()
    if big_n:
        x, y = impls.big_arrays(big_n)
        cases += [impls.Case("dot", f"n={big_n:,}", (x, y)), impls.Case("sum1", f"n={big_n:,}", (x,))]
    return loaded, impls.check_correctness(loaded, cases)


def timing_child(out_path: str, quick: bool) -> int:
    """Run inside `taskset -c N`: the in-process timings, written as JSON to out_path."""
    settings = inprocess.QUICK if quick else inprocess.FULL
    built = any(impls.BUILD.glob(impls.C_MODULE + ".*"))
    build_dir, msg = (impls.BUILD, "built by the parent process") if built else (None, "C extension not built")
    loaded, checks = load_and_check(build_dir, msg, None)  # also warms up Numba
    if any(c.failed for c in checks):
        log("timing child: correctness mismatch; not timing")
        return 1
    benches = inprocess.run_benches(loaded, settings, log=log)
    Path(out_path).write_text(json.dumps({"benches": benches}))
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="smoke run: few repeats, small arrays, < 30 s")
    ap.add_argument("--output", type=Path, help="where to write the Markdown (default: RESULTS.md; "
                                                "with --quick: _build/RESULTS-quick.md)")
    ap.add_argument("--no-pin", action="store_true", help="do not pin call timings with taskset")
    ap.add_argument("--require-fastext", action="store_true",
                    help="exit 2 when fastext cannot be imported or compiled (for CI once it exists)")
    ap.add_argument("--timing-child", metavar="JSON", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    # Every process of this run shares one cache, inside the git-ignored build folder.
    os.environ.setdefault("FASTEXT_CACHE_DIR", str(impls.BUILD / "fxcache"))
    # start from an empty cache: a development checkout's compiler may have changed in place
    # since the last run, and its builds are keyed by version, not by every source file
    shutil.rmtree(os.environ["FASTEXT_CACHE_DIR"], ignore_errors=True)
    if args.timing_child:
        return timing_child(args.timing_child, args.quick)

    t_start = time.perf_counter()
    load_start = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    settings = inprocess.QUICK if args.quick else inprocess.FULL
    notes: list[str] = []

    log("building the C extension ...")
    build_dir, build_msg = impls.build_c_extension()
    if build_dir is None:
        log(f"  C extension: n/a ({build_msg})")
    else:
        notes.append(f"C extension built with `{build_msg}`")

    log("loading implementations and checking correctness ...")
    loaded, checks = load_and_check(build_dir, build_msg, settings.big_n)
    for name, impl in loaded.items():
        log(f"  {name:8s} {'ok' if impl.ok else 'n/a: ' + impl.error}")
    failures = [c for c in checks if c.failed]
    for c in failures:
        log(f"  MISMATCH {c.impl} {c.kernel} ({c.label}): {c.outcome}")
    if failures:
        log("correctness check failed: not timing anything")
        return 1
    log(f"  {len(checks)} checks passed")
    if args.require_fastext and not loaded["fastext"].ok:
        log(f"fastext required but unavailable: {loaded['fastext'].error}")
        return 2

    pin, cpu, pin_note = pin_prefix(not args.no_pin)
    if pin_note:
        notes.append(pin_note)
    log(f"timing calls and kernels {' '.join(pin) or '(not pinned)'} ...")
    with tempfile.TemporaryDirectory(prefix="fxbench-") as tmp:
        out = Path(tmp) / "timings.json"
        cmd = pin + [sys.executable, str(Path(__file__).resolve()), "--timing-child", str(out)]
        if args.quick:
            cmd.append("--quick")
        rc = subprocess.run(cmd).returncode
        if rc != 0:
            log(f"timing child failed (exit {rc})")
            return 1
        benches = json.loads(out.read_text())["benches"]

    env = external.child_env(impls.BUILD)
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        notes.append("PYTHONDONTWRITEBYTECODE was set; fresh interpreters ran with it unset and "
                     "PYTHONPYCACHEPREFIX=benchmarks/_build/pycache, as an installed package has its .pyc files")
    fx_ok = loaded["fastext"].ok
    reason = loaded["fastext"].error
    cold_reps, import_runs, startup_runs = (1, 5, 7) if args.quick else (5, 21, 31)
    exit_code = 0
    if fx_ok:
        log(f"cold compile + import of a generated 10-function module x{cold_reps} ...")
        cold = external.measure_cold_compile(cold_reps, env)
        if cold["failures"]:
            log("  " + "\n  ".join(cold["failures"]))
        if any(f.startswith("wrong results") for f in cold["failures"]):
            exit_code = 1
        elif cold["failures"] and args.require_fastext:
            exit_code = 2
        log(f"cached import vs C extension import, {import_runs} fresh interpreters each ...")
        cached = external.measure_cached_import(import_runs, env, impls.BUILD, pin) if build_dir else \
            {"na": "C extension not built"}
        log(f"start-up with and without the hook, {startup_runs} runs each ...")
        startup = external.measure_startup(startup_runs, env, pin)
    else:
        cold = {"na": f"fastext unavailable ({reason})"}
        cached = {"na": "fastext unavailable"}
        startup = {"na": "fastext unavailable"}

    result = {
        "mode": "quick" if args.quick else "full",
        "machine": machine.machine_info(cpu, load_start),
        "impl_status": {n: {"error": i.error, "note": i.note} for n, i in loaded.items()},
        "checks": [asdict(c) for c in checks],
        "benches": benches,
        "cold": cold,
        "cached": cached,
        "startup": startup,
        "notes": notes,
        "elapsed_s": time.perf_counter() - t_start,
    }
    text = report.render(result)
    output = args.output or (QUICK_RESULTS if args.quick else RESULTS)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text + "\n")
    raw = impls.BUILD / (output.stem + ".json")       # the raw numbers, beside the build (git-ignored)
    raw.parent.mkdir(exist_ok=True)
    raw.write_text(json.dumps(result, indent=1, default=str))
    print(text)
    log(f"wrote {output} ({result['elapsed_s']:.0f} s)")
    if not args.quick and build_dir is not None:
        exit_code = max(exit_code, run_fastext_bench(build_dir))
    return exit_code


FASTEXT_BENCH = HERE / "FASTEXT_BENCH.md"


def run_fastext_bench(build_dir: Path) -> int:
    """The same kernels through `fastext bench` (cases in kernels_bench.py), against plain
    Python, Numba and the C extension just built; its output is committed as FASTEXT_BENCH.md."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(build_dir), os.environ.get("PYTHONPATH")])))
    cmd = [sys.executable, "-m", "fastext.cli", "bench", str(HERE / "kernels.fx"), "--vs", "numba",
           "--vs", "fastbench_c", "--json", str(impls.BUILD / "fastext-bench.json")]
    log("running: fastext bench kernels.fx --vs numba --vs fastbench_c")
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=HERE)
    FASTEXT_BENCH.write_text("# `fastext bench` on the benchmark kernels\n\n"
                             "Generated by `python benchmarks/run.py` (which builds the C extension first) with\n"
                             "`fastext bench benchmarks/kernels.fx --vs numba --vs fastbench_c`.\n\n"
                             "```\n" + proc.stdout.rstrip() + "\n```\n")
    log(f"wrote {FASTEXT_BENCH} (exit {proc.returncode})")
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
