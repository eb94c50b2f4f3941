#!/usr/bin/env python3
"""The issue-3 benchmark suite: suite.fx vs plain Python, NumPy, Numba and hand-written C.

    python benchmarks/run_suite.py            # full run (~3-4 min on 2 cores), writes benchmarks/SUITE.md
    python benchmarks/run_suite.py --quick    # smoke run (small sizes), writes benchmarks/_build/SUITE-quick.md

Order of work: build c_ext/suite_c.c (gcc -O3 -march=native -ffp-contract=off), load
every implementation, check every result against plain Python (exit 1 on a mismatch,
before any timing), then time all implementations interleaved (fxbench.timing), pinned
to one core with taskset, and write the Markdown table.  See SUITE.md and
docs/performance.md for the results and what they mean.
"""
from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import time
import types
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from fxbench import impls as fximpls  # noqa: E402
from fxbench.machine import machine_info, machine_line  # noqa: E402
from fxbench.timing import Stats, paired, time_kernels  # noqa: E402
from fxbench.report import fmt_stats  # noqa: E402
from fxbench import parallel  # noqa: E402

BUILD = HERE / "_build"
SUITE_FX = HERE / "suite.fx"
C_SOURCE = HERE / "c_ext" / "suite_c.c"
C_MODULE = "suite_c"
OUTPUT = HERE / "SUITE.md"
QUICK_OUTPUT = BUILD / "SUITE-quick.md"
IMPLS = ("python", "numpy", "numba", "c", "fastext", "fastext_nobc")
NAMES = {"python": "plain Python", "numpy": "NumPy", "numba": "Numba @njit", "c": "C ext",
         "fastext": "fastext", "fastext_nobc": "fastext, bounds checks off"}
KERNELS = ("sum_seq", "sum_fastmath", "dot", "axpy", "mandelbrot", "nbody", "spectral_norm",
           "stencil", "histogram", "fib", "count_byte")


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# ----------------------------------------------------------------------------- inputs

def vec(n: int, seed: int) -> np.ndarray:
    return np.random.default_rng(seed).random(n) + 0.5


