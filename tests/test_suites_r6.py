"""Programs in the styles of other public benchmark suites (issue 12, round 6): pyperformance's
richards, raytrace, chaos, pystone, unpack_sequence and spectral_norm; SciMark's SOR, LU, Monte
Carlo, sparse mat-mult and FFT; the Benchmarks Game's binary-trees (classes), k-nucleotide and
reverse-complement; Rosetta Code tasks (sieve, Levenshtein, LCS, knapsack, Floyd-Warshall,
Dijkstra with heapq, list matmul, Life, word frequencies, ASCII Mandelbrot, an expression
tokenizer with a shunting-yard parser, merge/insertion/bubble/quick sorts, factorisation and a
Caesar cipher, a statistics/formatting mix, a knight's tour with classes, Roman numerals,
run-length encoding and anagram groups, determinants by Laplace expansion and by elimination).  Each `.fx` under
tests/fx/suites_r6/ is our own program written the way those are, annotated only where Python
calls it; compiled, it prints and returns exactly what plain Python does (`# ARGS:` line).

tests/fx/suites_r6/limits/ holds the ones that stay outside the dialect, each checked for its
located error: pidigits (unbounded ints), nqueens over `permutations(range(n))` with a run-time
`n`, binary-trees built of nested tuples (a recursive tuple type), and a BFS maze solver that builds
lists of lists of str from a module-level list of str (module containers keep their shapes).
(The sudoku solver whose locals start as None compiles since round 7: tests/fx/suites_r7/.)"""
from __future__ import annotations

import os
import traceback

import pytest

import fxload

PROGRAMS = fxload.programs_in("suites_r6")
LIMITS = os.path.join(fxload.FX_DIR, "suites_r6", "limits")


@pytest.mark.parametrize("program", PROGRAMS)
def test_program_prints_what_python_prints(program):
    fxload.assert_program_like_python("suites_r6", program)


def test_there_are_at_least_twenty_programs():
    assert len(PROGRAMS) >= 20


def _path(name: str) -> str:
    return os.path.join(fxload.FX_DIR, "suites_r6", name)


def test_function_without_return_annotation_is_exported_with_the_inferred_result():
    """`def floyd_warshall(n: int, edges: ...)` (no `->`): Python calls it as under plain Python."""
    native, plain = fxload.compiled(_path("floyd.fx")), fxload.interpreted(_path("floyd.fx"))
    edges = [(0, 1, 2.5), (1, 2, -1.0)]
    assert native.floyd_warshall(3, edges) == plain.floyd_warshall(3, edges)
    assert native.INF == plain.INF == float("inf")       # `INF = float("inf")`: a module constant


def test_function_taking_a_linked_class_stays_inside_compiled_code():
    """`monte_carlo(samples: int, rng: Random)`: the module's own code calls it; Python's module
    does not have it (a Random record holds a list), where it used to be a compile error."""
    native = fxload.compiled(_path("scimark_mc.fx"))
    assert not hasattr(native, "monte_carlo")
    assert native.main(1000) == fxload.interpreted(_path("scimark_mc.fx")).main(1000)


def test_uncalled_function_whose_inferred_result_cannot_reach_python_is_located(tmp_path):
    text = fxload.compile_error(tmp_path, "class Node:\n    def __init__(self, nxt=None):\n        self.nxt = nxt\n\n\n"
                                          "def build(n: int):\n    return Node(Node())\n", "bad_suite")
    assert "bad_suite.fx:6:1:" in text and "`build` needs a return annotation" in text and "hint:" in text


GROWTH = """\
def factorial(n: int) -> int:
    f = 1
    for i in range(2, n + 1):
        f *= i
    return f


def hashed(n: int) -> int:
    h = 7
    for i in range(n):
        h = (h * 1000003 + i) % 2147483647
    return h


def wraps_by_choice(n: int) -> int:
    x = 3
    for i in range(n):
        x = x + x          # only products are checked: sums keep wrapping, as documented
    return x
"""


def test_products_that_outgrow_64_bits_raise_overflow_error_at_their_line(tmp_path):
    path = tmp_path / "growth.fx"
    path.write_text(GROWTH)
    native, plain = fxload.compiled(str(path)), fxload.interpreted(str(path))
    assert native.factorial(20) == plain.factorial(20)
    with pytest.raises(OverflowError, match="more than 64 bits") as err:
        native.factorial(21)
    frames = traceback.extract_tb(err.value.__traceback__)
    assert any(f.filename.endswith("growth.fx") and f.lineno == 4 for f in frames)
    assert native.hashed(10_000) == plain.hashed(10_000)
    assert native.wraps_by_choice(70) == 0


