"""@vectorize / @guvectorize ufuncs against numba.vectorize / numba.guvectorize and NumPy's own
ufuncs (docs/ufuncs.md).

    .venv/bin/python benchmarks/ufuncs/run.py [--rounds R] [--output FILE]

fastext compiles `ufuncs_bench.fx` into a module whose ufuncs are real `numpy.ufunc`s; Numba
compiles the same Python functions with `numba.vectorize` / `numba.guvectorize` and the same
signatures; NumPy computes the same results with its own ufuncs.  Every row times one call that
allocates its result; the columns run interleaved (shuffled each round) and the table gives
medians with half the interquartile range, and the ratio of the best other column to fastext.
Writes benchmarks/ufuncs/RESULTS.md.
"""
from __future__ import annotations

import argparse
import os
import platform
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(os.path.dirname(HERE)))

from fastext.bench.timing import Timer, interleave, quartiles  # noqa: E402

SOURCE = os.path.join(HERE, "ufuncs_bench.fx")
COLUMNS = ("fastext", "Numba", "NumPy")


def fastext_module():
    from importlib.machinery import ModuleSpec
    from fastext.compiler.driver import compile_file
    from fastext.compiler.jit import load_extension
    from fastext.config import Options
    art = compile_file(SOURCE, "ufuncs_bench", Options(jit=True))     # the JIT needs the large code model
    return load_extension(art.object_code, ModuleSpec("ufuncs_bench", None), "ufuncs_bench")


def numba_ufuncs():
    """The same functions through numba.vectorize / guvectorize (None without Numba)."""
    try:
        import numba
    except ImportError:
        return None
    import math
    return {
        "axpy1": numba.vectorize(["float64(float64, float64)", "float32(float32, float32)"])(
            lambda x, y: x * y + 1.0),
        "hypot_like": numba.vectorize(["float64(float64, float64)"])(lambda x, y: math.sqrt(x * x + y * y)),
        "dot": numba.guvectorize(["void(float64[:], float64[:], float64[:])"], "(n),(n)->()")(_nb_dot),
    }


def _nb_dot(x, y, out):
    s = 0.0
    for i in range(len(x)):
        s += x[i] * y[i]
    out[0] = s


def rows(fx, nb):
    rng = np.random.default_rng(1)
    x, y = rng.random(1_000_000), rng.random(1_000_000)
    xs, ys = x.astype(np.float32), y.astype(np.float32)
    small_x, small_y = x[:16].copy(), y[:16].copy()
    sx, sy = rng.random(2_000_000)[::2], rng.random(2_000_000)[::2]
    a, b = rng.random((10_000, 100)), rng.random((10_000, 100))
    col = rng.random((1000, 1))
    vecdot = getattr(np, "vecdot", None)
    return [
        ("`x * y + 1`, 10**6 float64", {"fastext": (fx.axpy1, (x, y)), "Numba": (nb and nb["axpy1"], (x, y)),
                                        "NumPy": (lambda p, q: p * q + 1.0, (x, y))}),
        ("`x * y + 1`, 10**6 float32", {"fastext": (fx.axpy1, (xs, ys)), "Numba": (nb and nb["axpy1"], (xs, ys)),
                                        "NumPy": (lambda p, q: p * q + np.float32(1), (xs, ys))}),
        ("`x * y + 1`, 10**6 float64, stride 2", {"fastext": (fx.axpy1, (sx, sy)),
                                                  "Numba": (nb and nb["axpy1"], (sx, sy)),
                                                  "NumPy": (lambda p, q: p * q + 1.0, (sx, sy))}),
        ("`x * y + 1`, broadcast (1000, 1) by (1000,)", {"fastext": (fx.axpy1, (col, x[:1000])),
                                                         "Numba": (nb and nb["axpy1"], (col, x[:1000])),
                                                         "NumPy": (lambda p, q: p * q + 1.0, (col, x[:1000]))}),
        ("`x * y + 1`, 16 items (call overhead)", {"fastext": (fx.axpy1, (small_x, small_y)),
                                                   "Numba": (nb and nb["axpy1"], (small_x, small_y)),
                                                   "NumPy": (lambda p, q: p * q + 1.0, (small_x, small_y))}),
        ("`sqrt(x*x + y*y)`, 10**6 float64 (NumPy: `np.hypot`)", {
            "fastext": (fx.hypot_like, (x, y)), "Numba": (nb and nb["hypot_like"], (x, y)),
            "NumPy": (np.hypot, (x, y))}),
        ("gufunc dot `(n),(n)->()`, (10**4, 100) (NumPy: `np.vecdot`)", {
            "fastext": (fx.dot, (a, b)), "Numba": (nb and nb["dot"], (a, b)),
            "NumPy": (vecdot or (lambda p, q: np.einsum("ij,ij->i", p, q)), (a, b))}),
    ]


def fmt(seconds: float, spread: float) -> str:
    if seconds < 1e-4:
        return f"{seconds * 1e6:.2f} µs ±{spread * 1e6:.2f}"
    return f"{seconds * 1e3:.3f} ms ±{spread * 1e3:.3f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=15)
    ap.add_argument("--output", default=os.path.join(HERE, "RESULTS.md"))
    args = ap.parse_args()
    load0 = os.getloadavg()[0]
    fx, nb = fastext_module(), numba_ufuncs()
    table = []
    for title, impls in rows(fx, nb):
        timers, results = {}, {}
        for name, (fn, fargs) in impls.items():
            if fn is None:
                continue
            results[name] = fn(*fargs)          # compile (Numba), warm up, and check
            timers[name] = Timer(fn, fargs)
            timers[name].autorange(0.02)
        for name, r in results.items():
            single = np.float32 in (r.dtype, results["fastext"].dtype)
            np.testing.assert_allclose(r, results["fastext"], rtol=1e-5 if single else 1e-12)
        raw, _ = interleave(timers, args.rounds)
        stats = {name: quartiles(v) for name, v in raw.items()}
        table.append((title, stats))
        print(title, {k: fmt(v[0], 0) for k, v in stats.items()}, flush=True)
    load1 = os.getloadavg()[0]
    import llvmlite
    try:
        import numba
        numba_version = numba.__version__
    except ImportError:
        numba_version = "absent"
    lines = [
        "# NumPy ufuncs from `.fx`: fastext against Numba and NumPy",
        "",
        f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} logical CPUs, "
        f"{platform.system()} {platform.release()}; CPython {platform.python_version()}, numpy {np.__version__}, "
        f"numba {numba_version}, llvmlite {llvmlite.__version__}; 1-min load average {load0:.2f} at start, "
        f"{load1:.2f} at end; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        "",
        f"Generated by `python benchmarks/ufuncs/run.py`: {args.rounds} interleaved rounds, medians ± half the "
        "interquartile range; every call allocates its result.  The last column is the best other time "
        "over fastext's (above 1: fastext is faster).",
        "",
        "| " + " | ".join(["operation", *COLUMNS, "best other / fastext"]) + " |",
        "|---|" + "---:|" * (len(COLUMNS) + 1),
    ]
    for title, stats in table:
        cells = []
        for col in COLUMNS:
            if col in stats:
                med, q1, q3 = stats[col]
                cells.append(fmt(med, (q3 - q1) / 2))
            else:
                cells.append("—")
        others = [stats[c][0] for c in COLUMNS if c in stats and c != "fastext"]
        ratio = f"{min(others) / stats['fastext'][0]:.2f}×" if others else "—"
        lines.append(f"| {title} | " + " | ".join(cells) + f" | {ratio} |")
    with open(args.output, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
