#!/usr/bin/env python3
"""Plain-Python benchmark programs (issue 12), compiled unchanged, against CPython, Numba and C.

    python benchmarks/programs/run.py            # writes benchmarks/programs/RESULTS.md
    python benchmarks/programs/run.py --quick    # small sizes, 3 rounds, to _build/programs/

The programs are the `.fx` files of this folder, written as the public plain-Python entries of
the Computer Language Benchmarks Game and the Julia micro-benchmarks are (annotations added,
nothing rewritten).  Every implementation of a program is called once and its result (and the
text it prints) compared with CPython's; then all are timed in the same shuffled rounds, pinned
to one core.  Numba gets the very same source: every function of the file under `numba.njit`
(a program Numba cannot compile that way is shown as such).  C: programs.c, built with
`gcc -O3 -march=native`, same operation order, called through ctypes (a program that returns a list
returns it from C too, as Python objects).  Programs that draw random
numbers use each implementation's own generator: their results are compared statistically.
"""
from __future__ import annotations

import argparse
import ctypes
import io
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCH = HERE.parent
ROOT = BENCH.parent
sys.path[:0] = [str(BENCH), str(ROOT / "tests"), str(ROOT)]

from fxbench.machine import machine_info  # noqa: E402
from fxbench.timing import time_kernels  # noqa: E402

# name: (file, function, args, quick args, how results compare: "exact" or "random")
PROGRAMS = {
    "n-body": ("nbody.fx", "main", (200_000,), (1000,), "exact"),
    "spectral-norm": ("spectralnorm.fx", "main", (400,), (100,), "exact"),
    "mandelbrot": ("mandelbrot.fx", "main", (600,), (100,), "exact"),
    "fannkuch-redux": ("fannkuch.fx", "fannkuch", (9,), (7,), "exact"),
    "fib": ("julia.fx", "fib", (27,), (20,), "exact"),
    "parse_int": ("julia.fx", "parse_int", (100_000,), (1000,), "random"),
    "quicksort": ("julia.fx", "sortperf", (100_000,), (5000,), "random"),
    "mandel": ("julia.fx", "mandelperf", (), (), "exact"),
    "pisum": ("julia.fx", "pisum", (), (), "exact"),
    "randmatstat": ("julia.fx", "randmatstat", (1000,), (50,), "random"),
    "randmatmul": ("julia.fx", "randmatmul", (200,), (50,), "random"),
    # programs in the styles of other public collections (others.fx)
    "sieve": ("others.fx", "sieve", (1_000_000,), (1000,), "exact"),
    "levenshtein": ("others.fx", "levenshtein", ("kitten sitting on the mat" * 8, "sitting kitten on a hat" * 8),
                    ("kitten", "sitting"), "exact"),
    "list matmul": ("others.fx", "matmul", (120,), (10,), "exact"),
    "collatz": ("others.fx", "collatz", (300_000,), (1000,), "exact"),
    "n-queens": ("others.fx", "queens_lists", (8,), (5,), "exact"),
    "fasta": ("fasta.fx", "main", (100_000,), (1000,), "exact"),
    "spectral-norm (functional)": ("spectral_functional.fx", "main", (400,), (50,), "exact"),
    # programs written with plain classes (classes.fx): raytrace, richards, float, particles styles
    "raytrace (classes)": ("classes.fx", "raytrace", (120,), (20,), "exact"),
    "richards (classes)": ("classes.fx", "richards", (200_000,), (2000,), "exact"),
    "float (classes)": ("classes.fx", "float_points", (100_000,), (1000,), "exact"),
    "particles (classes)": ("classes.fx", "particles", (200, 20), (30, 5), "exact"),
    # generator functions and itertools, inlined where iterated (generators.fx)
    "nqueens (permutations)": ("generators.fx", "queens", (), (), "exact"),
    "pythagorean pipeline": ("generators.fx", "pythagorean", (400,), (60,), "exact"),
    "grid search (product)": ("generators.fx", "grid_search", (250,), (10,), "exact"),
    "euler 7 (count)": ("generators.fx", "euler7", (10_001,), (100,), "exact"),
    # pyperformance / SciMark / Rosetta Code styles, round 6 (suites6.fx; tests/fx/suites_r6/)
    "scimark SOR (lists)": ("suites6.fx", "sor", (100, 10), (20, 2), "exact"),
    "scimark sparse matmult": ("suites6.fx", "sparse", (1000, 5000, 20), (100, 500, 2), "exact"),
    "scimark monte carlo": ("suites6.fx", "montecarlo", (200_000,), (1000,), "exact"),
    "floyd-warshall": ("suites6.fx", "floyd", (120,), (15,), "exact"),
    "lcs (dp table)": ("suites6.fx", "lcs_length", ("thisisatest" * 20, "testing123testing" * 12),
                       ("thisisatest", "testing123testing"), "exact"),
    "richards (inheritance)": ("suites6.fx", "richards", (20,), (1,), "exact"),
    # Benchmarks Game / Rosetta Code styles, round 9 (suites9.fx)
    "binary-trees": ("suites9.fx", "binary_trees", (12,), (6,), "exact"),
    "k-nucleotide": ("suites9.fx", "knucleotide", (100_000,), (2000,), "exact"),
    "reverse-complement": ("suites9.fx", "revcomp", (300_000,), (1000,), "exact"),
    "pidigits (spigot)": ("suites9.fx", "pidigits", (600,), (30,), "exact"),
    "look-and-say": ("suites9.fx", "look_and_say", (45,), (12,), "exact"),
}


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def quiet(f):
    """`f` with its printed text captured (returned beside the result)."""
    def call(*args):
        out, buf = io.StringIO(), io.BytesIO()
        wrapper = io.TextIOWrapper(buf, write_through=True)
        real = sys.stdout
        sys.stdout = out
        out.buffer = buf       # programs writing bytes reach sys.stdout.buffer
        try:
            result = f(*args)
        finally:
            sys.stdout = real
            wrapper.detach()
        return result, out.getvalue().encode() + buf.getvalue()
    return call


