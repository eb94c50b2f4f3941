"""Random `.fx` programs around containers that mix Python's ints and floats (round 9).

tests/surfacefuzz.py draws expressions over the wider dialect; this generator draws whole
statements over the places where an int stored among floats can lose its type: lists and dicts
of numbers built with int and float literals, passed to helpers that print, sum, scale or copy
them, sliced, sorted, stored into dicts of lists and tuples, read back through class instances
held in a list, and str methods on the keys.  Each program is compiled and run against plain
Python: the same stdout and outcome, or a located compile error saying to write the int as a
float (frontend/intescape.py: a refusal the dialect makes on purpose).  Anything else — a
different output, another compile error, an internal error, a crash — is a finding.
`run_program(seed)` runs one program; tests/test_trust_r9.py runs a fixed slice.
"""
from __future__ import annotations

import contextlib
import io
import os
import random
import tempfile

NUMS = ["0", "1", "2", "7", "-3", "0.5", "2.5", "1.0", "-0.25", "3.0", "10"]
STRS = ["a,b,c", "x", "", "ant,bee,,cat", "  Hi  ", "k1,k2"]

PRELUDE = '''from __future__ import annotations


class Item:
    def __init__(self, name: str, w: float) -> None:
        self.name = name
        self.w = w


def _total(xs: list[float]) -> float:
    s = 0.0
    for x in xs:
        s += x * 0.5
    return s


def _show(xs: list[float]) -> None:
    print("show", xs)


def _first(xs: list[float]) -> float:
    return xs[0] / 2


def _scaled(xs: list[float], k: float) -> list[float]:
    return [x * k for x in xs]


def _keys(d: dict[str, float]) -> str:
    return ",".join(sorted(d.keys()))


def _weights(items: list[Item]) -> float:
    t = 0.0
    for it in items:
        t += it.w
    return t
'''


def _num(rng: random.Random) -> str:
    return rng.choice(NUMS)


def _floatnum(rng: random.Random) -> str:
    return rng.choice(["0.5", "2.5", "1.0", "-0.25", "3.0"])


def statements(rng: random.Random) -> list[str]:
    """The body of `main(n: int, x: float, s: str)`: a list and a dict first, then uses."""
    mixed = rng.random() < 0.5
    lit = _num if mixed else _floatnum
    body = [f"xs = [{_floatnum(rng)}, {', '.join(lit(rng) for _ in range(rng.randint(0, 3)))}]".replace(", ]", "]"),
            f"d = {{\"k1\": {_floatnum(rng)}, \"k2\": {lit(rng)}}}"]
    pool = [
        lambda: f"xs.append({lit(rng)})",
        lambda: f"xs[n % len(xs)] = {lit(rng)}",
        lambda: "print(xs, len(xs), xs[0], xs[-1])",
        lambda: "print(sum(xs), max(xs), min(xs))",
        lambda: "print(sorted(xs), xs[1:], list(reversed(xs)))",
        lambda: "for v in xs:\n        print(v, v > 1)",
        lambda: "print(_total(xs), _first(xs))",
        lambda: "_show(xs)",
        lambda: f"ys = _scaled(xs, {_floatnum(rng)})\n    print(ys)",
        lambda: f"d[s] = {lit(rng)}",
        lambda: "for k, v in d.items():\n        print(k, v)",
        lambda: "print(d, len(d), _keys(d))",
        lambda: "print(d.get(\"k1\", 0.0), \"k2\" in d)",
        lambda: f"dl = {{\"a\": [{_floatnum(rng)}, {_floatnum(rng)}]}}\n    dl[\"a\"].append({lit(rng)})\n    print(dl)",
        lambda: "t = (xs[0], len(xs))\n    print(t)",
        lambda: "items = [Item(w, x) for w in s.split(\",\")]\n    print([it.name.upper() for it in items], _weights(items))",
        lambda: "print(s.strip().replace(\"a\", \"b\"), s.split(\",\"), \"-\".join(s.split(\",\")), s.find(\"b\"))",
        lambda: "print(s.upper(), s[::-1], s.startswith(\"a\"), s.count(\",\"), f\"{s!r:>8}\")",
        lambda: "tot = 0\n    for v in xs:\n        tot += v\n    print(tot)",
        lambda: f"print(f\"{{xs[0]}} {{d['k1']}}\", str(xs), repr(d))",
        # riskier routes: copies, joins, pops, nested containers, tuples in lists
        lambda: f"zs = xs + [{lit(rng)}]\n    print(zs)",
        lambda: f"xs.insert(0, {lit(rng)})",
        lambda: f"xs.extend([{lit(rng)}, {_floatnum(rng)}])",
        lambda: "if len(xs) > 1:\n        print(xs.pop())",
        lambda: "cp = list(xs)\n    cp.append(1.5)\n    print(cp, xs)",
        lambda: "pairs = [(i, v) for i, v in enumerate(xs)]\n    print(pairs)",
        lambda: "print(max(xs) + 1, sum(xs) * 2)",
        lambda: "m = max(xs)\n    print(m, [m])",
        lambda: f"grid = [[{lit(rng)}, {_floatnum(rng)}] for _ in range(2)]\n    print(grid, grid[0][0])",
        lambda: "inv = {v: k for k, v in d.items()}\n    print(len(inv))",
        lambda: "print({k: v * 2 for k, v in d.items()})",
        lambda: f"bag = {{s: [{lit(rng)}]}}\n    for k in bag:\n        bag[k].append({_floatnum(rng)})\n    print(bag)",
    ]
    for _ in range(rng.randint(3, 7)):
        body.append(rng.choice(pool)())
    body.append("return len(xs)")
    return body


def generate(seed: int) -> str:
    rng = random.Random(seed)
    lines = "\n    ".join(statements(rng))
    return PRELUDE + f"\n\ndef main(n: int, x: float, s: str) -> int:\n    {lines}\n"


INPUTS = [(0, 0.5, "a,b,c"), (3, 2.0, "ant,bee,,cat"), (-1, -1.5, "x"), (7, 1.0, "k1,k2"), (2, 0.0, "  Hi  ")]


def _outcome(mod, args) -> tuple:
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        try:
            out = ("ok", mod.main(*args))
        except Exception as e:   # noqa: BLE001 - the outcome is compared
            out = (type(e).__name__, str(e))
    return buf.getvalue(), out


def run_program(seed: int, workdir: str | None = None) -> dict:
    """Compile program `seed` and compare it with plain Python: {"seed", "kind", "detail"} where
    kind is "same", "refused" (the located int-among-floats error), or a finding: "differs",
    "compile error", "internal error"."""
    import fxload
    from fastext.compiler.diagnostics import CompileError
    src = generate(seed)
    workdir = workdir or tempfile.mkdtemp(prefix="mixfuzz-")
    name = f"mix{seed}"
    path = os.path.join(workdir, name + ".fx")
    with open(path, "w") as f:
        f.write(src)
    try:
        native = fxload.compiled(path, name)
    except CompileError as e:
        text = str(e)
        kind = "refused" if "stored among floats" in text or "would see as floats" in text \
            or "sum, min or max" in text or "may return a list" in text else \
            "internal error" if "internal compiler error" in text else "compile error"
        return {"seed": seed, "kind": kind, "detail": text, "source": src}
    oracle = fxload.interpreted(path, name)
    for args in INPUTS:
        got, want = _outcome(native, args), _outcome(oracle, args)
        if got != want:
            return {"seed": seed, "kind": "differs", "detail": (args, got, want), "source": src}
    return {"seed": seed, "kind": "same", "detail": None, "source": src}
