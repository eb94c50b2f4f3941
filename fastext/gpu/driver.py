"""Every call into the CUDA driver, through cuda-python (`cuda.bindings.driver`), in one place.

Imported lazily (first real launch or device array): `import fastext.gpu` never loads
cuda-python.  Works with cuda-bindings 12.x and 13.x (only driver-API entry points whose
Python signatures are the same in both are used).  The process uses the primary context of one
device (FASTEXT_GPU_DEVICE, default 0) — the context CuPy, PyTorch and Numba use too, so their
arrays are valid in our launches.

PTX becomes a cubin once per (PTX, arch, device, driver): the driver's JIT linker (cuLink*)
compiles it, and the cubin is kept on disk under `<fastext cache>/gpu/` so that later processes
load it without the JIT.
"""
from __future__ import annotations

import hashlib
import os
import re
import threading

_cu = None          # cuda.bindings.driver once loaded
_ctx = None         # the Context
_lock = threading.RLock()
_tls = threading.local()


class CudaError(RuntimeError):
    """A CUDA driver call failed; the message names the call and the CUresult."""


def _driver():
    global _cu
    if _cu is None:
        try:
            from cuda.bindings import driver as cu
        except ImportError:
            from cuda import cuda as cu   # cuda-python < 12.6 spelling
        _cu = cu
    return _cu


def check(result, what: str):
    """The values of a cuda-python result tuple `(CUresult, *values)`, or CudaError."""
    err = result[0]
    if err:
        cu = _driver()
        name = cu.cuGetErrorName(err)
        label = name[1].decode() if not name[0] and isinstance(name[1], bytes) else repr(err)
        raise CudaError(f"{what} failed: {label}")
    if len(result) == 1:
        return None
    return result[1] if len(result) == 2 else result[1:]


def unavailable_reason() -> str | None:
    """None when a GPU can be used, else why not (cuda-python missing, no driver, no device)."""
    try:
        cu = _driver()
    except ImportError:
        return "cuda-python is not installed (pip install 'fastext[gpu]')"
    try:
        check(cu.cuInit(0), "cuInit")
        count = check(cu.cuDeviceGetCount(), "cuDeviceGetCount")
    except Exception as e:   # a missing libcuda raises from inside cuda-python, not as a CUresult
        return f"the CUDA driver cannot be used: {e}"
    if not count:
        return "no CUDA device"
    return None


def arch_number(arch: str) -> int:
    """`sm_90` → 90, `sm_90a` → 90, `sm_100` → 100."""
    m = re.fullmatch(r"(?:sm|compute)_(\d+)[a-z]?", arch)
    if not m:
        raise ValueError(f"not a GPU architecture name: {arch!r}")
    return int(m.group(1))


def pick_arch(archs, cc: tuple[int, int]) -> str:
    """The highest listed architecture the device (compute capability `cc`) can run: PTX is
    forward compatible, so the highest one ≤ major*10+minor."""
    device = cc[0] * 10 + cc[1]
    usable = [(arch_number(a), a) for a in archs if not a.endswith("a") or arch_number(a) == device]
    usable = [(n, a) for n, a in usable if n <= device]
    if not usable:
        raise CudaError(f"the module has PTX for {', '.join(sorted(archs))} only; the device is "
                        f"sm_{device} (rebuild with FASTEXT_GPU_ARCHS including an arch <= sm_{device})")
    return max(usable)[1]


def cubin_cache_dir() -> str:
    """`<FASTEXT_CACHE_DIR or the user cache root>/gpu`."""
    from fastext.config import cache_dir_override
    from fastext.importer.cache import user_cache_root

    return os.path.join(cache_dir_override() or user_cache_root(), "gpu")


def cubin_key(ptx: str, arch: str, cc: tuple[int, int], driver_version: int) -> str:
    """The on-disk name of the cubin compiled from `ptx`: sha256 of everything it depends on."""
    h = hashlib.sha256()
    for part in (ptx, arch, f"sm_{cc[0]}{cc[1]}", str(driver_version)):
        h.update(part.encode())
        h.update(b"\0")
    return h.hexdigest()


