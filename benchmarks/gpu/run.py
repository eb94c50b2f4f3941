"""fastext.gpu benchmarks: build, check against NumPy, time, and write a Markdown results table.

What it measures (benchmarks/gpu/bench_kernels.fx), on one GPU:

* saxpy and a sum reduction, in GB/s, against the measured device-to-device copy bandwidth
  (target: >= 85 % of it);
* a 2-D 5-point stencil (GB/s);
* f32 matrix multiply: naive, textbook 16x16 shared-memory tiles, and 64x64 register-blocked
  shared-memory tiles, against cuBLAS through CuPy or PyTorch (target: tiled >= 30 % of cuBLAS);
* the launch overhead of an empty kernel, in microseconds per launch, against a raw `cuda.core`
  launch of the same PTX (target: <= 1.2x), CuPy RawKernel and Numba CUDA.

Each kernel is checked against NumPy on fresh random inputs with its output poisoned (NaN)
before the run, timed, and checked again after the timed runs.  Comparisons with libraries
that are not installed are skipped (and say so in the table).

Setup on the GPU machine (it has no internet: install from wheels brought along):

    pip install -e '.[gpu]'                    # fastext + cuda-python; for a CUDA 12 driver (< 580):
                                               #   pip install 'cuda-python>=12.6,<13'
    pip install cupy-cuda12x torch numba-cuda  # optional comparisons (cupy-cuda13x for CUDA 13)

The bench kernels compile on the first run (PTX for FASTEXT_GPU_ARCHS, default sm_80,sm_90;
ptxas is not needed, the driver JIT-links and caches the cubin).

Run (well under 8 minutes on an H200, compiles included):

    python benchmarks/gpu/run.py [--out benchmarks/gpu/RESULTS.md]
    python benchmarks/gpu/run.py --emulate --small      # no GPU: tiny sizes in the CPU emulator

The output path is --out, else FASTEXT_GPU_RESULTS, else benchmarks/gpu/RESULTS.md.
"""
from __future__ import annotations

import argparse
import datetime
import importlib
import json
import os
import platform
import statistics
import subprocess
import sys
import time
import traceback

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
KERNELS = os.path.join(HERE, "bench_kernels.fx")
TARGET_BANDWIDTH = 0.85    # of the device-to-device copy
TARGET_LAUNCH = 1.2        # x the raw cuda.core launch
TARGET_SGEMM = 0.30        # of cuBLAS f32

if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from fastext import gpu  # noqa: E402


class Sizes:
    def __init__(self, small: bool):
        self.small = small
        self.vector = 1000 if small else 1 << 26            # saxpy / reduction / copy elements
        self.grid2d = (20, 27) if small else (8192, 8192)   # stencil
        self.gemm = (40, 24, 36) if small else (4096, 4096, 4096)
        self.launches = 20 if small else 20000
        self.reps = 1 if small else 20
        self.gemm_reps = 1 if small else 5
        self.trials = 1 if small else 5


class Row:
    def __init__(self, name, size, value, unit, reference=None, ref_name="", ratio=None, target=None,
                 passed=None, correct="", note=""):
        self.__dict__.update(locals())
        del self.__dict__["self"]


