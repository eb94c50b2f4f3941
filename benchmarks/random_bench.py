"""np.random in compiled code against NumPy and Numba: filling 10**6 uniforms, normals and
bounded integers, and summing 10**6 scalar draws in a loop (docs/numpy-random.md).

    .venv/bin/python benchmarks/random_bench.py [--n N] [--rounds R] [--output FILE]

Each row times one call; the columns run in shuffled order in every round (interleaved), and
the table gives medians with half the interquartile range.  fastext compiles
`random_kernels.fx`; Numba njit-compiles the very same functions (executed as plain Python
source); NumPy calls its legacy global RandomState (MT19937) and a `default_rng` Generator
(PCG64) directly; the rows of Python's `random` add the same loops run by CPython.  Writes
benchmarks/RANDOM.md.
"""
from __future__ import annotations

import argparse
import os
import platform
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from fastext.bench.timing import Timer, interleave, quartiles  # noqa: E402

KERNELS = os.path.join(HERE, "random_kernels.fx")


def fastext_module():
    """random_kernels.fx compiled and linked into a shared object, as the import hook builds it."""
    import importlib.util
    import tempfile
    from fastext.compiler.driver import compile_file
    from fastext.compiler.link import link_shared
    art = compile_file(KERNELS, "random_kernels")
    so = os.path.join(tempfile.mkdtemp(prefix="fastext-random-bench-"), "random_kernels.so")
    link_shared(art.object_code, so)
    spec = importlib.util.spec_from_file_location("random_kernels", so)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


PY_LOOPS = ("py_random_sum", "py_randint_sum", "py_gauss_sum")


def plain_functions() -> dict:
    """The kernels as plain Python (CPython's `random` and NumPy)."""
    namespace: dict = {"__name__": "random_kernels_plain"}
    with open(KERNELS, encoding="utf-8") as f:
        exec(compile(f.read(), KERNELS, "exec"), namespace)
    return namespace


def numba_functions() -> dict | None:
    try:
        import numba
    except ImportError:
        return None
    namespace = plain_functions()
    names = ("uniform_fill", "normal_fill", "randint_fill", "uniform_sum", "normal_sum", *PY_LOOPS)
    return {name: numba.njit(namespace[name]) for name in names}


def rows(n: int, fx, nb, py) -> list[tuple[str, dict]]:
    rng = np.random.default_rng(1)
    out = [
        ("uniform floats: `np.random.random(n)`", {
            "fastext": (fx.uniform_fill, (n,)),
            "fastext Generator": (fx.generator_uniform_fill, (1, n)),
            "NumPy (MT19937)": (np.random.random, (n,)),
            "NumPy Generator (PCG64)": (rng.random, (n,)),
            "Numba": (nb and nb["uniform_fill"], (n,))}),
        ("normal floats: `np.random.normal(0, 1, n)`", {
            "fastext": (fx.normal_fill, (n,)),
            "fastext Generator": (fx.generator_normal_fill, (1, n)),
            "NumPy (MT19937)": (np.random.normal, (0.0, 1.0, n)),
            "NumPy Generator (PCG64)": (rng.normal, (0.0, 1.0, n)),
            "Numba": (nb and nb["normal_fill"], (n,))}),
        ("integers: `np.random.randint(0, 100, n)`", {
            "fastext": (fx.randint_fill, (n,)),
            "NumPy (MT19937)": (np.random.randint, (0, 100, n)),
            "NumPy Generator (PCG64)": (rng.integers, (0, 100, n)),
            "Numba": (nb and nb["randint_fill"], (n,))}),
        ("reference: `np.ones(n)` (allocate and write 8 MB, no random numbers)", {
            "NumPy (MT19937)": (np.ones, (n,))}),
        ("scalar loop: `s += np.random.random()`, n times", {
            "fastext": (fx.uniform_sum, (n,)),
            "Numba": (nb and nb["uniform_sum"], (n,))}),
        ("scalar loop: `s += np.random.normal(0.0, 1.0)`, n times", {
            "fastext": (fx.normal_sum, (n,)),
            "Numba": (nb and nb["normal_sum"], (n,))}),
    ]
    for name, shown in zip(PY_LOOPS, ("random.random()", "random.randint(1, 6)", "random.gauss(0.0, 1.0)")):
        out.append((f"scalar loop: `s += {shown}`, n times (Python's `random`)", {
            "fastext": (getattr(fx, name), (n,)),
            "Numba": (nb and nb[name], (n,)),
            "CPython": (py[name], (n,))}))
    return out


COLUMNS = ("fastext", "fastext Generator", "NumPy (MT19937)", "NumPy Generator (PCG64)", "Numba", "CPython")


def fmt(seconds: float, spread: float) -> str:
    return f"{seconds * 1e3:.2f} ms ±{spread * 1e3:.2f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--rounds", type=int, default=21)
    ap.add_argument("--output", default=os.path.join(HERE, "RANDOM.md"))
    args = ap.parse_args()
    load0 = os.getloadavg()[0]
    fx = fastext_module()
    nb = numba_functions()
    table = []
    for title, impls in rows(args.n, fx, nb, plain_functions()):
        timers = {}
        for name, (fn, fargs) in impls.items():
            if fn is None:
                continue
            fn(*fargs)                      # compile (Numba) and warm up
            timers[name] = Timer(fn, fargs)
            timers[name].loops = 1
        raw, _ = interleave(timers, args.rounds)
        stats = {name: quartiles(v) for name, v in raw.items()}
        table.append((title, stats))
        print(title, {k: f"{v[0] * 1e3:.2f} ms" for k, v in stats.items()}, flush=True)
    load1 = os.getloadavg()[0]
    import llvmlite
    numba_version = "absent"
    try:
        import numba
        numba_version = numba.__version__
    except ImportError:
        pass
    lines = [
        "# np.random and Python's `random`: fastext against NumPy, Numba and CPython",
        "",
        f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} logical CPUs, "
        f"{platform.system()} {platform.release()}; CPython {platform.python_version()}, numpy {np.__version__}, "
        f"numba {numba_version}, llvmlite {llvmlite.__version__}; 1-min load average {load0:.2f} at start, "
        f"{load1:.2f} at end; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        "",
        f"Generated by `python benchmarks/random_bench.py`: n = {args.n:,}, {args.rounds} interleaved rounds, "
        "one call per sample; medians ± half the interquartile range.  Every call allocates its result "
        "(page faults included, as in NumPy).  The last column is the best other time over fastext's.",
        "",
        "| " + " | ".join(["operation", *COLUMNS, "fastext speed-up over the best other"]) + " |",
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
        others = [stats[c][0] for c in stats if not c.startswith("fastext")]
        ratio = f"{min(others) / stats['fastext'][0]:.2f}×" if others and "fastext" in stats else "—"
        lines.append("| " + " | ".join([title, *cells, ratio]) + " |")
    with open(args.output, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