class Context:
    """The primary context of the chosen device, its properties, and the modules loaded in it."""

    def __init__(self, ordinal: int):
        cu = _driver()
        check(cu.cuInit(0), "cuInit")
        self.ordinal = ordinal
        self.device = check(cu.cuDeviceGet(ordinal), f"cuDeviceGet({ordinal})")
        self.handle = check(cu.cuDevicePrimaryCtxRetain(self.device), "cuDevicePrimaryCtxRetain")
        check(cu.cuCtxSetCurrent(self.handle), "cuCtxSetCurrent")
        attr = cu.CUdevice_attribute

        def get(name):
            return check(cu.cuDeviceGetAttribute(getattr(attr, name), self.device), name)

        self.cc = (get("CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR"),
                   get("CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR"))
        self.max_threads_per_block = get("CU_DEVICE_ATTRIBUTE_MAX_THREADS_PER_BLOCK")
        self.max_block = (get("CU_DEVICE_ATTRIBUTE_MAX_BLOCK_DIM_X"), get("CU_DEVICE_ATTRIBUTE_MAX_BLOCK_DIM_Y"),
                          get("CU_DEVICE_ATTRIBUTE_MAX_BLOCK_DIM_Z"))
        self.max_grid = (get("CU_DEVICE_ATTRIBUTE_MAX_GRID_DIM_X"), get("CU_DEVICE_ATTRIBUTE_MAX_GRID_DIM_Y"),
                         get("CU_DEVICE_ATTRIBUTE_MAX_GRID_DIM_Z"))
        self.max_shared_per_block = get("CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_BLOCK_OPTIN")
        self.multiprocessors = get("CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT")
        self.driver_version = check(cu.cuDriverGetVersion(), "cuDriverGetVersion")
        name = check(cu.cuDeviceGetName(256, self.device), "cuDeviceGetName")
        self.name = name.split(b"\0", 1)[0].decode(errors="replace") if isinstance(name, bytes) else str(name)
        self.modules = {}            # sha256 of the descriptor's PTX set -> CUmodule
        self.default_stream = cu.CUstream(0)
        _tls.current = self

    def make_current(self) -> None:
        check(_driver().cuCtxSetCurrent(self.handle), "cuCtxSetCurrent")
        _tls.current = self


def info() -> dict:
    """The device's name, compute capability, SM count and the driver's CUDA version."""
    ctx = context()
    v = ctx.driver_version
    return {"name": ctx.name, "compute_capability": ctx.cc, "multiprocessors": ctx.multiprocessors,
            "driver_cuda_version": f"{v // 1000}.{v % 1000 // 10}", "ordinal": ctx.ordinal}


def context() -> Context:
    """The process's context, made current in the calling thread (created on first use)."""
    ctx = _ctx
    if ctx is not None and getattr(_tls, "current", None) is ctx:
        return ctx
    return _slow_context()


def _slow_context() -> Context:
    global _ctx
    with _lock:
        if _ctx is None:
            reason = unavailable_reason()
            if reason is not None:
                raise CudaError(f"no GPU to launch on: {reason}; use fastext.gpu.emulate(True) "
                                f"(or FASTEXT_GPU_EMULATE=1) to run kernels in the CPU emulator")
            _ctx = Context(int(os.environ.get("FASTEXT_GPU_DEVICE", "0") or 0))
    if getattr(_tls, "current", None) is not _ctx:
        _ctx.make_current()
    return _ctx


# -- modules -------------------------------------------------------------------------------------

def _link_ptx(ptx: bytes) -> bytes:
    """PTX → cubin for the current context's device with the driver's JIT linker."""
    import ctypes

    cu = _driver()
    state = check(cu.cuLinkCreate(0, [], []), "cuLinkCreate")
    try:
        check(cu.cuLinkAddData(state, cu.CUjitInputType.CU_JIT_INPUT_PTX, ptx, len(ptx), b"kernels.ptx",
                               0, [], []), "cuLinkAddData (ptxas rejected the PTX)")
        cubin, size = check(cu.cuLinkComplete(state), "cuLinkComplete")
        return ctypes.string_at(int(cubin), int(size))
    finally:
        cu.cuLinkDestroy(state)


def load_module(ptx_by_arch: dict) -> object:
    """The CUmodule for a descriptor's PTX in the current context (loaded once per process;
    the cubin is read from / written to the disk cache)."""
    ctx = context()
    ident = hashlib.sha256(repr(sorted(ptx_by_arch.items())).encode()).hexdigest()
    module = ctx.modules.get(ident)
    if module is not None:
        return module
    with _lock:
        module = ctx.modules.get(ident)
        if module is not None:
            return module
        cu = _driver()
        arch = pick_arch(ptx_by_arch, ctx.cc)
        ptx = ptx_by_arch[arch]
        key = cubin_key(ptx, arch, ctx.cc, ctx.driver_version)
        path = os.path.join(cubin_cache_dir(), key + ".cubin")
        image = None
        try:
            image = _read_cached(path)
        except OSError:
            pass
        if image is None:
            try:
                image = _link_ptx(ptx.encode() + b"\0")
            except CudaError:
                image = None
            if image is not None:
                _write_atomic(path, image)
        if image is None:   # no JIT linker result: let cuModuleLoadData JIT the PTX (not cached)
            image = ptx.encode() + b"\0"
        module = check(cu.cuModuleLoadData(image), f"cuModuleLoadData ({arch} for sm_{ctx.cc[0]}{ctx.cc[1]})")
        ctx.modules[ident] = module
        return module


