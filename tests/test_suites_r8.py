"""Programs in the styles of public benchmark suites (issue 12, round 8): pyperformance
(fannkuch, pidigits, json_dumps, generators, richards-like VMs), Rosetta Code tasks (sieves,
KMP, run-length, Huffman-free codecs, Josephus, Bareiss, Algorithm X, A*, Kruskal,
Bellman-Ford), Advent-of-Code-style puzzles (input as a literal str) — and the idioms this
round made compile: `any`/`all` over nested loops (frontend/lists.py), module-level sets of
constants (frontend/constsets.py), a run-time slice of a tuple iterated (frontend/loops.py),
products masked to low bits in a loop (frontend/growth.py), builders returning a class
instance or None (frontend/classes.py, frontend/templates.py), recursive generators and
generator methods as list-collecting functions (frontend/eagergen.py), local bytearrays of
flags as native lists (frontend/bytemarks.py).  Each `.fx` under
tests/fx/suites_r8/ is our own program, annotated only where Python calls it; compiled, it
prints and returns exactly what plain Python does (`# ARGS:` line)."""
from __future__ import annotations

import pytest

import fxload

PROGRAMS = fxload.programs_in("suites_r8")


@pytest.mark.parametrize("program", PROGRAMS)
def test_program_prints_what_python_prints(program):
    fxload.assert_program_like_python("suites_r8", program)


def test_there_are_at_least_twenty_five_programs():
    assert len(PROGRAMS) >= 25


IDIOMS = """\
KEYWORDS = {"if", "else", "while", "def"}
VOWELS = set("aeiouy")
ODD = frozenset({1, 3, 5, 7, 9})
MASK48 = (1 << 48) - 1


def classify(words: list[str]) -> list[str]:
    out = []
    for w in words:
        if w in KEYWORDS:
            out.append("kw")
        elif w[0] not in VOWELS:
            out.append("cons")
        else:
            out.append("vow")
    return out


def set_reads(n: int) -> list[int]:
    return [sum(1 for x in range(n) if x in ODD), len(ODD), len(KEYWORDS | {"for"}),
            len(VOWELS - {"y"}), int(KEYWORDS >= {"if"}), sorted(ODD)[-1]]


def small(seen: list[int], x: int, y: int) -> bool:
    seen.append(x * y)
    return x + y < 9


def nested_all(xs: list[int]) -> int:
    seen = []
    ok = all(small(seen, x, y) for x in xs for y in xs)
    return len(seen) * 10 + int(ok)


def nested_any(xs: list[int], ys: list[int]) -> bool:
    return any(x * y == 12 for x in xs for y in ys if x < y)


def edges_ordered(order: list[str]) -> bool:
    graph = {"a": ["b", "c"], "b": ["c"], "c": []}
    pos = {k: i for i, k in enumerate(order)}
    return all(pos[a] < pos[b] for a in graph for b in graph[a])


def shifts(pad: int) -> list[int]:
    out = []
    for s in (16, 8, 0)[:3 - pad]:
        out.append(s)
    return out


def tail(k: int) -> int:
    t = (5, 6, 7, 8)
    total = 0
    for v in t[k:]:
        total = total * 10 + v
    return total + sum([x for x in (1, 2, 3)[::k + 1]])


def lcg(seed: int, n: int) -> int:
    state = seed
    total = 0
    for _ in range(n):
        state = (state * 0x5DEECE66D + 0xB) & MASK48
        total += state >> 17
    return total


def lcg_mod(seed: int, n: int) -> int:
    x = seed
    for _ in range(n):
        x = (x * 0x5DEECE66D + 0xB) % 2 ** 48
    return x


def grows(n: int) -> int:
    x = 3
    for _ in range(n):
        x = (x * 0x5DEECE66D + 0xB) % 1000000007 * x
    return x
"""


def _pair(tmp_path, source: str, stem: str):
    path = tmp_path / f"{stem}.fx"
    path.write_text(source)
    return fxload.compiled(str(path)), fxload.interpreted(str(path))


def test_idioms_of_this_round_match_python(tmp_path):
    native, plain = _pair(tmp_path, IDIOMS, "idioms_r8")
    words = ["if", "apple", "tree", "def", "ys"]
    assert native.classify(words) == plain.classify(words) == ["kw", "vow", "cons", "kw", "vow"]
    assert native.set_reads(12) == plain.set_reads(12)
    for xs in ([1, 2, 3, 4, 5, 6], [0, 1, 2, 3], []):
        assert native.nested_all(xs) == plain.nested_all(xs)      # stops at the first false item
    assert native.nested_all([1, 2, 3, 4, 5, 6]) == 180
    for xs, ys in (([1, 2, 3], [4, 5, 6]), ([5, 6], [1, 2]), ([], [1])):
        assert native.nested_any(xs, ys) == plain.nested_any(xs, ys)
    for order in (["a", "b", "c"], ["b", "a", "c"]):
        assert native.edges_ordered(order) == plain.edges_ordered(order)
    assert [native.shifts(p) for p in range(4)] == [plain.shifts(p) for p in range(4)]
    for k in (1, -2, 2, 0):
        assert native.tail(k) == plain.tail(k)


