"""Shared setup of the long fuzz runs: import paths, argument parsing, the summary line."""
from __future__ import annotations

import argparse
import os
import sys
import time

TESTS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if TESTS not in sys.path:
    sys.path.insert(0, TESTS)


def arguments(description: str, default_cases: int) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--cases", type=int, default=default_cases, help=f"how many cases (default {default_cases})")
    ap.add_argument("--seconds", type=float, default=None, help="stop after this long instead")
    ap.add_argument("--seed", type=int, default=int(time.time()) % 100000, help="first seed (default: from the clock)")
    return ap.parse_args()


class Budget:
    """Counts cases until `--cases` or `--seconds` is reached."""

    def __init__(self, args):
        self.args, self.start, self.done = args, time.monotonic(), 0

    def more(self) -> bool:
        if self.args.seconds is not None:
            return time.monotonic() - self.start < self.args.seconds
        return self.done < self.args.cases

    def report(self, what: str, counts: dict) -> None:
        took = time.monotonic() - self.start
        print(f"{what}: {self.done} cases from seed {self.args.seed} in {took:.0f} s; "
              + ", ".join(f"{k} {v}" for k, v in counts.items()))
