"""Fixed-width integer semantics never differ silently from Python's unbounded ints where the
compiler can see it.

`(x & 0xFFFFFFFFFFFFFFFF) >> 11` with `x: int` returned -1 for x = -5 compiled (the literal
wrapped into i64 as -1) and 9007199254740991 interpreted.  Now a signed value masked with a
literal beyond i64 is computed in u64 (exact: Python's result is the masked bits); any other
operator mixing them is a located error suggesting `u64(x)`; a literal expression beyond 64
bits (`x + 2**64`) is an error instead of wrapping to 0; `2**64 - 1` is a u64 constant; and
comparisons between signed values and u64 values (or such literals) are exact.
"""
from __future__ import annotations

import os
import random

import pytest

import fxload
from fastext.compiler.diagnostics import CompileError
from fastext.compiler.driver import compile_source

FX = os.path.join(fxload.FX_DIR, "intsem.fx")
RANGES = {"i8": (-2**7, 2**7 - 1), "i32": (-2**31, 2**31 - 1), "i64": (-2**63, 2**63 - 1),
          "u32": (0, 2**32 - 1), "u64": (0, 2**64 - 1)}
SIGNATURES = {"issue": ["i64"], "mask_left": ["i32"], "mask_named": ["i64"], "high_bit": ["i64"], "mix": ["i64"],
              "shifted_mask": ["i8"], "top": [], "below_top": ["i64"], "equal": ["i64", "u64"],
              "ordered": ["i64", "u64", "i32"], "less": ["u64", "i64"], "narrow": ["u32", "i8"]}


@pytest.fixture(scope="module")
def both():
    return fxload.compiled(FX), fxload.interpreted(FX)


def test_issue_example(both):
    native, oracle = both
    assert native.issue(-5) == oracle.issue(-5) == 9007199254740991


def value(rng: random.Random, t: str) -> int:
    lo, hi = RANGES[t]
    return rng.choice([lo, hi, 0, -1 if lo < 0 else 1, rng.randint(lo, hi), max(lo, min(hi, 2**63 + rng.randint(-3, 3))),
                       max(lo, min(hi, rng.randint(-5, 5)))])


@pytest.mark.parametrize("name", sorted(SIGNATURES))
def test_agrees_with_python(both, name):
    native, oracle = both
    rng = random.Random(name)
    for _ in range(400):
        args = [value(rng, t) for t in SIGNATURES[name]]
        assert getattr(native, name)(*args) == getattr(oracle, name)(*args), (name, args)


def test_every_function_is_covered():
    assert sorted(SIGNATURES) == sorted(fxload.exported(FX))


@pytest.mark.parametrize("body,message", [
    ("return x | 0x8000000000000000", "mixes the signed i64 `x` with 0x8000000000000000, beyond i64"),
    ("return x * 0x9E3779B97F4A7C15", "mixes the signed i64 `x`"),
    ("return 0xFFFFFFFFFFFFFFFF - x", "mixes the signed i64 `x`"),
    ("return x + 2**64", "`2 ** 64` is 18446744073709551616, beyond 64 bits"),
    ("return x + (1 << 70) - (1 << 70)", "beyond 64 bits"),
    ("return -(2**63) - 1 + x", "beyond 64 bits"),
])
def test_located_errors(body, message):
    src = f"from fastext import i64, u64\n\ndef f(x: i64) -> u64:\n    {body}\n"
    with pytest.raises(CompileError) as info:
        compile_source(src, "m.fx", "m")
    (d,) = info.value.diagnostics
    assert message in d.message and d.span.line == 4
    if "mixes" in message:
        assert "u64(x)" in d.hint


def test_masked_result_into_an_int_is_an_error_with_the_fix():
    src = "def f(x: int) -> int:\n    return (x & 0xFFFFFFFFFFFFFFFF) >> 11\n"
    with pytest.raises(CompileError) as info:
        compile_source(src, "m.fx", "m")
    (d,) = info.value.diagnostics
    assert "cannot take a u64 implicitly" in d.message and "declare it u64" in d.hint


def test_literal_expressions_fold_exactly():
    art = compile_source("from fastext import u64\n\ndef f() -> u64:\n    return 2**64 - 1\n\n"
                         "def g() -> int:\n    return 2**70 // 2**10 - 2**60\n", "m.fx", "m")
    assert art.exports == ("f", "g")
