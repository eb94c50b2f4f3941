"""GPU kernels in `fastext bench`: launch overhead and kernel time per case.

Only for modules with `@gpu.kernel` functions, and only when a GPU is usable (kernels
running in the CPU emulator are timed as ordinary code by the cases, but their
"kernel time" would mean nothing).  Per case, the compiled module's case runs a few
times under `fastext.gpu.launch.recording()`: every launch is bracketed by CUDA events
on its stream (device time of each kernel), then each kernel's last launch is repeated
back to back on the fast path to measure the host cost of one launch.
"""
from __future__ import annotations

import time

from fastext.bench.timing import Stats

OVERHEAD_LAUNCHES = 200    # well under the driver's launch queue (~1024), so the host never waits


def kernel_names(module) -> list[str]:
    """The module's GPU kernels (compiled modules: from the descriptor the import bound)."""
    from fastext.gpu.launch import KernelBase

    return sorted(k for k, v in vars(module).items() if isinstance(v, KernelBase))


def unavailable_reason() -> str | None:
    """None when kernels launch on a GPU here, else why they would be emulated."""
    from fastext.gpu import driver, mode

    if not mode.emulating():
        return None
    if mode.state.forced or mode._from_env():
        return "emulation was asked for (FASTEXT_GPU_EMULATE / gpu.emulate)"
    return driver.unavailable_reason() or "kernels run in the CPU emulator"


def profile_case(case, compiled, repeats: int = 5, overhead_launches: int = OVERHEAD_LAUNCHES) -> list[dict]:
    """One record per kernel the case launches: launches per call of the case, device time
    per launch (CUDA events) and host time per launch (fast path, back to back)."""
    from fastext.gpu import launch, streams

    fn, args = case.build(compiled)
    fn(*args)                                 # warm-up: module load, JIT, packers
    streams.synchronize()
    with launch.recording() as launches:
        for _ in range(repeats):
            fn(*args)
    streams.synchronize()
    by_kernel: dict[str, list] = {}
    for rec in launches:
        by_kernel.setdefault(rec[0].kernel.__name__, []).append(rec)
    out = []
    for name, recs in by_kernel.items():
        device = [start.elapsed_time(end) * 1e-3 for _, _, _, start, end in recs]
        launcher, kargs = recs[-1][0], recs[-1][1]
        overhead = []
        for _ in range(3):
            t0 = time.perf_counter()
            for _ in range(overhead_launches):
                launcher(*kargs)
            overhead.append((time.perf_counter() - t0) / overhead_launches)
            streams.synchronize()
        out.append({"kernel": name, "launches_per_call": len(recs) / repeats,
                    "grid": list(launcher.grid), "block": list(launcher.block),
                    "kernel_time": _stats(device), "launch_overhead": _stats(overhead)})
    return out


def _stats(samples: list[float]) -> dict:
    s = Stats.of(samples)
    return {"median_s": s.median, "q1_s": s.q1, "q3_s": s.q3, "samples_s": list(samples)}
