"""Long run of the random-program fuzzer (tests/progfuzz.py): compiled vs plain Python.

    python tests/stress/fuzz_programs.py --cases 2000          # programs
    python tests/stress/fuzz_programs.py --seconds 3600 --seed 7

Stops at the first difference and prints the program; exit status 1 then.
"""
from __future__ import annotations

import sys
import tempfile

import _common


def main() -> int:
    args = _common.arguments(__doc__, 500)
    import progfuzz
    budget = _common.Budget(args)
    totals = {"programs": 0, "calls": 0, "agree": 0, "outside (i64 wrap, not compared)": 0, "diagnosed": 0}
    work = tempfile.mkdtemp(prefix="fxfuzz-")
    seed = args.seed
    while budget.more():
        try:
            counts = progfuzz.run_program(seed, calls=40, workdir=work)
        except AssertionError as e:
            print(e)
            budget.report("fuzz_programs FAILED", totals)
            return 1
        totals["programs"] += 1
        totals["calls"] += counts["calls"]
        totals["agree"] += counts["agree"]
        totals["outside (i64 wrap, not compared)"] += counts["outside"]
        totals["diagnosed"] += counts.get("diagnosed", 0)
        seed += 1
        budget.done += 1
    budget.report("fuzz_programs", totals)
    return 0


if __name__ == "__main__":
    sys.exit(main())