def _read_cached(path: str) -> bytes:
    """A cached cubin, trusted as the import cache trusts its builds (docs/caching.md, "What the
    cache trusts"): in a folder of this user (or root) that nobody else may write, a regular file
    of theirs, never through a link — a planted cubin would run as this process on the GPU."""
    from fastext.importer import cache

    if not cache.usable_dir(os.path.dirname(path)):
        raise PermissionError(f"{os.path.dirname(path)} is not a private folder of this user")
    return cache._read_bytes(path, trusted_only=True)


def _write_atomic(path: str, data: bytes) -> None:
    from fastext.importer import cache, store

    try:
        store.make_private_dirs(os.path.dirname(path))
        if cache.usable_dir(os.path.dirname(path)):  # never into a folder others could write
            store.write_atomic(path, data)
    except OSError:
        pass   # an unwritable cache only costs the JIT next time


def get_function(module, symbol: str):
    """The CUfunction `symbol` of a loaded module."""
    return check(_driver().cuModuleGetFunction(module, symbol.encode()), f"cuModuleGetFunction({symbol!r})")


def function_max_threads(fn) -> int:
    """The most threads per block `fn` can be launched with (its register use limits it)."""
    cu = _driver()
    return int(check(cu.cuFuncGetAttribute(cu.CUfunction_attribute.CU_FUNC_ATTRIBUTE_MAX_THREADS_PER_BLOCK, fn),
                     "cuFuncGetAttribute"))


_ctypes_launch = None


def allow_dynamic_shared(fn, nbytes: int) -> None:
    """Let `fn` launch with `nbytes` of dynamic shared memory (needed above 48 KiB)."""
    cu = _driver()
    check(cu.cuFuncSetAttribute(fn, cu.CUfunction_attribute.CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES, nbytes),
          "cuFuncSetAttribute(MAX_DYNAMIC_SHARED_SIZE_BYTES)")


def launch_entry(fn, stream, kind: str | None = None) -> tuple:
    """(cuLaunchKernel callable, the function and stream arguments it takes, whether it returns a
    cuda-python result tuple) — what a kernel's fast path calls on every launch.

    `kind` (default FASTEXT_GPU_LAUNCH_ENTRY, else "bindings"): "bindings" is cuda-python's
    `cuLaunchKernel`; "ctypes" calls libcuda's `cuLaunchKernel` through ctypes with plain integer
    handles (benchmarks/gpu/run.py times both)."""
    kind = kind or os.environ.get("FASTEXT_GPU_LAUNCH_ENTRY", "bindings")
    if kind == "ctypes":
        global _ctypes_launch
        if _ctypes_launch is None:
            import ctypes
            import ctypes.util

            lib = ctypes.CDLL(ctypes.util.find_library("cuda") or "libcuda.so.1")
            f = lib.cuLaunchKernel
            f.argtypes = [ctypes.c_void_p] + [ctypes.c_uint] * 7 + [ctypes.c_void_p] * 3
            f.restype = ctypes.c_int
            _ctypes_launch = f
        return _ctypes_launch, int(fn), int(stream), False
    if kind != "bindings":
        raise ValueError(f"FASTEXT_GPU_LAUNCH_ENTRY must be 'bindings' or 'ctypes', got {kind!r}")
    return _driver().cuLaunchKernel, fn, stream, True


# -- memory ------------------------------------------------------------------------------------

class DeviceMemory:
    """An allocation of `nbytes` device bytes, freed when the object goes."""

    __slots__ = ("ptr", "nbytes", "__weakref__")

    def __init__(self, nbytes: int):
        context()
        self.nbytes = nbytes
        self.ptr = int(check(_driver().cuMemAlloc(nbytes), f"cuMemAlloc({nbytes})")) if nbytes else 0

    def __del__(self):
        cu = _cu
        if self.ptr and cu is not None:
            try:
                cu.cuMemFree(self.ptr)
            except Exception:   # interpreter shutdown
                pass
            self.ptr = 0


def _stream(stream) -> object:
    return context().default_stream if stream is None else stream