def test_products_masked_to_low_bits_wrap_as_python_masks_them(tmp_path):
    """The product outgrows 64 bits; its low 48 bits, all the mask keeps, are Python's."""
    native, plain = _pair(tmp_path, IDIOMS, "masks_r8")
    for seed in (3, -3, 2 ** 40):
        assert native.lcg(seed, 50) == plain.lcg(seed, 50)
        assert native.lcg_mod(seed, 50) == plain.lcg_mod(seed, 50)
    with pytest.raises(OverflowError):      # `% M` of an odd M then `* x`: still checked
        native.grows(10)


def test_module_set_changed_by_a_function_is_located(tmp_path):
    fxload.assert_located_error(tmp_path, """\
        SEEN = {1, 2}


        def mark(x: int) -> int:
            SEEN.add(x)
            return len(SEEN)
        """, 5, 5, "the module-level set `SEEN` could be changed or kept here", "set(NAME)")


def test_module_set_passed_to_a_helper_is_located(tmp_path):
    fxload.assert_located_error(tmp_path, """\
        OPS = {"+", "-"}


        def helper(s: set[str]) -> int:
            return len(s)


        def main(x: int) -> int:
            return helper(OPS) + x
        """, 9, 19, "the module-level set `OPS` could be changed or kept here", "set(NAME)")


def test_module_frozenset_printed_is_located(tmp_path):
    """A frozenset read anew as a set would print `{...}`: refused rather than shown differently."""
    fxload.assert_located_error(tmp_path, """\
        ODD = frozenset({1, 3})


        def main(x: int) -> int:
            print(ODD)
            return x
        """, 5, 11, "the module-level frozenset `ODD` is made anew as a set", "x in ODD")


BYTEARRAYS = """\
def flags(n: int) -> int:
    mark = bytearray(n)
    for i in range(0, n, 3):
        mark[i] = 1
    return sum(mark) * 1000 + len(mark) + sum(1 for x in mark if not x)


def neg(n: int) -> int:
    mark = bytearray(n - 10)
    return len(mark)


def printed(n: int) -> int:
    mark = bytearray(n)
    mark[0] = 65
    print(mark)
    return len(mark)


def stored(n: int) -> int:
    mark = bytearray(n)
    mark[1] = n
    return mark[1]


def main(n: int) -> int:
    print(flags(n), printed(3))
    try:
        neg(n)
    except ValueError as e:
        print("ValueError", e)
    try:
        print(stored(300))
    except ValueError as e:
        print("ValueError", e)
    try:
        print(stored(5), flags(0))
        m = bytearray(2)
        m[5] = 1
    except IndexError:
        print("IndexError")
    return 0
"""


def test_local_bytearray_of_flags_matches_python(tmp_path):
    """`mark = bytearray(n)` used as flags is a native list (frontend/bytemarks.py); printed, or
    stored a variable, it stays Python's bytearray: each prints and raises as Python does."""
    native, plain = _pair(tmp_path, BYTEARRAYS, "bytemarks_r8")
    assert fxload.program_output(native, (7,)) == fxload.program_output(plain, (7,))
    assert native.flags(100) == plain.flags(100)


GENERATORS = """\
class Bag:
    def __init__(self, n: int):
        self.xs = list(range(n))

    def evens(self):
        for x in self.xs:
            if x % 2 == 0:
                yield x * x


def binary_strings(n: int):
    if n == 0:
        yield ""
        return
    for s in binary_strings(n - 1):
        yield s + "0"
        yield s + "1"


def evens(n: int) -> list[int]:
    return list(Bag(n).evens())


def strings(n: int) -> list[str]:
    return list(binary_strings(n))


def first_long(n: int) -> str:
    for s in binary_strings(n):
        if s.count("1") == n:
            return s
    return ""
"""


def test_generator_methods_and_recursive_generators_match_python(tmp_path):
    native, plain = _pair(tmp_path, GENERATORS, "eagergen_r8")
    for n in (0, 1, 7):
        assert native.evens(n) == plain.evens(n)
    for n in (0, 1, 3):
        assert native.strings(n) == plain.strings(n)
        assert native.first_long(n) == plain.first_long(n)


def test_recursive_generator_that_prints_stays_a_located_error(tmp_path):
    """Collected first, its prints would come before the consumer's: it is not rewritten."""
    fxload.assert_located_error(tmp_path, """\
        def noisy(n: int):
            print("enter", n)
            if n > 0:
                yield from noisy(n - 1)
            yield n


        def main(n: int) -> int:
            for v in noisy(n):
                print("got", v)
            return n
        """, 4, 20, "generator `noisy` iterates itself", "recursive function")