def bodies() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The benchmarks-game solar system (Sun, Jupiter, Saturn, Uranus, Neptune), momentum offset."""
    pi = 3.141592653589793
    solar_mass = 4 * pi * pi
    dpy = 365.24
    pos = np.array([[0.0, 0.0, 0.0],
                    [4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01],
                    [8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01],
                    [1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01],
                    [1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01]])
    vel = np.array([[0.0, 0.0, 0.0],
                    [1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05],
                    [-2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05],
                    [2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05],
                    [2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05]]) * dpy
    mass = np.array([1.0, 9.54791938424326609e-04, 2.85885980666130812e-04,
                     4.36624404335156298e-05, 5.15138377768225229e-05]) * solar_mass
    vel[0] = -(vel[1:] * mass[1:, None]).sum(axis=0) / solar_mass
    return pos, vel, mass


def grid(n: int) -> tuple[np.ndarray, np.ndarray]:
    a = np.random.default_rng(11).random((n, n))
    return a, a.copy()


_BYTES: dict[int, bytes] = {}


def byte_buffer(n: int) -> bytes:
    if n not in _BYTES:
        _BYTES[n] = np.random.default_rng(13).integers(0, 256, n, dtype=np.uint8).tobytes()
    return _BYTES[n]


@dataclass
class Bench:
    key: str
    title: str                       # {n} is the size
    kernel: str
    size: int                        # full size (what Numba, C and fastext run)
    py_size: int                     # size of the plain-Python run
    scale: Callable[[int, int], float]  # work(full) / work(py_size)
    make: Callable[[int], tuple]     # size -> fresh arguments
    tolerance: str = "exact"         # or "sum": n * eps * sum(|x|) (another summation order)
    numpy: Callable | None = None
    quick_size: int = 0
    notes: str = ""


def _np_axpy(a, x, y):
    y += a * x


def _np_stencil(a, b, sweeps):
    for _ in range(sweeps):
        b[1:-1, 1:-1] = 0.25 * (a[:-2, 1:-1] + a[2:, 1:-1] + a[1:-1, :-2] + a[1:-1, 2:])
        a[1:-1, 1:-1] = 0.25 * (b[:-2, 1:-1] + b[2:, 1:-1] + b[1:-1, :-2] + b[1:-1, 2:])


def _np_count(buf, value):
    return int(np.count_nonzero(np.frombuffer(buf, np.uint8) == value))


lin = lambda full, small: full / small           # noqa: E731
sq = lambda full, small: (full / small) ** 2      # noqa: E731
inner2 = lambda full, small: ((full - 2) / (small - 2)) ** 2  # noqa: E731

M = 10_000_000
BENCHES = [
    Bench("sum", "sum, {n:,} float64 (sequential order)", "sum_seq", M, 500_000, lin,
          lambda n: (vec(n, 1),), numpy=np.sum, tolerance="exact", quick_size=200_000),
    Bench("sum_fm", "sum with `@fastmath`, {n:,} float64", "sum_fastmath", M, 500_000, lin,
          lambda n: (vec(n, 1),), numpy=np.sum, tolerance="sum", quick_size=200_000),
    Bench("dot", "dot, {n:,} float64", "dot", M, 500_000, lin,
          lambda n: (vec(n, 1), vec(n, 2)), numpy=np.dot, tolerance="exact", quick_size=200_000),
    Bench("axpy", "axpy `y += a*x`, {n:,} float64", "axpy", M, 500_000, lin,
          lambda n: (1e-3, vec(n, 3), vec(n, 4)), numpy=_np_axpy, quick_size=200_000),
    Bench("mandel", "mandelbrot, `complex`, {n}×{n}, 256 iterations", "mandelbrot", 512, 64, sq,
          lambda n: (np.zeros((n, n), np.int32), -2.0, 0.5, -1.25, 1.25, 256), quick_size=128,
          notes="plain Python on 64×64 of the same region, scaled by the pixel count"),
    Bench("nbody", "n-body, 5 bodies, {n:,} steps", "nbody", 200_000, 2_000, lin,
          lambda n: (*bodies(), n, 0.01), quick_size=20_000),
    Bench("spectral", "spectral norm, n = {n}", "spectral_norm", 1000, 100, sq,
          lambda n: (np.empty(n), np.empty(n), np.empty(n)), quick_size=200),
    Bench("stencil", "5-point stencil, {n}×{n}, 2×2 sweeps", "stencil", 2048, 130, inner2,
          lambda n: (*grid(n), 2), numpy=_np_stencil, quick_size=514),
    Bench("hist", "histogram, {n:,} float64 → 1000 bins", "histogram", M, 200_000, lin,
          lambda n: (vec(n, 5) - 0.5, 0.0, 1.0, np.zeros(1000, np.int64)), quick_size=200_000),
    Bench("fib", "fib({n}), naive recursion", "fib", 30, 24, lambda full, small: _fib_calls(full) / _fib_calls(small),
          lambda n: (n,), quick_size=25),
    Bench("bytes", "count a byte value in {n:,} bytes (`bytes`)", "count_byte", 100_000_000, 1_000_000, lin,
          lambda n: (byte_buffer(n), 10), numpy=_np_count, quick_size=2_000_000),
]


def _fib_calls(n: int) -> int:
    a, b = 1, 1              # calls(n) = calls(n-1) + calls(n-2) + 1, calls(0) = calls(1) = 1
    for _ in range(n - 1):
        a, b = b, a + b + 1
    return b if n >= 1 else 1


# ----------------------------------------------------------------------------- implementations

@dataclass
class Impl:
    name: str
    funcs: dict = field(default_factory=dict)
    error: str | None = None
    note: str = ""


def build_c() -> tuple[Path | None, str]:
    BUILD.mkdir(exist_ok=True)
    out = BUILD / (C_MODULE + sysconfig.get_config_var("EXT_SUFFIX"))
    out.unlink(missing_ok=True)
    if shutil.which("gcc") is None:
        return None, "gcc not found"
    tmp = out.with_suffix(f".{os.getpid()}.tmp")
    cmd = ["gcc", "-O3", "-march=native", "-ffp-contract=off", "-shared", "-fPIC",
           f"-I{sysconfig.get_paths()['include']}", str(C_SOURCE), "-o", str(tmp)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        return None, f"gcc failed: {proc.stderr.strip()[:2000]}"
    os.replace(tmp, out)
    return BUILD, " ".join(cmd[:6] + ["-I<python include>", C_SOURCE.name])


def plain_module(name: str) -> types.ModuleType:
    """suite.fx run by CPython, as a real module (Numba resolves recursive calls through it)."""
    fximpls.ensure_fastext_importable()
    mod = types.ModuleType(name)
    mod.__file__ = str(SUITE_FX)
    sys.modules[name] = mod
    exec(compile(SUITE_FX.read_text(), str(SUITE_FX), "exec"), mod.__dict__)
    return mod


def load_python() -> Impl:
    mod = plain_module("suite_plain")
    return Impl("python", {k: getattr(mod, k) for k in KERNELS})


def load_numba() -> Impl:
    try:
        import numba
    except Exception as exc:  # noqa: BLE001
        return Impl("numba", error=f"numba not importable: {exc}")
    mod = plain_module("suite_numba")
    par, par_error = parallel.numba_parallel(plain_module("suite_numba_parallel"))
    for k, v in list(vars(mod).items()):
        if isinstance(v, types.FunctionType) and v.__module__ == "suite_numba":
            fm = k == "sum_fastmath"                   # @fastmath in suite.fx
            setattr(mod, k, numba.njit(fastmath=fm)(v))
    funcs = {k: getattr(mod, k) for k in KERNELS}
    funcs.update(par)
    # count_byte: Numba takes `bytes` too (a read-only Bytes buffer), so it gets the same object.
    note = f"numba {numba.__version__} (fastmath=True on sum_fastmath only; parallel=True with prange = " \
           f"numba.prange on the `prange` kernels{': ' + par_error if par_error else ''})"
    return Impl("numba", funcs, note=note)


def load_c(build_dir: Path | None, msg: str) -> Impl:
    if build_dir is None:
        return Impl("c", error=msg)
    mod, error = fximpls.import_built(build_dir, C_MODULE)
    if mod is None:
        return Impl("c", error=error)
    return Impl("c", {k: getattr(mod, k) for k in KERNELS}, note=msg)


def load_fastext() -> Impl:
    err = fximpls.ensure_fastext_importable()
    if err:
        return Impl("fastext", error=err)
    sys.path.insert(0, str(HERE))
    try:
        mod = importlib.import_module("suite")
    except Exception as exc:  # noqa: BLE001
        return Impl("fastext", error=f"import suite failed: {type(exc).__name__}: {str(exc)[:1500]}")
    finally:
        sys.path.remove(str(HERE))
    funcs = {k: getattr(mod, k) for k in (*KERNELS, *parallel.KERNELS, "prange_tiny")}
    if not all(fximpls.is_compiled(f) for f in funcs.values()):
        return Impl("fastext", error="suite imported but not compiled")
    return Impl("fastext", funcs, note="default options (O3, host CPU, bounds checks on)")


def load_fastext_nobc() -> Impl:
    """The same suite.fx built with `fastext build --no-boundscheck`, loaded as a second module."""
    out_dir = BUILD / "suite_nobc"
    out_dir.mkdir(parents=True, exist_ok=True)
    so = out_dir / ("suite" + sysconfig.get_config_var("EXT_SUFFIX"))
    cmd = [sys.executable, "-m", "fastext.cli", "build", "--no-boundscheck", str(SUITE_FX), "-o", str(so)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        return Impl("fastext_nobc", error=f"fastext build --no-boundscheck failed: {proc.stderr[-1500:]}")
    try:
        spec = importlib.util.spec_from_file_location("suite", so)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
    except Exception as exc:  # noqa: BLE001
        return Impl("fastext_nobc", error=f"loading {so.name} failed: {exc}")
    return Impl("fastext_nobc", {k: getattr(mod, k) for k in KERNELS},
                note="`fastext build --no-boundscheck benchmarks/suite.fx` (information: not the default)")


def load_numpy() -> Impl:
    return Impl("numpy", {b.kernel: b.numpy for b in BENCHES if b.numpy is not None})


def load_all() -> tuple[dict[str, Impl], str]:
    build_dir, msg = build_c()
    return {"python": load_python(), "numpy": load_numpy(), "numba": load_numba(), "c": load_c(build_dir, msg),
            "fastext": load_fastext(), "fastext_nobc": load_fastext_nobc()}, msg


# ----------------------------------------------------------------------------- correctness

def fresh(args: tuple) -> tuple:
    return tuple(a.copy() if isinstance(a, np.ndarray) else a for a in args)


def observe(f, args: tuple) -> list:
    """What a call produces: its result and the final state of every array argument."""
    args = fresh(args)
    ret = f(*args)
    return [ret] + [a for a in args if isinstance(a, np.ndarray)]


def same(exp, got, tol: float) -> str:
    if isinstance(exp, np.ndarray):
        if not isinstance(got, np.ndarray) or exp.shape != got.shape:
            return "shape differs"
        if np.array_equal(exp, got, equal_nan=True):
            return "exact"
        d = float(np.max(np.abs(exp - got)))
        return "close" if d <= tol else f"max difference {d:g}"
    if exp is None:
        return "exact" if got is None else f"expected None, got {got!r}"
    if isinstance(exp, np.generic):       # plain Python on NumPy arrays computes in NumPy scalars
        exp = exp.item()
    if isinstance(got, np.generic):
        got = got.item()
    if type(got) is not type(exp):
        return f"expected {type(exp).__name__}, got {type(got).__name__}"
    if got == exp:
        return "exact"
    return "close" if abs(got - exp) <= tol else f"expected {exp!r}, got {got!r}"


def check(loaded: dict[str, Impl], quick: bool) -> list[dict]:
    """Every implementation against plain Python, on the plain-Python size of every kernel
    (plus a strided view / bytearray variant where the parameter kind allows)."""
    results = []
    oracle = loaded["python"].funcs
    for b in BENCHES:
        base = b.make(b.py_size if not quick else min(b.py_size, b.quick_size))
        variants = [("plain-Python size", base)]
        if b.kernel in ("sum_seq", "sum_fastmath", "dot"):
            variants.append(("strided views [::3]", tuple(a[::3] for a in base)))
        if b.kernel == "count_byte":
            variants.append(("bytearray", (bytearray(base[0][:100_000]), base[1])))
        for label, args in variants:
            expected = observe(oracle[b.kernel], args)
            x = args[0]
            tol = (len(x) * 2.3e-16 * float(np.abs(x).sum())) if b.tolerance == "sum" or b.kernel in ("sum_seq", "dot") else 0.0
            for name, impl in loaded.items():
                if name == "python" or impl.error or b.kernel not in impl.funcs:
                    continue
                if name == "numpy" and label != "plain-Python size":
                    continue
                try:
                    got = observe(impl.funcs[b.kernel], args)
                    outs = [same(e, g, tol if (name == "numpy" or b.tolerance == "sum") else 0.0)
                            for e, g in zip(expected, got)]
                    bad = [o for o in outs if o not in ("exact", "close")]
                    outcome = bad[0] if bad else ("close" if "close" in outs else "exact")
                except Exception as exc:  # noqa: BLE001
                    outcome = f"raised {type(exc).__name__}: {exc}"
                results.append({"impl": name, "bench": b.key, "label": label, "outcome": outcome})
    return results


# ----------------------------------------------------------------------------- timing

def run_timings(loaded: dict[str, Impl], quick: bool) -> dict:
    rounds = 5 if quick else 30
    out = {}
    for b in BENCHES:
        n = b.quick_size if quick else b.size
        pn = min(b.py_size, n)
        shared = b.make(n)
        cases, missing = {}, {}
        for name in IMPLS:
            impl = loaded[name]
            if impl.error:
                missing[name] = impl.error
            elif b.kernel not in impl.funcs:
                missing[name] = "not applicable"
            elif name == "python":
                cases[name] = (impl.funcs[b.kernel], fresh(b.make(pn)))
            else:
                cases[name] = (impl.funcs[b.kernel], fresh(shared))
        py_samples = 2 if quick else 3
        log(f"  timing {b.key} (n={n:,}; plain Python n={pn:,}): {', '.join(cases)}")
        t0 = time.perf_counter()
        stats = time_kernels(cases, rounds, max_samples={"python": py_samples})
        scale = b.scale(n, pn)
        if "python" in stats:
            s = stats["python"]
            stats["python"] = Stats.of([v * scale for v in s.values])
        out[b.key] = {"title": b.title.format(n=n), "kernel": b.kernel, "n": n, "py_n": pn, "py_scale": scale,
                      "stats": {k: v.as_dict() for k, v in stats.items()}, "missing": missing,
                      "notes": b.notes, "seconds": time.perf_counter() - t0}
        del cases, shared
    return out


# ----------------------------------------------------------------------------- report

def ratio(base: dict | None, fx: dict | None):
    """Speed of fastext relative to `base`: median of per-round base_time / fastext_time."""
    if not base or not fx:
        return None
    return paired(base["values"], fx["values"], lambda a, b: a / b)


def fmt_ratio(q) -> str:
    if q is None:
        return "n/a"
    med, q1, q3 = q
    return f"{med:.3f}× ±{(q3 - q1) / 2:.3f}" if med < 10 else f"{med:,.0f}×"


def verdict(q, limit: float) -> str:
    if q is None:
        return "n/a"
    return "yes" if q[0] >= limit else "**NO**"


def render(res: dict) -> str:
    quick = res["mode"] == "quick"
    lines = [f"# fastext issue-3 benchmark suite{' (quick smoke run: sizes reduced)' if quick else ''}", "",
             f"Machine: {machine_line(res['machine'])}", "",
             f"Generated by `{res['machine']['argv']}` in {res['elapsed_s']:.0f} s. One call per sample; "
             "every implementation sampled in every round in shuffled order (plain Python: "
             f"{'2' if quick else '3'} samples); medians, ± is half the interquartile range. "
             "A speed ratio is the median of the per-round ratios base time ÷ fastext time "
             "(above 1: fastext is faster). Sources: [suite.fx](suite.fx) (fastext, plain Python "
             "and Numba), [c_ext/suite_c.c](c_ext/suite_c.c) (C). Why targets are missed and what "
             "would close them: [docs/performance.md](../docs/performance.md).", ""]
    errs = [f"- {NAMES[n]}: n/a — {s['error']}" for n, s in res["impl_status"].items() if s["error"]]
    if errs:
        lines += ["Implementations not measured:", ""] + errs + [""]
    cols = [n for n in IMPLS]
    lines += ["## Time per call", "",
              "| kernel | " + " | ".join(NAMES[c] + (" (scaled †)" if c == "python" else "") for c in cols) + " |",
              "|---|" + "---:|" * len(cols)]
    for key, b in res["benches"].items():
        cells = []
        for c in cols:
            if c in b["stats"]:
                cells.append(fmt_stats(b["stats"][c]))
            else:
                cells.append("—" if b["missing"].get(c) == "not applicable" else "n/a")
        lines.append(f"| {b['title']} | " + " | ".join(cells) + " |")
    lines += ["", "† plain Python runs a reduced size and its time is scaled by the ratio of work "
              "(listed below); the other columns run the full size.", ""]

    lines += ["## fastext against the targets", "",
              "| kernel | fastext speed ÷ C | ≥ 0.95× C | fastext speed ÷ Numba | ≥ 1.0× Numba "
              "| speed-up over plain Python † | over NumPy | bounds checks off: speed ÷ C |",
              "|---|---:|:---:|---:|:---:|---:|---:|---:|"]
    missed = []
    for key, b in res["benches"].items():
        st = b["stats"]
        fx = st.get("fastext")
        rc, rn = ratio(st.get("c"), fx), ratio(st.get("numba"), fx)
        rp, rnp = ratio(st.get("python"), fx), ratio(st.get("numpy"), fx)
        rnobc = ratio(st.get("c"), st.get("fastext_nobc"))
        vc, vn = verdict(rc, 0.95), verdict(rn, 1.0)
        if "NO" in vc:
            missed.append(f"{b['title']}: {rc[0]:.2f}× C")
        if "NO" in vn:
            missed.append(f"{b['title']}: {rn[0]:.2f}× Numba")
        np_cell = fmt_ratio(rnp) if "numpy" in st else "—"
        lines.append(f"| {b['title']} | {fmt_ratio(rc)} | {vc} | {fmt_ratio(rn)} | {vn} | {fmt_ratio(rp)} "
                     f"| {np_cell} | {fmt_ratio(rnobc)} |")
    lines += [""]
    lines += parallel.render(res.get("parallel"), res.get("parallel_cpus", ""))
    missed += parallel.missed(res.get("parallel"))
    if missed:
        lines += ["**Targets missed** (a ratio within a few percent of its line is noise on this shared "
                  "machine, see README.md): " + "; ".join(missed) + ". Why, and what would close each: "
                  "[docs/performance.md](../docs/performance.md).", ""]
    lines += ["## Sizes of the plain-Python runs †", "",
              "| kernel | full size | plain-Python size | scale factor |", "|---|---:|---:|---:|"]
    for key, b in res["benches"].items():
        note = f" ({b['notes']})" if b["notes"] else ""
        lines.append(f"| {b['title']} | {b['n']:,} | {b['py_n']:,}{note} | ×{b['py_scale']:,.1f} |")
    lines += ["", "fib: scaled by the number of calls (fib(30): 2,692,537 calls). n-body, sum, dot, axpy, "
              "histogram, bytes: linear in the size. Spectral norm: n². Stencil: interior points. "
              "Mandelbrot: pixels (the same region sampled more coarsely; the iteration count per "
              "pixel is statistically the same, so the scaling is approximate).", ""]

    lines += ["## Correctness (checked before any timing, against plain Python)", ""]
    by = {}
    for c in res["checks"]:
        o = c["outcome"] if c["outcome"] in ("exact", "close") else "FAILED"
        by.setdefault(c["impl"], {}).setdefault(o, 0)
        by[c["impl"]][o] += 1
    for n in [*IMPLS, *sorted(set(by) - set(IMPLS))]:      # then the prange rows' implementations
        if n in by:
            lines.append(f"- {NAMES.get(n, n)}: " + ", ".join(f"{v} {k}" for k, v in sorted(by[n].items())))
    closes = sorted({f"{NAMES.get(c['impl'], c['impl'])} `{c['bench']}`" for c in res["checks"]
                     if c["outcome"] == "close"})
    lines += ["", "\"exact\": every output (return value and every array written) bit-identical to "
              "plain Python's; \"close\": within n · 2.3e-16 · Σ|x| (another summation order: NumPy's "
              "pairwise sum / BLAS, and the `@fastmath` row in every implementation). "
              + ("Close: " + ", ".join(closes) + "." if closes else ""), ""]
    for c in res["checks"]:
        if c["outcome"] not in ("exact", "close"):
            lines.append(f"- FAILED {NAMES.get(c['impl'], c['impl'])} `{c['bench']}` ({c['label']}): {c['outcome']}")
    notes = [f"{NAMES[n]}: {s['note']}" for n, s in res["impl_status"].items() if s["note"]]
    lines += ["## Notes", ""] + [f"- {n}" for n in notes + res["notes"]] + [""]
    return "\n".join(lines)


# ----------------------------------------------------------------------------- main

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--output", type=Path)
    ap.add_argument("--no-pin", action="store_true")
    args = ap.parse_args(argv)
    os.environ.setdefault("FASTEXT_CACHE_DIR", str(BUILD / "fxcache"))
    # start from an empty cache: a development checkout's compiler may have changed in place
    # since the last run, and its builds are keyed by version, not by every source file
    shutil.rmtree(os.environ["FASTEXT_CACHE_DIR"], ignore_errors=True)

    notes = []
    cpu = None
    if not args.no_pin and os.environ.get("FXSUITE_PINNED") is None:
        if shutil.which("taskset") and hasattr(os, "sched_getaffinity"):
            cpu = min(os.sched_getaffinity(0))
            env = dict(os.environ, FXSUITE_PINNED=str(cpu),
                       FXSUITE_CPUS=",".join(map(str, sorted(os.sched_getaffinity(0)))))
            return subprocess.run(["taskset", "-c", str(cpu), sys.executable, __file__] + (argv or sys.argv[1:]),
                                  env=env).returncode
        notes.append("taskset not available: not pinned")
    if os.environ.get("FXSUITE_CPUS"):
        # Numba sizes its thread pool from the CPUs it may use when imported (one, pinned):
        # the prange rows run on all of them
        os.environ.setdefault("NUMBA_NUM_THREADS", str(len(os.environ["FXSUITE_CPUS"].split(","))))
    if os.environ.get("FXSUITE_PINNED"):
        cpu = int(os.environ["FXSUITE_PINNED"])
        notes.append(f"the whole run pinned with `taskset -c {cpu}` (NumPy's BLAS on one thread too)")

    t0 = time.perf_counter()
    load0 = os.getloadavg()[0]
    log("building the C extension, loading implementations (Numba compiles lazily) ...")
    loaded, build_msg = load_all()
    for n, i in loaded.items():
        log(f"  {n:13s} {'ok' if not i.error else 'n/a: ' + i.error}")
    log("checking correctness against plain Python ...")
    checks = check(loaded, args.quick)
    fx_funcs = loaded["fastext"].funcs if not loaded["fastext"].error else {}
    nb_funcs = loaded["numba"].funcs if not loaded["numba"].error else {}
    cpus = {int(c) for c in os.environ.get("FXSUITE_CPUS", "").split(",") if c} or None
    with parallel.on_cpus(cpus):     # Numba's parallel threads start here, on every CPU
        checks += parallel.check(fx_funcs, nb_funcs, {b.key: b for b in BENCHES}, fresh, observe)
    bad = [c for c in checks if c["outcome"] not in ("exact", "close")]
    for c in bad:
        log(f"  MISMATCH {c['impl']} {c['bench']} ({c['label']}): {c['outcome']}")
    if bad:
        log("correctness check failed: not timing anything")
        return 1
    log(f"  {len(checks)} checks passed")
    log("timing ...")
    benches = run_timings(loaded, args.quick)
    log("timing the prange rows ...")
    par = parallel.run(fx_funcs, nb_funcs, nb_funcs, {b.key: b for b in BENCHES}, fresh, args.quick, cpus, log)
    par_cpus = (f"CPUs {', '.join(map(str, sorted(cpus)))}" if cpus else "the process's CPUs") + \
        f" ({len(cpus) if cpus else os.cpu_count()} logical)"
    res = {"parallel": par, "parallel_cpus": par_cpus, "mode": "quick" if args.quick else "full", "machine": machine_info(cpu, load0),
           "impl_status": {n: {"error": i.error, "note": i.note} for n, i in loaded.items()},
           "checks": checks, "benches": benches, "notes": notes, "elapsed_s": time.perf_counter() - t0}
    text = render(res)
    out = args.output or (QUICK_OUTPUT if args.quick else OUTPUT)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text + "\n")
    (BUILD / (out.stem + ".json")).write_text(json.dumps(res, indent=1, default=str))
    print(text)
    log(f"wrote {out} ({res['elapsed_s']:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