def c_library(build: Path):
    import sysconfig
    lib = build / "programs_c.so"
    subprocess.run(["gcc", "-O3", "-march=native", "-shared", "-fPIC", "-I", sysconfig.get_paths()["include"],
                    "-o", str(lib), str(HERE / "programs.c"), "-lm"], check=True)
    return ctypes.PyDLL(str(lib))     # the GIL held: sortperf_list builds Python objects


def c_versions(lib) -> dict:
    """Callables with the Python programs' signatures (results only, no printing)."""
    lib.spectralnorm.restype = lib.pisum.restype = lib.sortperf.restype = lib.nbody.restype = ctypes.c_double
    lib.sortperf_list.restype = lib.sieve.restype = ctypes.py_object
    round9 = ("binary_trees", "knucleotide", "revcomp", "pidigits", "look_and_say")
    lib.euler7.restype = ctypes.c_long
    for name in round9:
        getattr(lib, name).restype = ctypes.c_long
    for f in (lib.spectralnorm, lib.fib, lib.parse_int, lib.sortperf, lib.sortperf_list, lib.nbody, lib.sieve,
              lib.euler7, *(getattr(lib, name) for name in round9)):
        f.argtypes = [ctypes.c_long]
    lib.fib.restype = lib.parse_int.restype = lib.fannkuch.restype = lib.mandelbrot.restype = ctypes.c_long
    buf = ctypes.create_string_buffer(1 << 22)
    check = ctypes.c_long()
    out = (ctypes.c_long * 546)()
    return {
        "n-body": lambda n: lib.nbody(n),
        "spectral-norm": lambda n: lib.spectralnorm(n),
        "mandelbrot": lambda n: lib.mandelbrot(ctypes.c_long(n), buf),
        "fannkuch-redux": lambda n: (lib.fannkuch(ctypes.c_long(n), ctypes.byref(check)), check.value),
        "fib": lambda n: lib.fib(n),
        "parse_int": lambda t: lib.parse_int(t),
        "quicksort": lambda n: lib.sortperf_list(n),     # the sorted list, as the program returns
        "mandel": lambda: (lib.mandelperf(out), list(out)),
        "pisum": lambda: lib.pisum(),
        "sieve": lambda n: lib.sieve(n),             # the primes as a Python list, as the program returns
        "euler 7 (count)": lambda k: lib.euler7(k),
        "binary-trees": lambda d: lib.binary_trees(d),
        "k-nucleotide": lambda n: lib.knucleotide(n),
        "reverse-complement": lambda n: lib.revcomp(n),
        "pidigits (spigot)": lambda n: lib.pidigits(n),
        "look-and-say": lambda n: lib.look_and_say(n),
    }


def numba_module(path: Path):
    """The file's functions under numba.njit (module globals replaced by their jitted versions)."""
    import numba
    source = path.read_text()
    namespace: dict = {"__name__": f"numba_{path.stem}"}
    exec(compile(source, str(path), "exec"), namespace)
    for name, value in list(namespace.items()):
        if callable(value) and getattr(value, "__module__", None) == namespace["__name__"]:
            namespace[name] = numba.njit(value)
    return namespace