def test_pidigits_needs_big_ints_and_says_where():
    path = os.path.join(LIMITS, "pidigits.fx")
    native = fxload.compiled(path)
    with pytest.raises(OverflowError, match="Python's int would grow") as err:
        native.main(30)
    frames = traceback.extract_tb(err.value.__traceback__)
    assert any(f.filename.endswith("pidigits.fx") and f.lineno == 12 for f in frames)


@pytest.mark.parametrize("name, where, message", [
    ("nqueens.fx", "nqueens.fx:7:16:", "known only at run time"),
    ("binary_trees.fx", "binary_trees.fx:4:17:", "None is only allowed"),
    ("maze_bfs.fx", "maze_bfs.fx:48:9:", "module-level `MAZE` holds lists of this type"),
])
def test_programs_outside_the_dialect_are_located(name, where, message):
    from fastext.compiler.diagnostics import CompileError
    with pytest.raises(CompileError) as err:
        fxload.compiled(os.path.join(LIMITS, name))
    text = str(err.value)
    assert where in text and message in text and "hint:" in text


def test_list_field_from_a_comprehension_of_instances(tmp_path):
    path = tmp_path / "fields.fx"
    path.write_text("class P:\n    def __init__(self, x: float):\n        self.x = x\n\n\nclass Cloud:\n"
                    "    def __init__(self, n: int):\n        self.points = [P(i * 0.5) for i in range(n)]\n"
                    "        self.sizes = [i * 2 for i in range(n)]\n\n\n"
                    "def main(n: int) -> float:\n    c = Cloud(n)\n    return sum(p.x for p in c.points) + sum(c.sizes)\n")
    assert fxload.compiled(str(path)).main(5) == fxload.interpreted(str(path)).main(5)


def test_int_of_a_character(tmp_path):
    path = tmp_path / "digits.fx"
    path.write_text("def main(s: str) -> int:\n    t = 0\n    for c in s:\n        t = t * 10 + int(c)\n    return t\n")
    native, plain = fxload.compiled(str(path)), fxload.interpreted(str(path))
    for s in ("1203", "\u0663\u0664", "1x"):
        assert fxload.outcome(native.main, s) == fxload.outcome(plain.main, s)


def test_module_level_tuple_assigned_from_a_function_is_located(tmp_path):
    """Numbers and (since round 7, tests/test_suites_r7.py) str values may be module variables."""
    text = fxload.compile_error(tmp_path, 'CH = (1, 2)\n\n\ndef main(n: int) -> int:\n    global CH\n    CH = (n, n)\n'
                                          '    return n\n', "bad_suite")
    assert "bad_suite.fx:5:5:" in text and "only module-level numbers and str values" in text and "hint:" in text


SMALL = """\
def swap_longer(a: str, b: str) -> str:
    if len(a) < len(b):
        a, b = b, a
    return a + "|" + b


def reuse(n: int) -> float:
    total = 0.0
    for y in range(n):
        total += y
    for x in range(n):
        y = x / 4.0
        total += y
    return total


def members(n: int, s: str) -> int:
    count = 0
    for i in range(n):
        if i in (2, 3, 5) or i * i not in (0, 1, 16):
            count += 1
    if s in ("ab", "cd") and "a" <= s[0] <= "c":
        count += 100
    return count


def unpack(n: int) -> int:
    a, (b, c), *rest = n, (2.5, "x"), 4, 5
    print(a, b, c, rest)
    return len(rest)


def floats_later(n: int) -> float:
    u = [1] * n
    for k in range(3):
        u = [x * 0.5 for x in u]
    return sum(u)
"""


@pytest.mark.parametrize("name, args", [
    ("swap_longer", ("ab", "xyz")), ("swap_longer", ("long", "s")), ("reuse", (5,)),
    ("members", (10, "ab")), ("members", (3, "zz")), ("unpack", (3,)), ("floats_later", (4,)),
])
def test_idioms_fixed_in_round_6(tmp_path_factory, name, args):
    path = tmp_path_factory.getbasetemp() / "r6_small.fx"
    if not path.exists():
        path.write_text(SMALL)
    native, plain = fxload.compiled(str(path)), fxload.interpreted(str(path))
    assert fxload.outcome(getattr(native, name), *args) == fxload.outcome(getattr(plain, name), *args)
