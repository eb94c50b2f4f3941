"""The `prange` rows of the issue-3 suite: parallel kernels against their serial versions.

`mandelbrot_prange` and `stencil_prange` (benchmarks/suite.fx) are timed with the thread
count set to 1 and to 2 (`fastext.set_num_threads`), next to the serial fastext kernel,
Numba `@njit` (serial) and Numba `@njit(parallel=True)` with `prange` = `numba.prange`
on 2 threads.  The rest of the suite is pinned to one core; these rows run on the CPUs
the process had before pinning (`cpus`), every implementation interleaved in the same
rounds as elsewhere, medians and half interquartile ranges.
"""
from __future__ import annotations

import contextlib
import os
import types
from typing import Callable

import numpy as np

from fxbench.timing import Stats, paired, time_calls, time_kernels
from fxbench.report import fmt_diff, fmt_stats

THREADS = 2
TARGET = 1.8          # prange on 2 threads ÷ serial, issue #3
KERNELS = {"mandelbrot_prange": "mandelbrot", "stencil_prange": "stencil"}   # parallel → serial kernel
BENCH_KEYS = {"mandelbrot_prange": "mandel", "stencil_prange": "stencil"}
TITLES = {"mandelbrot_prange": "mandelbrot, `prange`, {n}×{n}, 256 iterations",
          "stencil_prange": "5-point stencil, `prange`, {n}×{n}, 2×2 sweeps"}
COLUMNS = ("fastext serial", "fastext prange, 1 thread", "fastext prange, 2 threads",
           "Numba @njit", "Numba parallel=True, 2 threads")


def numba_parallel(plain: types.ModuleType) -> tuple[dict[str, Callable], str | None]:
    """`numba.njit(parallel=True)` of the prange kernels, `prange` bound to numba.prange."""
    try:
        import numba
    except Exception as exc:  # noqa: BLE001
        return {}, f"numba not importable: {exc}"
    plain.prange = numba.prange
    # numba.set_num_threads starts Numba's worker threads: not here, while the suite is
    # pinned to one core, but in check(), on every CPU
    return {k: numba.njit(parallel=True)(getattr(plain, k)) for k in KERNELS}, None


def _start_numba_threads() -> None:
    import numba
    numba.set_num_threads(min(THREADS, numba.config.NUMBA_NUM_THREADS))


def with_threads(f: Callable, n: int) -> Callable:
    """f, called with fastext's thread count set to n (read by the compiled code at each loop)."""
    import fastext

    def call(*args):
        fastext.set_num_threads(n)
        return f(*args)
    return call


def cases(fx: dict, numba_serial: dict, numba_par: dict, kernel: str) -> dict[str, Callable]:
    serial = KERNELS[kernel]
    out = {}
    if kernel in fx:
        out["fastext serial"] = fx[serial]
        out["fastext prange, 1 thread"] = with_threads(fx[kernel], 1)
        out["fastext prange, 2 threads"] = with_threads(fx[kernel], THREADS)
    if serial in numba_serial:
        out["Numba @njit"] = numba_serial[serial]
    if kernel in numba_par:
        out["Numba parallel=True, 2 threads"] = numba_par[kernel]
    return out


def check(fx: dict, numba_par: dict, benches: dict, fresh, observe) -> list[dict]:
    """Every parallel implementation (fastext at 1, 2 and 3 threads, Numba parallel) gives
    exactly the serial fastext kernel's outputs (both kernels write each element once)."""
    results = []
    if any(k in numba_par for k in KERNELS):
        _start_numba_threads()
    for kernel, serial in KERNELS.items():
        if kernel not in fx:
            continue
        b = benches[BENCH_KEYS[kernel]]
        args = b.make(b.py_size)
        expected = observe(fx[serial], args)
        impls = {f"fastext prange, {n} threads": with_threads(fx[kernel], n) for n in (1, 2, 3)}
        if kernel in numba_par:
            impls["Numba parallel=True"] = numba_par[kernel]
        for name, f in impls.items():
            try:
                got = observe(f, args)
                ok = all(np.array_equal(e, g) if isinstance(e, np.ndarray) else e == g for e, g in zip(expected, got))
                outcome = "exact" if ok else "differs from the serial kernel"
            except Exception as exc:  # noqa: BLE001
                outcome = f"raised {type(exc).__name__}: {exc}"
            results.append({"impl": name, "bench": kernel, "label": "plain-Python size", "outcome": outcome})
    return results


@contextlib.contextmanager
def on_cpus(cpus: set[int] | None):
    """Run on `cpus`, then restore the pinning.  Numba starts its worker threads at its first
    parallel call, and they keep the affinity they were created with: that call (the
    correctness check) must run in here too."""
    saved = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    if cpus and saved is not None:
        os.sched_setaffinity(0, cpus)
    try:
        yield
    finally:
        if cpus and saved is not None:
            os.sched_setaffinity(0, saved)