def agrees(kind: str, a, b) -> bool:
    if kind == "random":
        return type(a) is type(b) or hasattr(a, "shape")
    if hasattr(a, "shape"):
        import numpy as np
        return np.array_equal(a, b)
    return a == b


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--rounds", type=int)
    ap.add_argument("--only", type=lambda s: s.split(","))
    ap.add_argument("--no-pin", action="store_true")
    opts = ap.parse_args(argv)
    build = BENCH / "_build" / "programs"
    build.mkdir(parents=True, exist_ok=True)
    rounds = opts.rounds or (3 if opts.quick else 7)
    load_start = os.getloadavg()[0]
    pinned = None
    if not opts.no_pin and hasattr(os, "sched_setaffinity"):
        pinned = max(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {pinned})
    import fxload
    lib = c_versions(c_library(build))
    modules: dict = {}
    rows = []
    for name, (file, fn, args, quick_args, kind) in PROGRAMS.items():
        if opts.only and name not in opts.only:
            continue
        args = quick_args if opts.quick else args
        path = HERE / file
        impls: dict = {}
        notes: list[str] = []
        if file not in modules:
            log(f"compiling {file}")
            t0 = time.perf_counter()
            try:
                compiled = fxload.compiled(str(path))
                error = None
            except Exception as e:    # noqa: BLE001 - reported in the table
                compiled, error = None, str(e).splitlines()[1] if len(str(e).splitlines()) > 1 else str(e)
            modules[file] = (compiled, fxload.interpreted(str(path)), error, time.perf_counter() - t0, None)
        compiled, interpreted, error, compile_s, _ = modules[file]
        impls["CPython"] = quiet(getattr(interpreted, fn))
        if compiled is not None:
            impls["fastext"] = quiet(getattr(compiled, fn))
        else:
            notes.append(f"fastext: does not compile ({error.strip()})")
        try:
            numba_ns = modules.setdefault(("numba", file), numba_module(path))
            candidate = quiet(numba_ns[fn])
            candidate(*quick_args)
            impls["Numba"] = candidate
        except Exception as e:    # noqa: BLE001 - reported in the table
            notes.append(f"Numba: `numba.njit` of the same source fails ({type(e).__name__})")
        if name in lib:
            impls["C"] = quiet(lib[name])
        reference = impls["CPython"](*args)
        for impl, f in list(impls.items()):
            if impl == "CPython":
                continue
            got = f(*args)
            if impl == "C":
                continue        # results only, checked by eye in the table's notes: its own RNG
            if not agrees(kind, got[0], reference[0]) or kind == "exact" and got[1] != reference[1]:
                notes.append(f"{impl}: result differs from CPython's; left out")
                del impls[impl]
        log(f"timing {name}: {', '.join(impls)}")
        stats = time_kernels({k: (v, args) for k, v in impls.items()}, rounds,
                             max_samples={"CPython": min(rounds, 3)})
        rows.append((name, args, {k: s.median for k, s in stats.items()}, notes))
    write(opts, rows, machine_info(pinned, load_start), rounds, build)
    return 0


def write(opts, rows, machine, rounds, build) -> None:
    out = build / "RESULTS-quick.md" if opts.quick else build / "RESULTS-partial.md" if opts.only else HERE / "RESULTS.md"
    lines = [
        "# Plain-Python programs (issue 12): fastext vs CPython, Numba and C",
        "",
        "Generated by `python benchmarks/programs/run.py`" + (" --quick" if opts.quick else "") + ". "
        f"Medians of {rounds} rounds (CPython: at most 3), one call per sample, implementations interleaved in "
        "shuffled order, pinned to one core.",
        "",
        f"Machine: {machine.get('cpu')}; {machine.get('python', sys.version.split()[0])}; load {machine.get('load')}.",
        "",
        "| program | arguments | CPython | fastext | × CPython | Numba (same source) | C (gcc -O3) | fastext / C |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    notes_all = []
    for name, args, t, notes in rows:
        def ms(k):
            return f"{t[k] / 1e6:.2f} ms" if k in t else "—"
        speed = f"{t['CPython'] / t['fastext']:.0f}×" if "fastext" in t else "—"
        vs_c = f"{t['fastext'] / t['C']:.2f}" if "fastext" in t and "C" in t else "—"
        shown = ', '.join(f'a str of {len(a)}' if isinstance(a, str) else str(a) for a in args)
        lines.append(f"| {name} | {shown} | {ms('CPython')} | {ms('fastext')} | {speed} | "
                     f"{ms('Numba')} | {ms('C')} | {vs_c} |")
        notes_all += [f"- {name}: {n}" for n in notes]
    lines += ["", "Notes:", ""] + (notes_all or ["- none"]) + [""]
    out.write_text("\n".join(lines))
    log(f"wrote {out}")


if __name__ == "__main__":
    sys.exit(main())
