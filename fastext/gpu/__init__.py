"""fastext.gpu: GPU kernels in `.fx` files, and the runtime that launches them.

What a `.fx` file uses (`from fastext import gpu`): the decorators `@gpu.kernel` and
`@gpu.device`, `thread_idx`/`block_idx`/`block_dim`/`grid_dim` (`.x .y .z`), `global_id`,
`lane_id`, `warp_size`, `syncthreads`, `shared.array`, the atomics and the warp shuffles.
Compiled, they become PTX (see docs/gpu.md); under plain Python they run in the CPU emulator
(fastext/gpu/emulator.py).

The runtime: `kernel[grid, block](args...)`, `kernel.launch(...)`, `to_device`,
`device_array`, `device_array_like`, `DeviceArray`, `Stream`, `Event`, `capture` (CUDA graphs),
`synchronize`, `emulate`.  Importing this package is cheap: cuda-python and the CUDA driver
are loaded on the first launch or device array that needs a GPU.
"""
from fastext.gpu.emulator import (Dim3, EmulationError, atomic_add, atomic_cas, atomic_max, atomic_min, block_dim,
                                  block_idx, global_id, grid_dim, lane_id, shared, shfl, shfl_down, shfl_up, shfl_xor,
                                  syncthreads, thread_idx)
from fastext.gpu.mode import EmulationWarning, PerformanceWarning, emulate, emulating

warp_size = 32

__all__ = [
    "kernel", "device", "thread_idx", "block_idx", "block_dim", "grid_dim", "global_id", "lane_id", "warp_size",
    "syncthreads", "shared", "atomic_add", "atomic_min", "atomic_max", "atomic_cas",
    "shfl", "shfl_down", "shfl_up", "shfl_xor", "Dim3",
    "to_device", "device_array", "device_array_like", "DeviceArray", "Stream", "Event", "Graph", "capture",
    "synchronize", "emulate", "emulating", "device_info", "EmulationWarning", "PerformanceWarning", "EmulationError", "CudaError",
]


def kernel(fn):
    """Mark a GPU entry point.  Under plain Python: an emulated kernel, launched as
    `fn[grid, block](args...)` like a compiled one."""
    from fastext.gpu.launch import EmulatedKernel

    return EmulatedKernel(fn)


def device(fn):
    """Mark a function callable from kernels.  Under plain Python: the function itself."""
    fn.__fastext_gpu_device__ = True
    return fn


def device_info() -> dict:
    """The GPU launches go to: name, compute capability, SM count, driver CUDA version
    (`{"name": "CPU emulator", ...}` in emulation mode)."""
    if emulating():
        from fastext.gpu.emulator import MAX_THREADS_PER_BLOCK

        return {"name": "CPU emulator", "compute_capability": None, "multiprocessors": 1,
                "driver_cuda_version": None, "max_threads_per_block": MAX_THREADS_PER_BLOCK}
    from fastext.gpu import driver

    return driver.info()


_LAZY = {
    "to_device": "memory", "device_array": "memory", "device_array_like": "memory", "DeviceArray": "memory",
    "Stream": "streams", "Event": "streams", "Graph": "streams", "capture": "streams", "synchronize": "streams",
    "CudaError": "driver",
}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'fastext.gpu' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"fastext.gpu.{module}"), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(_LAZY))
