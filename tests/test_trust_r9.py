"""Round 9 trust checks: Python's ints stored among floats are shown as ints, or refused with a
located error — never silently printed as floats (frontend/intescape.py, intfollow.py).  Each
program of tests/fx/trust_r9.fx printed floats (or raised) before its fix; each refused
source below compiled before and printed `1.0` where Python prints `1`."""
from __future__ import annotations

import os

import pytest

import fxload

FX = os.path.join(fxload.FX_DIR, "trust_r9.fx")


@pytest.fixture(scope="module")
def both():
    return fxload.compiled(FX), fxload.interpreted(FX)


run = fxload.printed_outcome


CASES = [("item_reads", 3), ("str_object_keys", 4), ("tuple_of_items", 2), ("sorted_then_append", 1),
         ("copies_then_store", 5), ("passed_to_arithmetic", 3), ("passed_to_arithmetic", 0),
         ("sum_of_mixed", 3), ("sum_of_mixed", 0), ("call_result_then_store", 2), ("max_min_of_mixed", 2),
         ("insert_ints", 3)]


@pytest.mark.parametrize("name,arg", CASES)
def test_ints_among_floats_shown_as_python(both, name, arg):
    native, oracle = both
    got = run(getattr(native, name), arg)
    assert got == run(getattr(oracle, name), arg)
    assert got[1][0] == "ok", got


MESSAGE = "stored among floats"
HINT = "write the number as a float"

# (source, line, column) of the int each escape route refuses
REFUSED = {
    "argument shown": ("""
        def _show(d: dict[str, float]) -> None:
            for k, v in d.items():
                print(k, v)
        def main() -> None:
            d = {"a": 1, "b": 2.5}
            _show(d)
        """, 7, 11, "would see as floats"),
    "argument formatted": ("""
        def _fmt(xs: list[float]) -> str:
            return f"{xs[0]}" + str(xs[1]) + repr(xs[0])
        def main() -> None:
            xs = [1, 2.5]
            print(_fmt(xs))
        """, 6, 16, "would see as floats"),
    "argument changed": ("""
        def _scale(xs: list[float]) -> None:
            xs[0] = xs[0] * 2
        def main() -> None:
            xs = [1, 2.5]
            _scale(xs)
            print(xs)
        """, 6, 12, "would see as floats"),
    "internal return": ("""
        def _make() -> list[float]:
            xs = [1, 2.5]
            return xs
        def main() -> None:
            print(_make())
        """, 3, 11, MESSAGE),
    "public result called inside": ("""
        def make() -> list[float]:
            xs = [1, 2.5]
            return xs
        def main() -> None:
            print(make())
        """, 6, 11, "only a call from Python"),
    "slice": ("""
        def main() -> None:
            xs = [1, 2.5, 3]
            print(xs[:2])
        """, 3, 11, MESSAGE),
    "sorted": ("""
        def main() -> None:
            xs = [3, 2.5, 1]
            print(sorted(xs))
        """, 3, 11, MESSAGE),
    "reversed": ("""
        def main() -> None:
            xs = [3, 2.5, 1]
            print(list(reversed(xs)))
        """, 3, 11, MESSAGE),
    "list()": ("""
        def main() -> None:
            xs = [3, 2.5]
            ys = list(xs)
            print(ys)
        """, 3, 11, MESSAGE),
    "dict()": ("""
        def main() -> None:
            d = {"a": 1, "b": 2.5}
            print(dict(d))
        """, 3, 15, MESSAGE),
    "copy()": ("""
        def main() -> None:
            d = {"a": 1, "b": 2.5}
            e = d.copy()
            print(e)
        """, 3, 15, MESSAGE),
    "stored into a list": ("""
        def main() -> None:
            xs = [1, 2.5]
            outer = [xs, xs]
            print(outer)
        """, 3, 11, MESSAGE),
    "stored into a dict": ("""
        def main() -> None:
            xs = [1, 2.5]
            print({"k": xs})
        """, 3, 11, MESSAGE),
    "tuple stored into a list": ("""
        def main() -> None:
            ps = [(1.5, "a")]
            ps.append((1, "b"))
            print(ps)
        """, 4, 16, MESSAGE),
    "class field": ("""
        class Box:
            def __init__(self, xs: list[float]) -> None:
                self.xs = xs
        def main() -> None:
            xs = [1, 2.5]
            b = Box(xs)
            print(b.xs)
        """, 7, 13, "would see as floats"),
    "list in a dict": ("""
        def main() -> None:
            d = {"a": [1.5]}
            d["a"].append(1)
            print(d)
        """, 4, 19, MESSAGE),
    "comprehension shown": ("""
        def main() -> None:
            print([i if i > 0 else 0.5 for i in range(3)])
        """, 3, 11, MESSAGE),
    "set": ("""
        def main() -> None:
            s = {1, 2.5}
            print(s)
        """, 3, 10, MESSAGE),
    "float keys": ("""
        def main() -> None:
            d = {1: "a", 2.5: "b"}
            print(d)
        """, 3, 10, MESSAGE),
    "max inside arithmetic": ("""
        def main() -> None:
            xs = [1, 2.5, 3]
            print(max(xs) + 1)
        """, 4, 11, "sum, min or max"),
    "sum stored": ("""
        def main() -> None:
            xs = [1, 2.5, 3]
            ys = [1.5]
            ys.append(sum(xs))
            print(ys)
        """, 5, 15, MESSAGE),
    "module-level list": ("""
        XS = [1, 2.5]
        def main() -> None:
            print(XS)
        """, 2, 7, MESSAGE),
    "a call returning its argument": ("""
        def _same(xs: list[float]) -> list[float]:
            return xs
        def main() -> None:
            v = [2.5]
            w = _same(v)
            w.append(1)
            print(v)
        """, 6, 9, "may return a list or dict it was given"),
}


@pytest.mark.parametrize("route", sorted(REFUSED))
def test_escaping_int_is_refused(tmp_path, route):
    source, line, col, message = REFUSED[route]
    fxload.assert_located_error(tmp_path, source, line, col, message, HINT)


# ----------------------------------------------------------------------------- the fuzzer's smoke slice
MIX_SEEDS = range(4)        # a few seconds of CPU each; tests/mixfuzz.py runs long


def test_mixed_container_fuzzer_smoke(tmp_path):
    """A fixed slice of tests/mixfuzz.py: each program agrees with Python or is refused with the
    located int-among-floats error; never a different output or another error."""
    import mixfuzz
    kinds = [mixfuzz.run_program(seed, str(tmp_path)) for seed in MIX_SEEDS]
    bad = [(r["seed"], r["kind"], str(r["detail"])[:400]) for r in kinds if r["kind"] not in ("same", "refused")]
    assert not bad, bad
    assert sum(r["kind"] == "same" for r in kinds) >= 3
