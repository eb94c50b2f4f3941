"""Long run of the surface fuzzer (tests/surfacefuzz.py): str values, containers, classes,
exceptions, closures and integer boundaries, compiled vs plain Python.

    FUZZ_KEEP=/tmp/surface-findings python tests/stress/fuzz_surface.py --cases 2000 --seed 0
    python tests/stress/fuzz_surface.py --seconds 3600

Programs run in child processes (`python -X dev`, ten programs each), so a crash of compiled
code is reported as a finding with its seed instead of ending the run; every difference is
saved under `$FUZZ_KEEP` (default: a new temporary folder) and the run goes on.  Exits 1 if any
program differed, crashed or crashed the compiler.
"""
from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile

import _common

CHILD = r"""
import json, sys, tempfile
sys.path.insert(0, sys.argv[1])
import surfacefuzz
work = tempfile.mkdtemp(prefix="fxsurf-")
for seed in map(int, sys.argv[2:]):
    print("START", seed, flush=True)
    try:
        counts = surfacefuzz.run_program(seed, workdir=work)
        error = counts.pop("error", None)
        print("DONE", seed, json.dumps({"counts": counts, "refused": error and error.splitlines()[1]}), flush=True)
    except AssertionError as e:
        print("DONE", seed, json.dumps({"failed": str(e)}), flush=True)
"""


def main() -> int:
    ap_args = _common.arguments(__doc__, 200)
    keep = os.environ.get("FUZZ_KEEP") or tempfile.mkdtemp(prefix="surface-findings-")
    os.makedirs(keep, exist_ok=True)
    budget = _common.Budget(ap_args)
    totals = {"programs": 0, "calls": 0, "agree": 0, "outside (i64 wrap, not compared)": 0, "refused": 0,
              "diagnosed": 0, "failed": 0, "crashed": 0}
    seed = ap_args.seed
    batch = 10
    while budget.more():
        seeds = list(range(seed, seed + batch))
        # Output through files and a session of its own: a child that crashes leaves the
        # compiler's forked workers behind (fastext/compiler/parallel.py), holding any pipe open.
        with tempfile.TemporaryFile("w+") as out_f, tempfile.TemporaryFile("w+") as err_f:
            proc = subprocess.Popen([sys.executable, "-X", "dev", "-c", CHILD, _common.TESTS, *map(str, seeds)],
                                    stdout=out_f, stderr=err_f, text=True, start_new_session=True)
            proc.wait()
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)      # the orphaned workers of this child only
            out_f.seek(0)
            err_f.seek(0)
            out, err = out_f.read(), err_f.read()
        started, finished = None, set()
        for line in out.splitlines():
            if line.startswith("START "):
                started = int(line.split()[1])
            elif line.startswith("DONE "):
                _, s, payload = line.split(" ", 2)
                finished.add(int(s))
                rec = json.loads(payload)
                totals["programs"] += 1
                budget.done += 1
                if "failed" in rec:
                    totals["failed"] += 1
                    with open(os.path.join(keep, f"seed{s}.txt"), "w") as f:
                        f.write(rec["failed"])
                    print(f"seed {s}: DIFFERS (saved in {keep})", flush=True)
                    continue
                c = rec["counts"]
                totals["calls"] += c["calls"]
                totals["agree"] += c["agree"]
                totals["outside (i64 wrap, not compared)"] += c["outside"]
                totals["refused"] += c["refused"]
                totals["diagnosed"] += c["diagnosed"]
                if rec.get("refused"):
                    print(f"seed {s}: refused: {rec['refused']}", flush=True)
        if proc.returncode != 0 and started is not None and started not in finished:
            totals["crashed"] += 1
            totals["programs"] += 1
            budget.done += 1
            with open(os.path.join(keep, f"seed{started}.crash.txt"), "w") as f:
                f.write(f"exit status {proc.returncode}\n{err[-5000:]}")
            print(f"seed {started}: CRASHED with status {proc.returncode} (saved in {keep})", flush=True)
            seed = started + 1
        else:
            seed += batch
        print(f"through seed {seed - 1}: " + ", ".join(f"{k} {v}" for k, v in totals.items()), flush=True)
    budget.report("fuzz_surface", totals)
    return 1 if totals["failed"] or totals["crashed"] else 0


if __name__ == "__main__":
    sys.exit(main())
