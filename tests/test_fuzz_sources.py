"""Fast, fixed-seed slices of the fuzzers (the long runs: tests/stress/, see its README).

Broken sources -- valid files of tests/fx/ and examples/ with random token damage, or with
damaged bytes and encodings -- must give located diagnostics or compile; large and deep
generated sources must compile.  Never an internal compiler error, never a traceback.
"""
from __future__ import annotations

import os
import random
import warnings

import pytest

import fuzzlib

SEED = 20240611


@pytest.fixture(autouse=True)
def _quiet():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)   # CPython's own warnings about mutated literals
        yield


def _failures(results) -> list[str]:
    return [f"{origin} [{what}]: {o.kind}: {o.detail.strip()[-400:]}" for origin, what, o in results if o.bad]


def test_token_mutants_are_located_or_compile(tmp_path):
    rng = random.Random(SEED)
    results = []
    compiled = 0
    for m in fuzzlib.mutants(rng, 300):
        path = str(tmp_path / os.path.basename(m.origin))
        full = compiled < 3          # the first few that check clean go through LLVM as well
        o = fuzzlib.outcome(m.text, path, full=full)
        compiled += o.kind == "compiled" and full
        results.append((m.origin, m.what, o))
    assert _failures(results) == []
    kinds = {o.kind for _, _, o in results}
    assert "located" in kinds and "compiled" in kinds     # the slice exercises both outcomes


def test_byte_mutants_are_located_or_compile(tmp_path):
    rng = random.Random(SEED)
    files = fuzzlib.corpus()
    results = []
    for i in range(200):
        origin, text = files[i % len(files)]
        data, what = fuzzlib.byte_mutant(text, rng)
        results.append((origin, what, fuzzlib.outcome(data, str(tmp_path / os.path.basename(origin)))))
    assert _failures(results) == []


@pytest.mark.parametrize("family", sorted(fuzzlib.GENERATORS))
def test_generated_sources_check(tmp_path, family):
    make, sizes = fuzzlib.GENERATORS[family]
    o = fuzzlib.outcome(make(sizes[1]), str(tmp_path / f"{family}.fx"))
    assert o.kind == "compiled", o.detail


@pytest.mark.parametrize("family", ["floor_mod_run", "elif_chain", "many_loops"])
def test_generated_sources_compile(tmp_path, family):
    make, sizes = fuzzlib.GENERATORS[family]
    o = fuzzlib.outcome(make(sizes[0]), str(tmp_path / f"{family}.fx"), full=True)
    assert o.kind == "compiled", o.detail


def test_mutation_is_deterministic_and_changes_the_text():
    files = fuzzlib.corpus()
    a = fuzzlib.mutants(random.Random(1), 20, files)
    b = fuzzlib.mutants(random.Random(1), 20, files)
    assert [m.text for m in a] == [m.text for m in b]
    assert sum(m.text != text for m, (_, text) in zip(a, files * 2)) >= 15
