"""Run the example kernels' PTX on a real GPU through the CUDA driver API (ctypes, no cuda-python)
and compare with NumPy — a check of the compiler's PTX and parameter ABI independent of the
fastext.gpu runtime.

    python tests/gpu_device_check.py        # prints one line per kernel; exit 0 if all agree

Without libcuda or a device it prints SKIP and exits 0.  `tests/test_gpu_compile.py` runs the
same checks when a device is present.
"""
from __future__ import annotations

import ctypes
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
KERNELS_FX = os.path.join(os.path.dirname(HERE), "examples", "gpu_kernels.fx")
CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR = 75, 76


class CudaError(RuntimeError):
    def __init__(self, call: str, code: int):
        super().__init__(f"{call} failed with CUresult {code}")
        self.code = code


class Driver:
    """The few CUDA driver calls a launch needs, through ctypes."""

    def __init__(self):
        self.lib = ctypes.CDLL("libcuda.so.1")
        self.check("cuInit", 0)
        dev = ctypes.c_int()
        self.check("cuDeviceGet", ctypes.byref(dev), 0)
        major, minor = ctypes.c_int(), ctypes.c_int()
        self.check("cuDeviceGetAttribute", ctypes.byref(major), CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, dev)
        self.check("cuDeviceGetAttribute", ctypes.byref(minor), CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR, dev)
        self.cc = major.value * 10 + minor.value
        self.ctx = ctypes.c_void_p()
        self.check("cuDevicePrimaryCtxRetain", ctypes.byref(self.ctx), dev)
        self.check("cuCtxSetCurrent", self.ctx)

    def check(self, name: str, *args) -> None:
        code = getattr(self.lib, name)(*args)
        if code != 0:
            raise CudaError(name, code)

    def load(self, ptx: str) -> ctypes.c_void_p:
        module = ctypes.c_void_p()
        self.check("cuModuleLoadData", ctypes.byref(module), ctypes.c_char_p(ptx.encode() + b"\0"))
        return module

    def function(self, module, name: str) -> ctypes.c_void_p:
        fn = ctypes.c_void_p()
        self.check("cuModuleGetFunction", ctypes.byref(fn), module, name.encode())
        return fn

    def to_device(self, a: np.ndarray) -> int:
        ptr = ctypes.c_uint64()
        self.check("cuMemAlloc_v2", ctypes.byref(ptr), ctypes.c_size_t(max(a.nbytes, 1)))
        host = np.ascontiguousarray(a)
        self.check("cuMemcpyHtoD_v2", ptr, host.ctypes.data_as(ctypes.c_void_p), ctypes.c_size_t(a.nbytes))
        return ptr.value

    def to_host(self, ptr: int, like: np.ndarray) -> np.ndarray:
        out = np.empty_like(like, order="C")
        self.check("cuMemcpyDtoH_v2", out.ctypes.data_as(ctypes.c_void_p), ctypes.c_uint64(ptr),
                   ctypes.c_size_t(out.nbytes))
        return out

    def launch(self, fn, grid, block, params: list) -> None:
        """`params`: ctypes scalars, in the PTX parameter order."""
        grid, block = (tuple(grid) + (1, 1))[:3], (tuple(block) + (1, 1))[:3]
        ptrs = (ctypes.c_void_p * max(len(params), 1))(*[ctypes.cast(ctypes.pointer(p), ctypes.c_void_p)
                                                           for p in params])
        self.check("cuLaunchKernel", fn, *map(ctypes.c_uint, grid), *map(ctypes.c_uint, block), ctypes.c_uint(0),
                   ctypes.c_void_p(None), ptrs, ctypes.c_void_p(None))
        self.check("cuCtxSynchronize")


def array_params(ptr: int, a: np.ndarray, strides=None) -> list:
    """The kernel ABI of one array: device pointer, shape, byte strides."""
    return [ctypes.c_uint64(ptr), *(ctypes.c_int64(n) for n in a.shape),
            *(ctypes.c_int64(s) for s in (strides or a.strides))]


def pick_ptx(ptx_by_arch: dict[str, str], cc: int) -> str:
    usable = [a for a in ptx_by_arch if int(a[3:].rstrip("abf")) <= cc]
    if not usable:
        raise RuntimeError(f"no PTX for compute capability {cc} among {sorted(ptx_by_arch)}")
    return ptx_by_arch[max(usable, key=lambda a: int(a[3:].rstrip("abf")))]