class Bench:
    def __init__(self, args):
        self.args = args
        self.sizes = Sizes(args.small)
        self.emulated = args.emulate
        self.rows: list[Row] = []
        self.notes: list[str] = []
        self.rng = np.random.default_rng(args.seed)
        self.mod = None
        self.ptx = None

    # -- infrastructure ------------------------------------------------------------------------------
    def load(self) -> None:
        t0 = time.perf_counter()
        if self.emulated:
            import fastext

            self.mod = fastext.load_interpreted(KERNELS, "bench_kernels")
        else:
            if HERE not in sys.path:
                sys.path.insert(0, HERE)
            self.mod = importlib.import_module("bench_kernels")   # compiled by the fastext import hook
            if not hasattr(self.mod, "__fastext_gpu__"):
                raise RuntimeError("bench_kernels.fx was not compiled with GPU kernels (no __fastext_gpu__)")
            self.ptx = json.loads(self.mod.__fastext_gpu__())["ptx"]
        self.notes.append(f"load/compile of bench_kernels.fx: {time.perf_counter() - t0:.2f} s")

    def time_gpu(self, fn, reps=None, trials=None) -> float:
        """Seconds per call of fn (median over trials of `reps` back-to-back calls, timed by events)."""
        reps = reps or self.sizes.reps
        trials = trials or self.sizes.trials
        fn()   # warm-up (and first-launch set-up)
        gpu.synchronize()
        start, end = gpu.Event(), gpu.Event()
        samples = []
        for _ in range(trials):
            start.record()
            for _ in range(reps):
                fn()
            end.record()
            end.synchronize()
            samples.append(start.elapsed_time(end) / 1e3 / reps)
        return statistics.median(samples)

    def poisoned(self, shape) -> "gpu.DeviceArray":
        return gpu.to_device(np.full(shape, np.nan, np.float32))

    def fresh(self, *shape) -> np.ndarray:
        return self.rng.random(shape, dtype=np.float32)

    def grid1d(self, n: int, block: int) -> int:
        blocks = (n + block - 1) // block
        if self.emulated:
            return blocks
        return min(blocks, gpu.device_info()["multiprocessors"] * 2048 // block * 4)

    def guarded(self, name, fn) -> None:
        try:
            fn()
        except Exception as e:   # one failed benchmark must not lose the others' results
            self.rows.append(Row(name, "", None, "", correct=f"ERROR: {type(e).__name__}: {e}"))
            self.notes.append(f"{name} failed:\n```\n{traceback.format_exc()}```")

    # -- benchmarks ------------------------------------------------------------------------------------
    def copy_bandwidth(self) -> float:
        n = self.sizes.vector
        src, dst = gpu.to_device(self.fresh(n)), gpu.device_array(n)
        t = self.time_gpu(lambda: src.copy_to_device(dst))
        ok = np.array_equal(dst.copy_to_host(), src.copy_to_host())
        gbs = 2 * n * 4 / t / 1e9
        self.rows.append(Row("device-to-device copy", f"{n:,} f32", gbs, "GB/s", correct="ok" if ok else "WRONG",
                             note="reference for saxpy and reduction"))
        return gbs

    def saxpy(self, copy_gbs) -> None:
        n, block = self.sizes.vector, 256
        grid = self.grid1d(n, block)
        x, y = self.fresh(n), self.fresh(n)
        a = float(np.float32(self.rng.random()))
        dx, dy, dout = gpu.to_device(x), gpu.to_device(y), self.poisoned(n)
        launch = self.mod.saxpy[grid, block]
        launch(a, dx, dy, dout)
        ref = np.float32(a) * x + y
        ok = np.allclose(dout.copy_to_host(), ref, rtol=1e-6, atol=1e-6)
        dout.copy_from_host(np.full(n, np.nan, np.float32))
        t = self.time_gpu(lambda: launch(a, dx, dy, dout))
        ok = ok and np.allclose(dout.copy_to_host(), ref, rtol=1e-6, atol=1e-6)
        self.bandwidth_row("saxpy", f"{n:,} f32", 3 * n * 4 / t / 1e9, copy_gbs, ok)

    def reduction(self, copy_gbs) -> None:
        n, block = self.sizes.vector, 256
        grid = self.grid1d(n, block)
        x = self.fresh(n)
        dx, dout = gpu.to_device(x), gpu.to_device(np.zeros(1, np.float32))
        launch = self.mod.reduce_sum[grid, block]
        ref = x.sum(dtype=np.float64)

        def check():
            dout.copy_from_host(np.zeros(1, np.float32))   # the kernel accumulates into out[0]
            launch(dx, dout)
            got = float(dout.copy_to_host()[0])
            return abs(got - ref) <= 1e-4 * abs(ref) + 1e-3

        ok = check()
        t = self.time_gpu(lambda: launch(dx, dout))
        ok = ok and check()
        self.bandwidth_row("sum reduction", f"{n:,} f32", n * 4 / t / 1e9, copy_gbs, ok)

    def bandwidth_row(self, name, size, gbs, copy_gbs, ok) -> None:
        ratio = gbs / copy_gbs if copy_gbs else None
        self.rows.append(Row(name, size, gbs, "GB/s", copy_gbs, "d2d copy", ratio, f">= {TARGET_BANDWIDTH:.0%}",
                             None if ratio is None or self.emulated else ratio >= TARGET_BANDWIDTH,
                             "ok" if ok else "WRONG"))

    def stencil(self) -> None:
        n, m = self.sizes.grid2d
        a = self.fresh(n, m)
        da, dout = gpu.to_device(a), self.poisoned((n, m))
        launch = self.mod.stencil5[((m + 31) // 32, (n + 7) // 8), (32, 8)]
        ref = 0.25 * (a[:-2, 1:-1] + a[2:, 1:-1] + a[1:-1, :-2] + a[1:-1, 2:]) - a[1:-1, 1:-1]

        def check():
            return np.allclose(dout.copy_to_host()[1:-1, 1:-1], ref, rtol=1e-5, atol=1e-5)

        launch(da, dout)
        ok = check()
        dout.copy_from_host(np.full((n, m), np.nan, np.float32))
        t = self.time_gpu(lambda: launch(da, dout))
        ok = ok and check()
        self.rows.append(Row("2-D 5-point stencil", f"{n}x{m} f32", 2 * n * m * 4 / t / 1e9, "GB/s",
                             correct="ok" if ok else "WRONG", note="ideal traffic: read a once, write out once"))

    def sgemm(self) -> None:
        n, k, m = self.sizes.gemm
        a, b = self.fresh(n, k), self.fresh(k, m)
        ref = a.astype(np.float64) @ b.astype(np.float64)
        da, db = gpu.to_device(a), gpu.to_device(b)
        flops = 2.0 * n * k * m
        blas_name, blas_t = self.cublas(a, b, ref)
        variants = [
            ("sgemm naive", self.mod.sgemm_naive[((m + 15) // 16, (n + 15) // 16), (16, 16)], False),
            ("sgemm tiled 16x16", self.mod.sgemm_tiled16[((m + 15) // 16, (n + 15) // 16), (16, 16)], False),
            ("sgemm tiled 64x64, 4x4/thread", self.mod.sgemm_tiled[((m + 63) // 64, (n + 63) // 64), (16, 16)], True),
        ]
        for name, launch, targeted in variants:
            def one():
                dc = self.poisoned((n, m))
                launch(da, db, dc)
                return dc

            def check(dc):
                got = dc.copy_to_host()
                return bool(np.isfinite(got).all() and np.abs(got - ref).max() <= 1e-3 * np.abs(ref).max() + 1e-5)

            dc = one()
            ok = check(dc)
            t = self.time_gpu(lambda: launch(da, db, dc), reps=self.sizes.gemm_reps, trials=3)
            ok = ok and check(dc)
            gflops = flops / t / 1e9
            ratio = gflops / (flops / blas_t / 1e9) if blas_t else None
            target = f">= {TARGET_SGEMM:.0%}" if targeted else ""
            passed = None if not targeted or ratio is None or self.emulated else ratio >= TARGET_SGEMM
            self.rows.append(Row(name, f"{n}x{k} @ {k}x{m}", gflops, "GFLOP/s",
                                 flops / blas_t / 1e9 if blas_t else None, blas_name, ratio, target, passed,
                                 "ok" if ok else "WRONG"))

    def cublas(self, a, b, ref):
        """(name, seconds) of cuBLAS f32 through CuPy or PyTorch; ("", None) without either."""
        if self.emulated:
            return "", None
        try:
            import cupy as cp

            ca, cb = cp.asarray(a), cp.asarray(b)
            cc = cp.empty((a.shape[0], b.shape[1]), cp.float32)
            fn = lambda: cp.matmul(ca, cb, out=cc)   # noqa: E731
            name = f"cuBLAS (CuPy {cp.__version__})"
            check = lambda: cp.asnumpy(cc)           # noqa: E731
        except Exception:
            try:
                import torch

                torch.backends.cuda.matmul.allow_tf32 = False
                ta, tb = torch.from_numpy(a).cuda(), torch.from_numpy(b).cuda()
                tc = torch.empty((a.shape[0], b.shape[1]), device="cuda")
                fn = lambda: torch.mm(ta, tb, out=tc)   # noqa: E731
                name = f"cuBLAS (PyTorch {torch.__version__})"
                check = lambda: tc.cpu().numpy()        # noqa: E731
            except Exception as e:
                self.notes.append(f"no cuBLAS comparison: neither CuPy nor PyTorch works here ({e})")
                return "", None
        t = self.time_gpu(fn, reps=self.sizes.gemm_reps * 2, trials=3)
        if np.abs(check() - ref).max() > 1e-3 * np.abs(ref).max():
            self.notes.append(f"{name} result differs from NumPy (TF32?)")
        return name, t

    def launch_overhead(self) -> None:
        n_launch = self.sizes.launches
        x = gpu.device_array(1024)
        launch = self.mod.empty[1, 32]

        def per_launch(fn):
            fn()
            gpu.synchronize()
            best = None
            for _ in range(self.sizes.trials):
                t0 = time.perf_counter()
                for _ in range(n_launch):
                    fn()
                gpu.synchronize()
                dt = (time.perf_counter() - t0) / n_launch * 1e6
                best = dt if best is None else min(best, dt)
            return best

        ours = per_launch(lambda: launch(x))
        refs = {}
        if not self.emulated:
            for name, make in (("raw cuda.core launch", self.raw_core_launcher),
                               ("CuPy RawKernel", self.cupy_launcher), ("Numba CUDA", self.numba_launcher)):
                try:
                    refs[name] = per_launch(make())
                except Exception as e:
                    self.notes.append(f"launch overhead: {name} skipped ({type(e).__name__}: {e})")
        base = refs.get("raw cuda.core launch")
        ratio = ours / base if base else None
        self.rows.append(Row("empty kernel launch", f"{n_launch:,} launches", ours, "µs/launch", base,
                             "raw cuda.core launch", ratio, f"<= {TARGET_LAUNCH}x",
                             None if ratio is None else ratio <= TARGET_LAUNCH, "n/a"))
        for name, value in refs.items():
            if name != "raw cuda.core launch":
                self.rows.append(Row(f"empty kernel launch: {name}", f"{n_launch:,} launches", value, "µs/launch",
                                     ours, "fastext", value / ours, "", None, "n/a"))
        if not self.emulated:   # the other cuLaunchKernel entry (driver.launch_entry): which one is faster here
            from fastext.gpu.launch import Launcher

            os.environ["FASTEXT_GPU_LAUNCH_ENTRY"] = "ctypes"
            try:
                other = Launcher(self.mod.empty, 1, 32)
                value = per_launch(lambda: other(x))
                self.rows.append(Row("empty kernel launch, fastext via ctypes cuLaunchKernel", f"{n_launch:,} launches",
                                     value, "µs/launch", base, "raw cuda.core launch", value / base if base else None,
                                     correct="n/a", note="FASTEXT_GPU_LAUNCH_ENTRY=ctypes"))
            except Exception as e:
                self.notes.append(f"launch overhead with the ctypes entry skipped ({type(e).__name__}: {e})")
            finally:
                del os.environ["FASTEXT_GPU_LAUNCH_ENTRY"]
        try:   # fastext taking a foreign (CuPy) array: the __cuda_array_interface__ path
            if not self.emulated:
                import cupy as cp

                cx = cp.zeros(1024, cp.float32)
                self.rows.append(Row("empty kernel launch, CuPy array argument", f"{n_launch:,} launches",
                                     per_launch(lambda: launch(cx)), "µs/launch", correct="n/a"))
        except ImportError:
            pass

    def raw_core_launcher(self):
        try:
            import cuda.core as core
            core.LaunchConfig
        except (ImportError, AttributeError):
            import cuda.core.experimental as core
        from fastext.gpu import driver

        dev = core.Device(driver.context().ordinal)
        dev.set_current()
        arch = driver.pick_arch(self.ptx, driver.context().cc)
        ptx = self.ptx[arch]
        from_ptx = getattr(core.ObjectCode, "from_ptx", None)
        code = from_ptx(ptx) if from_ptx is not None else core.ObjectCode(ptx.encode(), "ptx")
        kernel = code.get_kernel("fxk_empty")
        stream = getattr(core, "LEGACY_DEFAULT_STREAM", None) or dev.default_stream
        buf = gpu.device_array(1024)
        args = (np.uint64(buf.device_ptr), np.int64(1024), np.int64(4))   # the ABI of `x: f32[:]`
        launch = core.launch
        try:   # cuda.core >= 0.3: launch(stream, config, kernel, *args)
            config = core.LaunchConfig(grid=1, block=32)
            launch(stream, config, kernel, *args)

            def fn():
                launch(stream, config, kernel, *args)
        except TypeError:   # older: the stream is part of the config
            config = core.LaunchConfig(grid=1, block=32, stream=stream)

            def fn():
                launch(kernel, config, *args)
        fn.keep = buf
        return fn

    def cupy_launcher(self):
        import cupy as cp

        k = cp.RawKernel(r'extern "C" __global__ void empty(float* x, long long n, long long s) {}', "empty")
        cx = cp.zeros(1024, cp.float32)
        n, s = np.int64(1024), np.int64(4)
        return lambda: k((1,), (32,), (cx, n, s))

    def numba_launcher(self):
        from numba import cuda

        @cuda.jit
        def empty(x):
            pass

        dx = cuda.device_array(1024, np.float32)
        launch = empty[1, 32]
        return lambda: launch(dx)

    # -- report ----------------------------------------------------------------------------------
    def header(self) -> list[str]:
        try:
            info = gpu.device_info()
        except Exception as e:
            info = {"name": f"unavailable ({type(e).__name__}: {e})", "compute_capability": None}
        versions = {"Python": platform.python_version(), "NumPy": np.__version__, "fastext": _version("fastext")}
        for dist in ("cuda-bindings", "cuda-core", "cupy-cuda12x", "cupy-cuda13x", "cupy", "torch", "numba-cuda",
                     "numba", "llvmlite"):
            v = _version(dist)
            if v:
                versions[dist] = v
        cc = info.get("compute_capability")
        gpu_line = info["name"] + (f" (sm_{cc[0]}{cc[1]}, {info['multiprocessors']} SMs)" if cc else "")
        driver = f"CUDA {info['driver_cuda_version']}" if info.get("driver_cuda_version") else "none"
        smi = _nvidia_smi_driver()
        if smi:
            driver += f", NVIDIA driver {smi}"
        mode = "CPU emulation" if self.emulated else "GPU"
        return [
            "# fastext.gpu benchmarks", "",
            f"* Date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M UTC}",
            f"* GPU: {gpu_line}", f"* Driver: {driver}", f"* Mode: {mode}{' (small sizes)' if self.args.small else ''}",
            f"* Versions: {', '.join(f'{k} {v}' for k, v in versions.items())}",
            f"* Command: `python benchmarks/gpu/run.py {' '.join(sys.argv[1:])}`", "",
        ]

    def markdown(self) -> str:
        lines = self.header()
        lines += ["| benchmark | size | fastext | reference | ratio | target | met | correct |",
                  "|---|---|---|---|---|---|---|---|"]
        for r in self.rows:
            value = f"{r.value:,.2f} {r.unit}" if r.value is not None else "—"
            ref = f"{r.reference:,.2f} ({r.ref_name})" if r.reference is not None else (
                f"n/a ({r.ref_name or 'not measured'})" if r.target else "")
            ratio = f"{r.ratio:.2f}" if r.ratio is not None else ""
            met = {True: "yes", False: "**no**", None: ""}[r.passed]
            note = f" {r.note}" if r.note else ""
            lines.append(f"| {r.name} | {r.size} | {value} | {ref} | {ratio} | {r.target or ''} | {met} | "
                         f"{r.correct}{note} |")
        if self.emulated:
            lines += ["", "Emulation times measure the CPU emulator, not a GPU; the targets apply on a GPU only."]
        if self.notes:
            lines += ["", "## Notes", ""] + [f"* {n}" if "\n" not in n else n for n in self.notes]
        return "\n".join(lines) + "\n"


def _version(dist: str) -> str | None:
    try:
        from importlib.metadata import version

        return version(dist)
    except Exception:
        return None


def _nvidia_smi_driver() -> str | None:
    try:
        out = subprocess.run(["nvidia-smi", "--query-gpu=driver_version", "--format=csv,noheader"],
                             capture_output=True, text=True, timeout=20)
        return out.stdout.strip().splitlines()[0] if out.returncode == 0 and out.stdout.strip() else None
    except Exception:
        return None


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=os.environ.get("FASTEXT_GPU_RESULTS") or os.path.join(HERE, "RESULTS.md"),
                        help="Markdown results file (default: $FASTEXT_GPU_RESULTS or benchmarks/gpu/RESULTS.md)")
    parser.add_argument("--emulate", action="store_true", help="run the kernels in the CPU emulator (no GPU)")
    parser.add_argument("--small", action="store_true", help="tiny sizes (for --emulate and smoke tests)")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: fresh inputs each run)")
    args = parser.parse_args(argv)
    gpu.emulate(True if args.emulate else False)
    bench = Bench(args)
    t0 = time.perf_counter()
    failed = False
    try:
        if not args.emulate:
            from fastext.gpu import driver

            reason = driver.unavailable_reason()
            if reason is not None:
                raise RuntimeError(f"no GPU: {reason} (use --emulate --small without one)")
        bench.load()
    except Exception as e:
        failed = True
        bench.rows.append(Row("set-up", "", None, "", correct=f"ERROR: {type(e).__name__}: {e}"))
        bench.notes.append(f"set-up failed:\n```\n{traceback.format_exc()}```")
    if not failed:
        copy = [None]
        bench.guarded("device-to-device copy", lambda: copy.__setitem__(0, bench.copy_bandwidth()))
        bench.guarded("saxpy", lambda: bench.saxpy(copy[0]))
        bench.guarded("sum reduction", lambda: bench.reduction(copy[0]))
        bench.guarded("2-D 5-point stencil", bench.stencil)
        bench.guarded("sgemm", bench.sgemm)
        bench.guarded("empty kernel launch", bench.launch_overhead)
    bench.notes.append(f"total wall time: {time.perf_counter() - t0:.1f} s")
    text = bench.markdown()
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)
    print(text)
    wrong = any(r.correct.startswith(("WRONG", "ERROR")) for r in bench.rows)
    return 1 if wrong or failed else 0


if __name__ == "__main__":
    sys.exit(main())
