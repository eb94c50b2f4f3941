"""Long run of the parameter-boundary fuzzer: random values at and around the limits of every
scalar parameter type, and of every type of struct field, checked against the documented
conversion (the value, or OverflowError/TypeError) (tests/test_boundaries.py).

    python tests/stress/fuzz_boundaries.py --cases 200000
"""
from __future__ import annotations

import math
import random
import struct
import sys

import _common


def main() -> int:
    args = _common.arguments(__doc__, 100000)
    import abifuzz
    import fxload
    import numpy as np
    import test_boundaries as tb
    m = fxload.compiled(tb.FX)
    rng = random.Random(args.seed)
    budget = _common.Budget(args)
    counts = {"values": 0, "errors raised as documented": 0}
    ints = ["i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64"]
    while budget.more():
        t = rng.choice(ints + ["f32", "f64", "bool"])
        fn = getattr(m, f"take_{t}")
        if t in ints:
            cases = list(tb.random_int_cases(rng, t, 50))
            cases += [(np.int64(v), e) for v, e in cases if -2**63 <= v < 2**63 and e is not OverflowError][:5]
        elif t == "f32":
            cases = []
            for _ in range(50):
                x = rng.choice([rng.uniform(-4e38, 4e38), math.ldexp(rng.random(), rng.randint(-160, 130)),
                                rng.choice([math.inf, -math.inf, abifuzz.F32_MAX, abifuzz.F32_OVERFLOW])])
                try:
                    cases.append((x, float(struct.unpack("<f", struct.pack("<f", x))[0])))
                except OverflowError:
                    cases.append((x, OverflowError))
        elif t == "f64":
            cases = [(v, float(v)) for v in (rng.uniform(-1e308, 1e308) for _ in range(25))]
            cases += [(v, float(v) if abs(v) < 2**1024 else OverflowError)
                      for v in (rng.randint(-2**1030, 2**1030) for _ in range(25))]
        else:
            cases = abifuzz.boundary_values("bool")
        for arg, expected in cases:
            try:
                tb.check(fn, arg, expected)
            except (AssertionError, Exception) as e:    # noqa: BLE001 - report and stop
                print(f"take_{t}({arg!r}): {e}")
                return 1
            counts["values"] += 1
            if isinstance(expected, type):
                counts["errors raised as documented"] += 1
        budget.done += len(cases)
    budget.report("fuzz_boundaries", counts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
