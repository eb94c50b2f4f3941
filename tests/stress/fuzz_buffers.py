"""Long run of the buffer-exporter fuzzer: random strided layouts through the test exporter
(NULL or explicit strides, offsets), every exporter kind for random C-contiguous arrays, and
odd-strided NumPy views, read and written by compiled functions (tests/test_buffers.py).

    python tests/stress/fuzz_buffers.py --cases 20000
"""
from __future__ import annotations

import random
import sys

import _common


def main() -> int:
    args = _common.arguments(__doc__, 5000)
    import exporter
    import abifuzz
    import fxload
    import numpy as np
    import test_buffers as tb
    m = fxload.compiled(tb.FX)
    ex = exporter.load()
    if ex is None:
        print("no C compiler: the test exporter cannot be built")
        return 2
    rng = random.Random(args.seed)
    budget = _common.Budget(args)
    counts = {"layout calls": 0, "exporter calls": 0}
    fns = {1: [("f64", "wsum1"), ("i32", "wsum1_i32"), ("u8", "wsum_u8"), ("u8", "bsum")],
           2: [("i32", "wsum2"), ("f64", "wsum2_f64")], 3: [("i16", "wsum3")]}
    while budget.more():
        counts["layout calls"] += tb.fuzz_layouts(m, ex, rng, 20)
        ndim = rng.choice([1, 2, 3])
        dtype, fn = rng.choice(fns[ndim])
        shape = tuple(rng.randint(0, 5) for _ in range(ndim))
        values = abifuzz.random_values(rng, dtype, int(np.prod(shape)))
        expected = tb.ref_wsum(np.array(values, dtype=object).reshape(shape).tolist())
        for label, obj in abifuzz.exporters(values, dtype, shape, ex):
            got = getattr(m, fn)(obj)
            if got != expected or getattr(obj, "exports", 0):
                print(f"{fn} through {label}, shape {shape}: {got!r} != {expected!r}")
                return 1
            counts["exporter calls"] += 1
        budget.done += 21
    budget.report("fuzz_buffers", counts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