def copy_htod(dst: int, src: int, nbytes: int, stream=None) -> None:
    if nbytes:
        context()   # current in this thread
        cu = _driver()
        if stream is None:
            check(cu.cuMemcpyHtoD(dst, src, nbytes), "cuMemcpyHtoD")
        else:
            check(cu.cuMemcpyHtoDAsync(dst, src, nbytes, stream), "cuMemcpyHtoDAsync")


def copy_dtoh(dst: int, src: int, nbytes: int, stream=None) -> None:
    if nbytes:
        context()   # current in this thread
        cu = _driver()
        if stream is None:
            check(cu.cuMemcpyDtoH(dst, src, nbytes), "cuMemcpyDtoH")
        else:
            check(cu.cuMemcpyDtoHAsync(dst, src, nbytes, stream), "cuMemcpyDtoHAsync")


def copy_dtod(dst: int, src: int, nbytes: int, stream=None) -> None:
    if nbytes:
        context()   # current in this thread
        cu = _driver()
        if stream is None:
            check(cu.cuMemcpyDtoD(dst, src, nbytes), "cuMemcpyDtoD")
        else:
            check(cu.cuMemcpyDtoDAsync(dst, src, nbytes, stream), "cuMemcpyDtoDAsync")


def memset_d8(dst: int, value: int, nbytes: int) -> None:
    if nbytes:
        check(_driver().cuMemsetD8(dst, value, nbytes), "cuMemsetD8")


def synchronize() -> None:
    """Wait for all work on the device."""
    context()
    check(_driver().cuCtxSynchronize(), "cuCtxSynchronize")


# -- streams, events, graphs -----------------------------------------------------------------------

def stream_create(non_blocking: bool):
    context()
    cu = _driver()
    flags = cu.CUstream_flags.CU_STREAM_NON_BLOCKING if non_blocking else cu.CUstream_flags.CU_STREAM_DEFAULT
    return check(cu.cuStreamCreate(int(flags)), "cuStreamCreate")


def stream_wrap(handle: int):
    return _driver().CUstream(handle)


def stream_destroy(handle) -> None:
    if _cu is not None:
        try:
            _cu.cuStreamDestroy(handle)
        except Exception:
            pass


def stream_synchronize(handle) -> None:
    check(_driver().cuStreamSynchronize(handle), "cuStreamSynchronize")


def stream_wait_event(stream, event) -> None:
    check(_driver().cuStreamWaitEvent(stream, event, 0), "cuStreamWaitEvent")


def event_create(timing: bool):
    context()
    cu = _driver()
    flags = cu.CUevent_flags.CU_EVENT_DEFAULT if timing else cu.CUevent_flags.CU_EVENT_DISABLE_TIMING
    return check(cu.cuEventCreate(int(flags)), "cuEventCreate")


def event_destroy(handle) -> None:
    if _cu is not None:
        try:
            _cu.cuEventDestroy(handle)
        except Exception:
            pass


def event_record(event, stream) -> None:
    check(_driver().cuEventRecord(event, _stream(stream)), "cuEventRecord")


def event_synchronize(event) -> None:
    check(_driver().cuEventSynchronize(event), "cuEventSynchronize")


def event_query(event) -> bool:
    cu = _driver()
    err = cu.cuEventQuery(event)[0]
    if err == cu.CUresult.CUDA_ERROR_NOT_READY:
        return False
    check((err,), "cuEventQuery")
    return True


def event_elapsed_ms(start, end) -> float:
    return float(check(_driver().cuEventElapsedTime(start, end), "cuEventElapsedTime"))


def capture_begin(stream) -> None:
    cu = _driver()
    mode = cu.CUstreamCaptureMode.CU_STREAM_CAPTURE_MODE_THREAD_LOCAL
    check(cu.cuStreamBeginCapture(stream, mode), "cuStreamBeginCapture")


def capture_end(stream):
    """The captured CUgraph, instantiated: (graph, graph_exec)."""
    cu = _driver()
    graph = check(cu.cuStreamEndCapture(stream), "cuStreamEndCapture")
    exe = check(cu.cuGraphInstantiate(graph, 0), "cuGraphInstantiate")
    return graph, exe


def graph_launch(exe, stream) -> None:
    check(_driver().cuGraphLaunch(exe, _stream(stream)), "cuGraphLaunch")


def graph_destroy(graph, exe) -> None:
    if _cu is not None:
        try:
            _cu.cuGraphExecDestroy(exe)
            _cu.cuGraphDestroy(graph)
        except Exception:
            pass
