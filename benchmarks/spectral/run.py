"""Spectral norm in every spelling (benchmarks/spectral/spellings.fx) against the same C.

    python benchmarks/spectral/run.py [--n 1000] [--repeat 7] [--write]

Compiles spellings.fx with fastext and spectral.c with `gcc -O3 -march=native` (no
fast-math, same operation order) on the spot, checks every spelling's result against
plain Python's at a small n (bit for bit) and against C's, then times each (median of
`--repeat` runs, one call each).  `--write` rewrites RESULTS.md next to this file.
"""
from __future__ import annotations

import argparse
import ctypes
import importlib.util
import os
import platform
import statistics
import subprocess
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
FX = os.path.join(HERE, "spellings.fx")
C = os.path.join(HERE, "spectral.c")
SPELLINGS = ("inline", "helper", "lists")


def _compiled(tmp: str):
    from fastext.compiler.driver import compile_file
    from fastext.compiler.link import link_shared
    so = os.path.join(tmp, "spellings.so")
    link_shared(compile_file(FX, "spellings").object_code, so)
    spec = importlib.util.spec_from_file_location("spellings", so)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _c(tmp: str):
    so = os.path.join(tmp, "spectral_c.so")
    subprocess.run(["gcc", "-O3", "-march=native", "-shared", "-fPIC", C, "-o", so, "-lm"], check=True)
    lib = ctypes.CDLL(so)
    lib.spectral.restype = ctypes.c_double
    lib.spectral.argtypes = [ctypes.c_long]
    return lib.spectral


def _median(f, n: int, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        f(n)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--write", action="store_true", help="rewrite RESULTS.md")
    args = ap.parse_args()
    from fastext.importer.interpreted import load
    with tempfile.TemporaryDirectory() as tmp:
        fx, c = _compiled(tmp), _c(tmp)
        py = load(FX, "spellings_py")
        for name in SPELLINGS:
            for n in (1, 9, 23):
                assert getattr(fx, name)(n) == getattr(py, name)(n), (name, n)
            assert getattr(fx, name)(args.n) == c(args.n), name
        t_c = _median(c, args.n, args.repeat)
        rows = [(name, _median(getattr(fx, name), args.n, args.repeat)) for name in SPELLINGS]
    lines = [f"# Spectral norm, every spelling (n = {args.n})", "",
             f"`python benchmarks/spectral/run.py --n {args.n} --write`; {platform.machine()}, "
             f"{platform.python_version()}; median of {args.repeat} runs; C is `gcc -O3 -march=native` "
             "(no fast-math) of spectral.c. Every spelling's result equals plain Python's (n = 1, 9, 23) "
             "and C's bit for bit.", "",
             "| spelling | fastext (ms) | C (ms) | fastext / C |", "|---|---:|---:|---:|"]
    for name, t in rows:
        lines.append(f"| {name} | {t * 1e3:.2f} | {t_c * 1e3:.2f} | {t / t_c:.2f}x |")
    text = "\n".join(lines) + "\n"
    print(text)
    if args.write:
        with open(os.path.join(HERE, "RESULTS.md"), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