def run(fx: dict, numba_serial: dict, numba_par: dict, benches: dict, fresh, quick: bool,
        cpus: set[int] | None, log) -> dict:
    """Time the prange rows on `cpus` (then restore the pinning); the timings as dicts."""
    rounds = 5 if quick else 30
    saved = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    out = {}
    with on_cpus(cpus):
        for kernel in KERNELS:
            b = benches[BENCH_KEYS[kernel]]
            n = b.quick_size if quick else b.size
            shared = b.make(n)
            impls = cases(fx, numba_serial, numba_par, kernel)
            log(f"  timing {kernel} (n={n:,}) on CPUs {sorted(cpus or saved or [])}: {', '.join(impls)}")
            load0 = os.getloadavg()[0]
            stats = time_kernels({k: (f, fresh(shared)) for k, f in impls.items()}, rounds)
            out[kernel] = {"title": TITLES[kernel].format(n=n), "n": n, "stats": {k: v.as_dict() for k, v in stats.items()},
                           "load": [load0, os.getloadavg()[0]]}
        if "prange_tiny" in fx:
            tiny = np.zeros(2, np.int64)
            log("  timing prange_tiny (2 iterations) at 1 and 2 threads")
            st = time_calls({f"{n} thread": (with_threads(fx["prange_tiny"], n), (tiny,)) for n in (1, THREADS)},
                            rounds, sample_ns=20e6)
            out["_overhead"] = {k: v.as_dict() for k, v in st.items()}
    return out


def render(res: dict | None, cpus_note: str) -> list[str]:
    """The Markdown section for SUITE.md."""
    if not res:
        return []
    lines = ["## Parallel loops (`prange`), 2 threads", "",
             f"Run on {cpus_note}, not pinned to one core (the rest of the suite is); the other "
             "tenants of this machine share those cores, so a 2-thread figure is a lower bound of "
             "what two free cores give. ± is half the interquartile range.", "",
             "| kernel | " + " | ".join(COLUMNS) + " | prange 2 threads ÷ serial | "
             f"≥ {TARGET}× | fastext prange ÷ Numba parallel |",
             "|---|" + "---:|" * len(COLUMNS) + "---:|:---:|---:|"]
    overhead = res.get("_overhead")
    res = {k: v for k, v in res.items() if not k.startswith("_")}
    for kernel, r in res.items():
        st = r["stats"]
        cells = [fmt_stats(st[c]) if c in st else "n/a" for c in COLUMNS]
        speed = _ratio(st.get("fastext serial"), st.get("fastext prange, 2 threads"))
        vs_numba = _ratio(st.get("Numba parallel=True, 2 threads"), st.get("fastext prange, 2 threads"))
        verdict = "n/a" if speed is None else ("yes" if speed[0] >= TARGET else "**NO**")
        lines.append(f"| {r['title']} | " + " | ".join(cells) + f" | {_fmt(speed)} | {verdict} | {_fmt(vs_numba)} |")
    loads = ", ".join(f"{k}: {v['load'][0]:.2f} → {v['load'][1]:.2f}" for k, v in res.items())
    lines += ["", f"1-minute load average before → after each row: {loads}.", ""]
    if overhead:
        one, two = overhead["1 thread"], overhead[f"{THREADS} thread"]
        diff = paired(two["values"], one["values"], lambda a, b: a - b)
        lines += [f"Starting and joining a thread (`prange_tiny`: 2 trivial iterations, a call): "
                  f"{fmt_stats(two)} at 2 threads against {fmt_stats(one)} at 1 thread, so "
                  f"{fmt_diff(diff)} a parallel loop (no thread pool; docs/language.md).", ""]
    return lines


def missed(res: dict | None) -> list[str]:
    out = []
    for key, r in (res or {}).items():
        if key.startswith("_"):
            continue
        st = r["stats"]
        speed = _ratio(st.get("fastext serial"), st.get("fastext prange, 2 threads"))
        if speed is not None and speed[0] < TARGET:
            out.append(f"{r['title']}: {speed[0]:.2f}× serial on 2 threads")
    return out


def _ratio(base: dict | None, fx: dict | None):
    if not base or not fx:
        return None
    return paired(base["values"], fx["values"], lambda a, b: a / b)


def _fmt(q) -> str:
    if q is None:
        return "n/a"
    med, q1, q3 = q
    return f"{med:.3f}× ±{(q3 - q1) / 2:.3f}"


__all__ = ["KERNELS", "Stats", "check", "missed", "numba_parallel", "render", "run"]
