"""What bounds checks cost on the benchmark suite: default build ÷ `boundscheck=False` build.

Compiles the `.fx` files of benchmarks/ (kernels.fx), benchmarks/programs and
benchmarks/numpy_suite twice — default options (checks on) and without bounds checks —
and times every program / case of their suites in both builds (fastest of the rounds,
the two builds alternating).  Target (issue 13): the default build within 5 % of the
unchecked one.  Results go to stdout as a Markdown table.

    python benchmarks/boundscheck_cost.py [--quick] [--only NAME,NAME] [--rounds N]
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path

import numpy as np

BENCH = Path(__file__).resolve().parent
BUILD = BENCH / "_build" / "boundscheck_cost"
sys.path[:0] = [str(BENCH / "programs"), str(BENCH / "numpy_suite"), str(BENCH.parent)]


def build(path: Path, boundscheck: bool):
    from fastext.compiler.driver import compile_file
    from fastext.compiler.link import link_shared
    from fastext.config import Options
    art = compile_file(str(path), path.stem, Options(boundscheck=boundscheck))
    so = BUILD / f"{path.parent.name}_{path.stem}_{'checked' if boundscheck else 'unchecked'}.so"
    link_shared(art.object_code, str(so))
    spec = importlib.util.spec_from_file_location(path.stem, so)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def jobs(quick: bool):
    """(row, .fx path, function name, fresh-arguments factory)."""
    from run import PROGRAMS            # benchmarks/programs/run.py
    from cases import CASES             # benchmarks/numpy_suite/cases.py
    rng = np.random.default_rng(0)
    x = rng.random(200_000 if quick else 1_000_000)
    out = [("kernels: sum1", BENCH / "kernels.fx", "sum1", lambda: (x,)),
           ("kernels: dot", BENCH / "kernels.fx", "dot", lambda: (x, x))]
    for name, (file, fn, args, quick_args, _) in PROGRAMS.items():
        a = quick_args if quick else args
        out.append((f"programs: {name}", BENCH / "programs" / file, fn, lambda a=a: a))
    for case in CASES:
        out.append((f"numpy_suite: {case.key}", BENCH / "numpy_suite" / "kernels.fx", case.kernel,
                    lambda case=case: case.args(quick)))
    return out


def once(f, args_of) -> float:
    """Seconds of one call on fresh arguments, its printed text discarded."""
    from run import quiet               # benchmarks/programs/run.py: also captures sys.stdout.buffer
    args = args_of()
    g = quiet(f)
    t0 = time.perf_counter()
    g(*args)
    return time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="the suites' small sizes")
    ap.add_argument("--only", default="", help="comma-separated substrings of the rows to run")
    ap.add_argument("--rounds", type=int, default=7)
    args = ap.parse_args()
    BUILD.mkdir(parents=True, exist_ok=True)
    modules: dict[tuple[Path, bool], object] = {}
    print("| benchmark | default (ms) | unchecked (ms) | default ÷ unchecked |\n|---|---:|---:|---:|")
    for row, path, fn, args_of in jobs(args.quick):
        if args.only and not any(s in row for s in args.only.split(",")):
            continue
        for bc in (True, False):
            if (path, bc) not in modules:
                modules[path, bc] = build(path, bc)
        fs = [getattr(modules[path, bc], fn) for bc in (True, False)]
        t = [float("inf"), float("inf")]
        for _ in range(args.rounds):        # alternate the builds so drifting load hits both alike
            for k in (0, 1):
                t[k] = min(t[k], once(fs[k], args_of))
        print(f"| {row} | {t[0] * 1e3:.3f} | {t[1] * 1e3:.3f} | {t[0] / t[1]:.2f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
