"""Random loop nests over arrays and native lists with affine and counter indices, `break`,
`continue`, appends and pops, compiled and run against plain Python: results, exceptions
(type and message) and the arrays afterwards must agree (bounds-check hoisting,
compiler/bounds.py and lower/hoist.py; the fast slice is tests/test_bounds_hoisting.py).

    .venv/bin/python tests/stress/fuzz_bounds.py [FIRST_SEED] [LAST_SEED]     # default 0 200

Exits 1 on any disagreement, printing the program and the arguments.
"""
import os
import random
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
import fxload  # noqa: E402

def gen(rng):
    """One random function `f` over two arrays, a list and three ints."""
    lines = ["from fastext import f64, i64", "", "def f(a: f64[:], b: f64[:], xs: list[i64], n: i64, m: i64, c: i64) -> f64:",
             "    s = 0.0", "    k = c"]
    loopvars = []
    def idx():
        terms = []
        for _ in range(rng.randint(1, 3)):
            choice = rng.random()
            if loopvars and choice < 0.6:
                v = rng.choice(loopvars)
                co = rng.choice([1, 1, 1, 2, -1])
                terms.append(v if co == 1 else f"{co} * {v}" if co > 0 else f"-{v}")
            elif choice < 0.75:
                terms.append(rng.choice(["n", "m", "c", "k", "len(a)", "len(xs)"]))
            else:
                terms.append(str(rng.randint(-3, 3)))
        return " + ".join(terms).replace("+ -", "- ")
    def body(depth, indent):
        out = []
        for _ in range(rng.randint(1, 3)):
            r = rng.random()
            pad = "    " * indent
            if r < 0.3 and depth < 3:
                v = "ijl"[depth]
                start = rng.choice(["0", "1", "c", "n - 3", loopvars[-1] if loopvars else "0"])
                stop = rng.choice(["n", "m", "len(a)", "len(b) - 1", "len(xs)", "3", (loopvars[-1] + " + 2") if loopvars else "n"])
                step = rng.choice(["", "", ", 2", ", -1"])
                out.append(f"{pad}for {v} in range({start}, {stop}{step}):")
                loopvars.append(v)
                out += body(depth + 1, indent + 1)
                loopvars.pop()
            elif r < 0.45:
                out.append(f"{pad}s += a[{idx()}]")
            elif r < 0.6:
                out.append(f"{pad}b[{idx()}] = s + {rng.randint(0, 9)}.0")
            elif r < 0.7:
                out.append(f"{pad}s += xs[{idx()}]")
            elif r < 0.78:
                out.append(f"{pad}xs[{idx()}] = {rng.randint(0, 9)}")
            elif r < 0.84 and indent > 1:
                out.append(f"{pad}k += {rng.choice([1, 1, 2])}")
            elif r < 0.88 and indent > 1:
                out.append(f"{pad}if s > {rng.randint(0, 40)}.0:")
                out.append(f"{pad}    {rng.choice(['break', 'continue', 's -= 1.0'])}")
            elif r < 0.91 and indent > 1:
                out.append(f"{pad}xs.append({rng.randint(0, 5)})")
            elif r < 0.94 and indent > 1:
                out.append(f"{pad}if len(xs) > 1:")
                out.append(f"{pad}    xs.pop()")
            else:
                out.append(f"{pad}s += 1.0")
        return out
    lines += body(0, 1)
    lines.append("    return s + k + 1000.0 * len(xs) + b.sum()")
    return "\n".join(lines) + "\n"

def outcome(fn, args):
    """Result or (exception, message), and the arrays afterwards."""
    args = [a.copy() if isinstance(a, np.ndarray) else list(a) if isinstance(a, list) else a for a in args]
    try:
        r = ("ok", fn(*args))
    except Exception as e:
        r = (type(e).__name__, str(e))
    return r, [a.tolist() for a in args if isinstance(a, np.ndarray)]

WORK = tempfile.mkdtemp(prefix="fuzz-bounds-")
FIRST, LAST = (int(sys.argv[1]), int(sys.argv[2])) if len(sys.argv) > 2 else (0, 200)
bad = 0
oks = {True: 0, False: 0}
for seed in range(FIRST, LAST):
    rng = random.Random(seed)
    src = gen(rng)
    path = os.path.join(WORK, f"fz{seed}.fx")
    with open(path, "w") as fh:
        fh.write(src)
    try:
        comp = fxload.compiled(path, f"fz{seed}")
    except Exception as e:
        print("COMPILE", seed, str(e)[:300]); continue
    interp = fxload.interpreted(path, f"fz{seed}")
    for t in range(30):
        la, lb, lx = rng.randint(0, 8), rng.randint(0, 8), rng.randint(0, 6)
        args = [np.arange(la, dtype=np.float64), np.zeros(lb), [rng.randint(0, 3) for _ in range(lx)],
                rng.randint(-2, 9), rng.randint(-2, 9), rng.randint(-3, 5)]
        x, y = outcome(comp.f, args), outcome(interp.f, args)
        oks[x[0][0] == "ok"] += 1
        if x != y:
            bad += 1
            print("MISMATCH seed", seed, args, x, y); print(src); break
print("done, mismatches:", bad, oks)
# statistics: programs with hoisted facts
from fastext.compiler.frontend import check_source
from fastext.compiler.source import SourceFile
from fastext.compiler import bounds, ir
n_facts = 0
for seed in range(FIRST, LAST):
    path = os.path.join(WORK, f"fz{seed}.fx")
    with open(path) as fh:
        module, _ = check_source(SourceFile(path, fh.read()), "m")
    fn = module.functions["f"]
    n_facts += sum(len(bounds.loop_facts(s, bounds.private_lists(fn))) for s in ir.walk(fn.body) if isinstance(s, ir.ForRange))
print("indexings proven in the programs' loops:", n_facts)
sys.exit(1 if bad else 0)
