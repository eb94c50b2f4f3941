"""The "written differently" table: each kernel of the suite in 2-3 natural spellings.

Compiles `kernels.fx` twice (default options, bounds checks on; and `boundscheck=False`),
builds `kernels.c` with `gcc -O3 -march=native -ffp-contract=off` (called through ctypes,
whose own cost per call is measured on a do-nothing function and subtracted), checks that every
spelling returns exactly what C returns, then times each one (pinned to
one CPU with `taskset` when available; fastest of the repeats) and writes RESULTS.md: time per spelling, the
spread between a kernel's spellings (target within 10 %), the cost of bounds checks
(default ÷ unchecked, target within 5 %) and the ratio to C (target >= 0.95x C speed).
Runs in well under two minutes.

    python benchmarks/spellings/run.py [--quick] [--output FILE] [--no-pin]
"""
from __future__ import annotations

import argparse
import ctypes
import importlib.util
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
BUILD = HERE.parent / "_build" / "spellings"
D, I = ctypes.c_double, ctypes.c_int64
P = ctypes.c_void_p


def _fastext(boundscheck: bool, tag: str):
    """kernels.fx compiled with the given bounds checking, loaded from _build/."""
    from fastext.compiler.driver import compile_file
    from fastext.compiler.link import link_shared
    from fastext.config import Options
    art = compile_file(str(HERE / "kernels.fx"), "kernels", Options(boundscheck=boundscheck))
    so = BUILD / f"kernels_{tag}.so"
    link_shared(art.object_code, str(so))
    spec = importlib.util.spec_from_file_location("kernels", so)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _c():
    so = BUILD / "kernels_c.so"
    subprocess.run(["gcc", "-O3", "-march=native", "-ffp-contract=off", "-shared", "-fPIC",
                    "-o", str(so), str(HERE / "kernels.c"), "-lm"], check=True)
    lib = ctypes.CDLL(str(so))
    for name, res, args in [("sum", D, [P, I]), ("dot", D, [P, P, I]), ("axpy", None, [D, P, P, I]),
                            ("pairwise", None, [P, P, I]), ("mandel", I, [P, I, I, I]),
                            ("repeat", None, [P, P, I, I]), ("stencil", None, [P, P, I]), ("l2", D, [P, I])]:
        fn = getattr(lib, name)
        fn.restype, fn.argtypes = res, args
        # the same call into a function that does nothing: what ctypes adds to the kernel's time
        setattr(lib, "nop_" + name, ctypes.CFUNCTYPE(res, *args)(ctypes.cast(lib.nop, P).value))
    return lib


class _Nop:
    """`lib` with each kernel replaced by the do-nothing function of the same signature."""

    def __init__(self, lib):
        self.lib = lib

    def __getattr__(self, name: str):
        return getattr(self.lib, "nop_" + name)


def _ptr(a: np.ndarray) -> int:
    return a.ctypes.data


def cases(quick: bool):
    """(kernel, fresh-inputs factory, {spelling: call(mod, inputs)}, C call(lib, inputs), result(inputs, value))."""
    n = 20_000 if quick else 100_000
    rng = np.random.default_rng(1)
    a, b = rng.random(n), rng.random(n)
    pts = rng.random((60 if quick else 300, 3))
    m_rep, n_rep = (4_000 if quick else 20_000), 8
    h, w, it = (40, 60, 50) if quick else (100, 150, 100)
    first = lambda inp, v: v                                      # noqa: E731
    return [
        ("sum", lambda: [a], {"range(len(a))": lambda k, i: k.sum_len(i[0]), "range(n)": lambda k, i: k.sum_n(i[0], n),
                              "for v in a": lambda k, i: k.sum_iter(i[0])},
         lambda c, i: c.sum(_ptr(i[0]), n), first),
        ("dot", lambda: [a, b], {"range(len(x))": lambda k, i: k.dot_len(*i), "range(n)": lambda k, i: k.dot_n(*i, n),
                                 "helper _mul": lambda k, i: k.dot_helper(*i)},
         lambda c, i: c.dot(_ptr(i[0]), _ptr(i[1]), n), first),
        ("axpy", lambda: [a, b.copy()], {"range(len(x))": lambda k, i: k.axpy_len(1.5, *i),
                                         "range(n)": lambda k, i: k.axpy_n(1.5, *i, n),
                                         "helper _axpy1": lambda k, i: k.axpy_helper(1.5, *i)},
         lambda c, i: c.axpy(1.5, _ptr(i[0]), _ptr(i[1]), n), lambda inp, v: inp[1].sum()),
        ("pairwise", lambda: [pts, np.empty((len(pts), len(pts)))],
         {"t*t, shape[0]": lambda k, i: k.pairwise_mul(*i), "(..)**2, n": lambda k, i: k.pairwise_pow(*i, len(pts)),
          "helper _dist": lambda k, i: k.pairwise_helper(*i)},
         lambda c, i: c.pairwise(_ptr(i[0]), _ptr(i[1]), len(pts)), lambda inp, v: inp[1].sum()),
        ("mandel", lambda: [np.empty((h, w), dtype=np.int64)],
         {"inline": lambda k, i: k.mandel_inline(i[0], it), "helper _escape": lambda k, i: k.mandel_helper(i[0], it)},
         lambda c, i: c.mandel(_ptr(i[0]), h, w, it), first),
        ("repeat", lambda: [a[:m_rep], np.empty(m_rep * n_rep)],
         {"y[i*n + r]": lambda k, i: k.repeat_index(*i, n_rep), "y[a + i*n + r]": lambda k, i: k.repeat_offset(*i, 0, n_rep),
          "y[k]; k += 1": lambda k, i: k.repeat_counter(*i, n_rep)},
         lambda c, i: c.repeat(_ptr(i[0]), _ptr(i[1]), m_rep, n_rep), lambda inp, v: inp[1].sum()),
        ("stencil", lambda: [a, np.zeros(n)], {"range(1, len(a)-1)": lambda k, i: k.stencil_len(*i),
                                               "range(1, n-1)": lambda k, i: k.stencil_n(*i, n),
                                               "helper _avg3": lambda k, i: k.stencil_helper(*i)},
         lambda c, i: c.stencil(_ptr(i[0]), _ptr(i[1]), n), lambda inp, v: inp[1].sum()),
        ("l2 norm", lambda: [a], {"a[i]*a[i]": lambda k, i: k.l2_mul(i[0]), "a[i]**2": lambda k, i: k.l2_pow(i[0]),
                                  "for v in a": lambda k, i: k.l2_iter(i[0])},
         lambda c, i: c.l2(_ptr(i[0]), n), first),
    ]