def run_checks(ptx_by_arch: dict[str, str], report=print) -> list[str]:
    """Launch every example kernel; returns the names of the checks that disagree with NumPy."""
    drv = Driver()
    mod = drv.load(pick_ptx(ptx_by_arch, drv.cc))
    fn = lambda name: drv.function(mod, f"fxk_{name}")   # noqa: E731
    rng = np.random.default_rng(5)
    failures = []

    def expect(name, ok):
        report(f"{'ok  ' if ok else 'FAIL'} {name}")
        if not ok:
            failures.append(name)

    drv.launch(fn("empty"), (1,), (1,), [])
    expect("empty", True)

    n = 1000
    x, y = rng.standard_normal(n).astype(np.float32), rng.standard_normal(n).astype(np.float32)
    dx, dy, dout = drv.to_device(x), drv.to_device(y), drv.to_device(np.zeros(n, np.float32))
    a = np.float32(2.5)
    drv.launch(fn("saxpy"), ((n + 255) // 256,), (256,),
               [ctypes.c_float(a), *array_params(dx, x), *array_params(dy, y),
                *array_params(dout, np.zeros(n, np.float32))])
    expect("saxpy", np.array_equal(drv.to_host(dout, x), a * x + y))

    # a strided view: every other element of x (byte stride 8), the result into a strided out
    xs = x[::2]
    dout2 = drv.to_device(np.zeros(n, np.float32))
    drv.launch(fn("saxpy"), ((len(xs) + 255) // 256,), (256,),
               [ctypes.c_float(a), *array_params(dx, xs, xs.strides), *array_params(dy, xs, xs.strides),
                *array_params(dout2, xs, xs.strides)])
    got = drv.to_host(dout2, np.zeros(n, np.float32))
    expect("saxpy (strided)", np.array_equal(got[::2], a * xs + y[::2]) and not got[1::2].any())

    big = rng.standard_normal(10_000).astype(np.float32)
    for kernel in ("block_sum", "warp_sum"):
        dbig, dacc = drv.to_device(big), drv.to_device(np.zeros(1, np.float32))
        drv.launch(fn(kernel), ((len(big) + 255) // 256,), (256,),
                   [*array_params(dbig, big), *array_params(dacc, np.zeros(1, np.float32))])
        total = drv.to_host(dacc, np.zeros(1, np.float32))[0]
        expect(kernel, abs(total - big.astype(np.float64).sum()) < 1e-3 * np.abs(big).sum())

    u = rng.standard_normal((50, 70))
    du, dst = drv.to_device(u), drv.to_device(np.zeros_like(u))
    c = 0.1
    drv.launch(fn("stencil5"), ((70 + 15) // 16, (50 + 15) // 16), (16, 16),
               [*array_params(du, u), *array_params(dst, u), ctypes.c_double(c)])
    want = np.zeros_like(u)
    lap = u[:-2, 1:-1] + u[2:, 1:-1] + u[1:-1, :-2] + u[1:-1, 2:] - 4.0 * u[1:-1, 1:-1]
    want[1:-1, 1:-1] = u[1:-1, 1:-1] + c * lap
    expect("stencil5", np.array_equal(drv.to_host(dst, u), want))

    A = rng.standard_normal((70, 50)).astype(np.float32)
    B = rng.standard_normal((50, 90)).astype(np.float32)
    want = A.astype(np.float64) @ B.astype(np.float64)
    for kernel in ("sgemm_naive", "sgemm_tiled"):
        dA, dB, dC = drv.to_device(A), drv.to_device(B), drv.to_device(np.zeros((70, 90), np.float32))
        drv.launch(fn(kernel), ((90 + 15) // 16, (70 + 15) // 16), (16, 16),
                   [*array_params(dA, A), *array_params(dB, B), *array_params(dC, np.zeros((70, 90), np.float32))])
        expect(kernel, np.allclose(drv.to_host(dC, np.zeros((70, 90), np.float32)), want, rtol=1e-4, atol=1e-4))

    v = np.linspace(-20, 20, 777)
    dv, dsp = drv.to_device(v), drv.to_device(np.zeros_like(v))
    drv.launch(fn("softplus"), ((len(v) + 127) // 128,), (128,), [*array_params(dv, v), *array_params(dsp, v)])
    expect("softplus (libdevice)", np.allclose(drv.to_host(dsp, v), np.log1p(np.exp(v)), rtol=1e-14, atol=0))

    data = rng.integers(-3, 40, 5000).astype(np.int32)
    bins = np.zeros(32, np.int64)
    dd, db = drv.to_device(data), drv.to_device(bins)
    drv.launch(fn("histogram"), ((len(data) + 255) // 256,), (256,),
               [*array_params(dd, data), *array_params(db, bins)])
    inside = data[(data >= 0) & (data < 32)]
    expect("histogram (atomics)", np.array_equal(drv.to_host(db, bins), np.bincount(inside, minlength=32)))

    dsq = drv.to_device(x)
    drv.launch(fn("square_all"), ((n + 255) // 256,), (256,), [*array_params(dsq, x)])
    expect("square_all (device function)", np.array_equal(drv.to_host(dsq, x), x * x))

    # last: a failed bounds check traps, so the launch fails (and the context is unusable afterwards)
    short = np.zeros(10, np.float32)
    try:
        drv.launch(fn("saxpy"), (4,), (256,),
                   [ctypes.c_float(1.0), *array_params(dx, x), *array_params(dy, y), *array_params(dout, short)])
        expect("bounds check traps", False)
    except CudaError as e:
        expect(f"bounds check traps (CUresult {e.code})", True)
    return failures


def main() -> int:
    try:
        Driver()
    except (OSError, CudaError) as e:
        print(f"SKIP: no CUDA device ({e})")
        return 0
    from fastext.compiler.driver import compile_file
    from fastext.config import Options
    art = compile_file(KERNELS_FX, "gpu_kernels", Options(gpu_archs=("sm_80", "sm_90")))
    failures = run_checks(art.ptx)
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
