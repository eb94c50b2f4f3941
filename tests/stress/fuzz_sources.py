"""Long run: mutated `.fx` sources must give located diagnostics or compile -- never an
internal compiler error, never a traceback (docs/reliability.md).

    .venv/bin/python tests/stress/fuzz_sources.py                       # 5,000 mutants, front end
    .venv/bin/python tests/stress/fuzz_sources.py --count 2000 --full   # mutants that check go through LLVM too
    .venv/bin/python tests/stress/fuzz_sources.py --seed 7 --keep /tmp/bad

Mutants come from the valid files of tests/fx/ and examples/ with one to three random
token deletions, duplications or swaps, then byte-level damage: other encodings with and
without a coding line, byte order marks, stray non-UTF-8 bytes, NUL (tests/fuzzlib.py).  Each failing mutant is written
to `--keep` (default: a temporary folder) with what was done to it, for a regression test.
Exit status 1 when any mutant failed.  The suite runs a fixed-seed slice of this
(tests/test_fuzz_sources.py).
"""
from __future__ import annotations

import argparse
import collections
import os
import random
import sys
import tempfile
import time
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))          # tests/: fuzzlib, fxload

import fuzzlib  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--count", type=int, default=5000, help="number of mutants (default 5000)")
    p.add_argument("--seed", type=int, default=None, help="random seed (default: from the clock, printed)")
    p.add_argument("--full", action="store_true", help="compile mutants that check clean through LLVM too")
    p.add_argument("--keep", default=None, help="folder for failing mutants")
    p.add_argument("--bytes", type=int, default=None,
                   help="byte-level mutants as well (encodings, byte order marks, stray bytes; default: count / 2)")
    args = p.parse_args(argv)
    seed = args.seed if args.seed is not None else int(time.time())
    keep = args.keep or tempfile.mkdtemp(prefix="fastext-fuzz-bad-")
    work = tempfile.mkdtemp(prefix="fastext-fuzz-")
    warnings.simplefilter("ignore", SyntaxWarning)     # CPython's own warnings about mutated literals
    rng = random.Random(seed)
    kinds: collections.Counter = collections.Counter()
    started = time.time()
    print(f"seed {seed}, {args.count} mutants{' (full compiles)' if args.full else ''}", flush=True)
    for i, m in enumerate(fuzzlib.mutants(rng, args.count)):
        path = os.path.join(work, os.path.basename(m.origin))
        result = fuzzlib.outcome(m.text, path, full=args.full)
        kinds[result.kind] += 1
        if result.bad:
            os.makedirs(keep, exist_ok=True)
            saved = os.path.join(keep, f"{i:05d}_{os.path.basename(m.origin)}")
            with open(saved, "w", encoding="utf-8") as f:
                f.write(m.text)
            with open(saved + ".txt", "w", encoding="utf-8") as f:
                f.write(f"from {m.origin}: {m.what}\n\n{result.detail}\n")
            print(f"FAILED ({result.kind}) {saved}: {m.what}", flush=True)
        if (i + 1) % 500 == 0:
            print(f"  {i + 1} mutants, {dict(kinds)}, {time.time() - started:.0f} s", flush=True)
    files = fuzzlib.corpus()
    for i in range(args.count // 2 if args.bytes is None else args.bytes):
        origin, text = files[i % len(files)]
        data, what = fuzzlib.byte_mutant(text, rng)
        path = os.path.join(work, os.path.basename(origin))
        result = fuzzlib.outcome(data, path)
        kinds["bytes:" + result.kind] += 1
        if result.bad:
            os.makedirs(keep, exist_ok=True)
            saved = os.path.join(keep, f"bytes{i:05d}_{os.path.basename(origin)}")
            with open(saved, "wb") as f:
                f.write(data)
            with open(saved + ".txt", "w", encoding="utf-8") as f:
                f.write(f"from {origin}: {what}\n\n{result.detail}\n")
            print(f"FAILED ({result.kind}) {saved}: {what}", flush=True)
    print(f"done: {dict(kinds)} in {time.time() - started:.0f} s")
    return 1 if any(kinds[k] for k in ("internal", "crash", "bytes:internal", "bytes:crash")) else 0


if __name__ == "__main__":
    sys.exit(main())
