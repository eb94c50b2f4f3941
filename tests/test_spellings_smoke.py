"""benchmarks/spellings: every spelling of every kernel, compiled, returns exactly what the
same file returns under plain Python (the benchmark itself compares against C)."""
from __future__ import annotations

import importlib.util
import os

import pytest

import fxload

HERE = os.path.join(fxload.REPO, "benchmarks", "spellings")


@pytest.fixture(scope="module")
def run():
    spec = importlib.util.spec_from_file_location("spellings_run", os.path.join(HERE, "run.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_spellings_agree_with_plain_python(run):
    path = os.path.join(HERE, "kernels.fx")
    compiled, interpreted = fxload.compiled(path, "spellings_kernels"), fxload.interpreted(path, "spellings_kernels")
    for kernel, make, spellings, _, result in run.cases(quick=True):
        for spelling, call in spellings.items():
            a, b = make(), make()
            assert result(a, call(compiled, a)) == result(b, call(interpreted, b)), (kernel, spelling)