def _time(call, inputs, rounds: int) -> float:
    """Seconds per call: the fastest of `rounds` samples (on a shared machine noise only ever
    adds time), each sample repeating the call to last at least ~2 ms."""
    call(inputs)
    t0 = time.perf_counter()
    call(inputs)
    reps = max(1, int(0.002 / max(time.perf_counter() - t0, 1e-7)))
    samples = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        for _ in range(reps):
            call(inputs)
        samples.append((time.perf_counter() - t0) / reps)
    return min(samples)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="small inputs, few rounds (smoke run)")
    ap.add_argument("--output", type=Path, help="Markdown report (default: RESULTS.md; _build/ with --quick)")
    ap.add_argument("--no-pin", action="store_true", help="do not pin to one CPU with taskset")
    args = ap.parse_args()
    if not args.no_pin and shutil.which("taskset") and not os.environ.get("FX_SPELLINGS_PINNED"):
        os.environ["FX_SPELLINGS_PINNED"] = "1"
        cpu = str(max(os.sched_getaffinity(0)))
        os.execvp("taskset", ["taskset", "-c", cpu, sys.executable, *sys.argv])
    BUILD.mkdir(parents=True, exist_ok=True)
    checked, unchecked, lib = _fastext(True, "checked"), _fastext(False, "unchecked"), _c()
    rounds = 5 if args.quick else 15
    rows, bad = [], []
    for kernel, make, spellings, c_call, result in cases(args.quick):
        inp = make()
        want = result(inp, c_call(lib, inp))
        # every implementation is timed on the same buffers: a fresh copy per implementation
        # lands at another offset from the other arrays, and 4 KiB aliasing between a load and
        # a store stream alone moved axpy by 15 % from one copy to the next
        timed = make()
        overhead = _time(lambda i: c_call(_Nop(lib), i), timed, rounds)
        c_t = max(_time(lambda i: c_call(lib, i), timed, rounds) - overhead, 1e-9)
        times = {}
        for spelling, call in spellings.items():
            for tag, mod in (("default", checked), ("unchecked", unchecked)):
                inp = make()
                got = result(inp, call(mod, inp))
                if got != want:
                    bad.append(f"{kernel} / {spelling} ({tag}): {got!r} != C's {want!r}")
                times[spelling, tag] = _time(lambda i: call(mod, i), timed, rounds)
        rows.append((kernel, spellings, times, c_t))
    text = report(rows, args.quick)
    out = args.output or (BUILD / "RESULTS-quick.md" if args.quick else HERE / "RESULTS.md")
    out.write_text(text)
    print(text)
    for line in bad:
        print("WRONG RESULT:", line, file=sys.stderr)
    return 1 if bad else 0


def report(rows, quick: bool) -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    lines = [
        "# Kernels written differently" + (" (quick run: indicative only)" if quick else ""), "",
        f"Machine: {cpu}, Python {platform.python_version()}, NumPy {np.__version__}; "
        f"{'pinned to one CPU' if os.environ.get('FX_SPELLINGS_PINNED') else 'not pinned'}. "
        "Regenerate with `python benchmarks/spellings/run.py`.", "",
        "Times are per call, the fastest of the repeats. *checks* = default build ÷ `boundscheck=False` build (target ≤ 1.05); "
        "*vs C* = C time ÷ fastext time (target ≥ 0.95); *spread* = slowest ÷ fastest spelling of the "
        "kernel in the default build (target ≤ 1.10).", "",
        "| kernel | spelling | default (µs) | unchecked (µs) | checks | C (µs) | vs C | spread |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for kernel, spellings, times, c_t in rows:
        default = [times[s, "default"] for s in spellings]
        spread = max(default) / min(default)
        for k, s in enumerate(spellings):
            d, u = times[s, "default"], times[s, "unchecked"]
            lines.append(f"| {kernel if k == 0 else ''} | `{s}` | {d * 1e6:.1f} | {u * 1e6:.1f} | {d / u:.2f} | "
                         f"{c_t * 1e6:.1f} | {c_t / d:.2f} | {f'{spread:.2f}' if k == 0 else ''} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
