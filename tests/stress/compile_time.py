"""Long run: compile time against source size, per family of generated sources.

    .venv/bin/python tests/stress/compile_time.py                  # every family, default sizes
    .venv/bin/python tests/stress/compile_time.py floor_mod_run int_chain --repeat 5
    .venv/bin/python tests/stress/compile_time.py --max-size 500   # a quicker pass

Each family of tests/fuzzlib.py (`GENERATORS`) is compiled at doubling sizes, each size
`--repeat` times (median CPU seconds of the whole `compile_file`, so other load on the
machine matters less than wall time would); the growth exponent between consecutive sizes
is log(t2/t1)/log(n2/n1) -- 1.0 is linear.  The run fails (exit 1) when a doubling that ends
above `--min-seconds` (default 1 s; smaller times are mostly noise) grows faster than
`--max-exponent` (default 1.5: "about linear", with room for noise), or a compile raises
anything but a located CompileError.  Compile times are noisy:
repeat, and compare medians.
"""
from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))          # tests/: fuzzlib, fxload

import fuzzlib  # noqa: E402


def compile_seconds(text: str, path: str, repeat: int) -> tuple[float, int]:
    """(median CPU seconds of compile_file, number of notes) for one source."""
    from fastext.compiler.driver import compile_file
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    times, notes = [], 0
    for _ in range(repeat):
        t0 = time.process_time()
        art = compile_file(path)
        times.append(time.process_time() - t0)
        notes = len(art.notes)
    return statistics.median(times), notes


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("families", nargs="*", help=f"families to run (default: all of {', '.join(fuzzlib.GENERATORS)})")
    p.add_argument("--repeat", type=int, default=3, help="compiles per size; the median is reported (default 3)")
    p.add_argument("--max-size", type=int, default=None, help="skip sizes above this")
    p.add_argument("--max-exponent", type=float, default=1.5, help="fail above this growth exponent (default 1.5)")
    p.add_argument("--min-seconds", type=float, default=1.0,
                   help="judge the exponent only of steps that end above this many seconds (default 1)")
    args = p.parse_args(argv)
    families = args.families or list(fuzzlib.GENERATORS)
    from fastext.compiler.diagnostics import CompileError

    failed = []
    folder = tempfile.mkdtemp(prefix="fastext-compile-time-")
    print(f"{'family':<18} {'size':>6} {'cpu s':>8} {'exponent':>9}  notes")
    for name in families:
        make, sizes = fuzzlib.GENERATORS[name]
        sizes = [n for n in sizes if args.max_size is None or n <= args.max_size]
        prev = None
        for n in sizes:
            path = os.path.join(folder, f"{name}_{n}.fx")
            try:
                seconds, notes = compile_seconds(make(n), path, args.repeat)
            except CompileError as e:
                bad = [d for d in e.diagnostics if d.severity == "internal"]
                print(f"{name:<18} {n:>6} {'error':>8}  {e.diagnostics[0].message[:60]}")
                if bad:
                    failed.append(f"{name}@{n}: internal error: {bad[0].message}")
                break
            except Exception as e:  # noqa: BLE001 - never allowed: report it
                failed.append(f"{name}@{n}: {type(e).__name__}: {e}")
                print(f"{name:<18} {n:>6} {'CRASH':>8}  {type(e).__name__}: {e}")
                break
            exponent = None
            if prev is not None and prev[1] > 0.05:
                exponent = math.log(seconds / prev[1]) / math.log(n / prev[0])
            shown = f"{exponent:9.2f}" if exponent is not None else " " * 9
            print(f"{name:<18} {n:>6} {seconds:8.2f} {shown}  {notes or ''}", flush=True)
            # steps where compile time is small are mostly noise; a cliff down (a function left
            # unoptimised past a limit) is fine; any step that grows faster than the bound is not
            if exponent is not None and seconds > args.min_seconds and exponent > args.max_exponent:
                failed.append(f"{name}: compile time grows as size^{exponent:.2f} from {prev[0]} to {n}")
            prev = (n, seconds)
    if failed:
        print("\nFAILED:\n  " + "\n  ".join(failed))
        return 1
    print("\nall families compile in about linear time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
