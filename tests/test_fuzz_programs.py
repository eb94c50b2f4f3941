"""Random `.fx` programs of integer and float arithmetic, compiled and compared with plain
Python (tests/progfuzz.py): values bit for bit, exceptions by type and message.  Integer
results beyond i64, where compiled code wraps by design, are detected by the oracle and not
compared; a literal expression beyond 64 bits must be a located compile error.

This fast slice runs a fixed set of programs; `python tests/stress/fuzz_programs.py` runs as
many as you like (tests/stress/README.md).  Found and fixed with it: `%` by zero's message
(CPython 3.11 says "integer modulo by zero"), `math.floor(int)` going through f64 (it is the
int itself), `a / float(b)` taken for an exact int / int division, cascading errors after a
literal beyond 64 bits.
"""
from __future__ import annotations

import pytest

import progfuzz

SEEDS = range(0, 48)


@pytest.mark.parametrize("chunk", range(4))
def test_programs_agree_with_python(chunk, tmp_path):
    totals = {"calls": 0, "agree": 0, "outside": 0, "diagnosed": 0}
    for seed in SEEDS[chunk::4]:
        counts = progfuzz.run_program(seed, calls=25, workdir=str(tmp_path))
        for k in totals:
            totals[k] += counts.get(k, 0)
    assert totals["agree"] > 100, totals      # most calls must be compared, not skipped


def test_oracle_detects_wrapping():
    with pytest.raises(progfuzz.Outside):
        progfuzz._chk(2**63)
    assert progfuzz._chk(2**63 - 1) == 2**63 - 1
