"""The plain-Python benchmark programs of issue 12 (benchmarks/programs), compiled unchanged:
results and printed text equal CPython's run of the same file (small sizes)."""
import os
import sys

import pytest

import fxload

PROGRAMS = os.path.join(fxload.REPO, "benchmarks", "programs")


def run(mod, fn, args, capfd):
    result = getattr(mod, fn)(*args)
    sys.stdout.flush()
    return result, capfd.readouterr().out


@pytest.mark.parametrize("file, fn, args", [
    ("spectralnorm.fx", "main", (37,)),
    ("fannkuch.fx", "fannkuch", (7,)),
    ("mandelbrot.fx", "main", (41,)),
    ("julia.fx", "fib", (18,)),
    ("julia.fx", "mandelperf", ()),
    ("others.fx", "sieve", (1000,)),
    ("others.fx", "levenshtein", ("kitten sitting", "sitting kitten")),
    ("others.fx", "matmul", (7,)),
    ("others.fx", "collatz", (500,)),
    ("others.fx", "queens_lists", (6,)),
    ("nbody.fx", "main", (1000,)),      # module-level containers (frontend/module_containers.py)
    ("fasta.fx", "main", (700,)),       # module-level str tables, bisect, "".join
    ("spectral_functional.fx", "main", (23,)),   # (i, list) tuple parameters, [1] * n decided in a template
    ("generators.fx", "queens", ()),    # generators and itertools (frontend/generators.py)
    ("generators.fx", "pythagorean", (60,)),
    ("generators.fx", "grid_search", (10,)),
    ("generators.fx", "euler7", (100,)),
    ("suites6.fx", "sor", (12, 2)),     # round 6: SciMark, Floyd-Warshall, LCS, richards with a hierarchy
    ("suites6.fx", "sparse", (50, 200, 2)),
    ("suites6.fx", "montecarlo", (500,)),
    ("suites6.fx", "floyd", (9,)),
    ("suites6.fx", "lcs_length", ("thisisatest", "testing123testing")),
    ("suites6.fx", "richards", (1,)),
    ("suites9.fx", "binary_trees", (6,)),   # round 9: Benchmarks Game programs, look-and-say's str building
    ("suites9.fx", "knucleotide", (1500,)),
    ("suites9.fx", "revcomp", (700,)),
    ("suites9.fx", "pidigits", (45,)),
    ("suites9.fx", "look_and_say", (14,)),
])
def test_same_result_and_output(file, fn, args, capfd):
    path = os.path.join(PROGRAMS, file)
    compiled, interpreted = fxload.compiled(path), fxload.interpreted(path)
    assert run(compiled, fn, args, capfd) == run(interpreted, fn, args, capfd)


def test_random_programs_run():
    compiled = fxload.compiled(os.path.join(PROGRAMS, "julia.fx"))
    assert 0 <= compiled.parse_int(1000) < 2 ** 32
    xs = compiled.sortperf(2000)
    assert xs == sorted(xs) and len(xs) == 2000
    a, b = compiled.randmatstat(50)
    assert 0 < a < 2 and 0 < b < 2
    assert compiled.randmatmul(20).shape == (20, 20)
    assert abs(compiled.pisum() - 1.6448340718480652) < 1e-15
