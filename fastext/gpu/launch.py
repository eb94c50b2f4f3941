"""Launchable kernels: `k[grid, block](args...)`, `k[grid, block, stream, shared_mem](...)` and
`k.launch(*args, grid=, block=, shared_mem=0, stream=None)`.

`EmulatedKernel` wraps a plain Python function (`@gpu.kernel` under plain Python);
`CompiledKernel` is built by `_bind.bind` from a compiled module's descriptor and launches
its PTX through cuda-python — or, in emulation mode, runs the module's Python source.

Everything a launch can get wrong (grid/block shapes and limits, argument count, types, dtypes,
ranks, host arrays where device arrays are needed) raises TypeError/ValueError/OverflowError
naming the kernel and the parameter before anything reaches the driver.
"""
from __future__ import annotations

import contextlib
import threading
import time

import numpy as np

from fastext.gpu import emulator, mode, packing, streams
from fastext.gpu.emulator import Dim3
from fastext.gpu.params import Param, convert_scalar, params_of_function

MAX_BLOCK = (1024, 1024, 64)
MAX_THREADS_PER_BLOCK = 1024
MAX_GRID = (2**31 - 1, 65535, 65535)
_mode_state = mode.state
_MISS = packing.MISS
INVALID_CONTEXT = 201   # CUDA_ERROR_INVALID_CONTEXT


def dim3(kernel: str, what: str, value, limits) -> Dim3:
    """A grid or block shape (an int or a tuple of 1-3 ints) checked against `limits`."""
    if isinstance(value, Dim3):
        dims = tuple(value)
    elif isinstance(value, tuple):
        dims = value
    elif isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_)):
        dims = (value,)
    else:
        raise TypeError(f"{kernel}(): {what} must be an int or a tuple of 1 to 3 ints, got {type(value).__name__}")
    if not 1 <= len(dims) <= 3 or any(not isinstance(d, (int, np.integer)) or isinstance(d, (bool, np.bool_))
                                      for d in dims):
        raise TypeError(f"{kernel}(): {what} must be an int or a tuple of 1 to 3 ints, got {value!r}")
    dims = tuple(int(d) for d in dims) + (1,) * (3 - len(dims))
    for axis, (d, limit) in enumerate(zip(dims, limits)):
        if d < 1:
            raise ValueError(f"{kernel}(): {what} {dims} has a zero or negative size along {'xyz'[axis]}")
        if d > limit:
            raise ValueError(f"{kernel}(): {what} {dims} exceeds the CUDA limit {limit} along {'xyz'[axis]}")
    return Dim3(*dims)


_recorder: list | None = None    # while `recording()`: every GPU launch, for `fastext bench`


@contextlib.contextmanager
def recording():
    """Record every GPU launch made inside the block (not emulated ones) as
    `(launcher, args, host_seconds, start_event, end_event)`; the events bracket the launch
    on its stream, so `start.elapsed_time(end)` is the kernel's device time once synchronized.
    Launches take the general path meanwhile (the fast path has no hook)."""
    global _recorder
    outer, _recorder = _recorder, []
    try:
        yield _recorder
    finally:
        _recorder = outer


def _record(launcher: "Launcher", args: tuple) -> None:
    start, end = streams.Event(), streams.Event()
    start.record(launcher.stream)
    t0 = time.perf_counter()
    launcher.kernel._launch_gpu(launcher, args)
    host = time.perf_counter() - t0
    end.record(launcher.stream)
    _recorder.append((launcher, args, host, start, end))


class Launcher:
    """A kernel with its launch configuration: call it with the kernel's arguments.

    The GPU fast path (`__call__`) does, per launch: one dict lookup of the argument types'
    generated packer, one `struct.pack_into` into the kernel's parameter buffer, one
    `cuLaunchKernel` with everything else precomputed here.  Anything else — the first launch
    with new argument types, NumPy/foreign arrays, graph capture, emulation — takes
    `_call_general`."""

    __slots__ = ("kernel", "grid", "block", "shared_mem", "stream", "_gpu", "_fast", "_entry", "_fast_entry", "_cfg",
                 "_addr", "_lock")

    def __init__(self, kernel, grid, block, stream=None, shared_mem=0):
        name = kernel.__name__
        self.kernel = kernel
        self.grid = dim3(name, "grid", grid, MAX_GRID)
        self.block = dim3(name, "block", block, MAX_BLOCK)
        threads = self.block[0] * self.block[1] * self.block[2]
        if threads > MAX_THREADS_PER_BLOCK:
            raise ValueError(f"{name}(): block {tuple(self.block)} has {threads} threads; CUDA allows at most "
                             f"{MAX_THREADS_PER_BLOCK} per block")
        if not isinstance(shared_mem, (int, np.integer)) or isinstance(shared_mem, bool) or shared_mem < 0:
            raise ValueError(f"{name}(): shared_mem must be a non-negative number of bytes, got {shared_mem!r}")
        if stream is not None and not isinstance(stream, streams.Stream):
            raise TypeError(f"{name}(): stream must be a fastext.gpu.Stream (Stream.external(handle) wraps "
                            f"another library's stream), got {type(stream).__name__}")
        self.stream = stream
        self.shared_mem = int(shared_mem)
        self._gpu = False      # checked against the device yet
        self._fast = None      # packing.make_fast_launch for the argument types last launched with
        self._entry = self._fast_entry = self._cfg = self._addr = self._lock = None

    def __call__(self, *args):
        fast = self._fast
        if fast is not None and _mode_state.resolved is False and not streams.active and _recorder is None:
            err = fast(args)
            if err is not _MISS:
                if err:
                    return self.kernel._launch_failed(err, self, args)
                return None
        return self._call_general(args)

    def _call_general(self, args):
        if self.kernel._always_emulated:   # no need to look for a GPU (nor to warn there is none)
            return self.kernel._emulate(self, args)
        emulate = _mode_state.resolved
        if emulate is None:
            emulate = mode.emulating()
        if emulate:
            return self.kernel._emulate(self, args)
        if _recorder is not None:
            return _record(self, args)
        return self.kernel._launch_gpu(self, args)

    def __repr__(self) -> str:
        return f"<launch of {self.kernel.__name__} grid={self.grid!r} block={self.block!r}>"


class KernelBase:
    """The launch syntax shared by emulated and compiled kernels."""

    _always_emulated = False

    def __init__(self, name: str, params: list[Param], writes, doc: str | None):
        self.__name__ = self.__qualname__ = name
        self.__doc__ = doc
        self.params = params
        self.writes = frozenset(writes)
        self._launchers = {}

    def __getitem__(self, config) -> Launcher:
        launcher = None
        try:
            launcher = self._launchers.get(config)
        except TypeError:   # an unhashable configuration (a list): not cached
            pass
        if launcher is None:
            if not isinstance(config, tuple) or not 2 <= len(config) <= 4:
                raise TypeError(f"{self.__name__}(): launch as kernel[grid, block](...) or "
                                f"kernel[grid, block, stream, shared_mem](...)")
            launcher = Launcher(self, *config)
            try:
                if len(self._launchers) > 256:
                    self._launchers.clear()
                self._launchers[config] = launcher
            except TypeError:
                pass
        return launcher

    def launch(self, *args, grid, block, shared_mem: int = 0, stream=None):
        """Launch with keyword configuration: `k.launch(x, y, grid=(g,), block=(256,))`."""
        return Launcher(self, grid, block, stream, shared_mem)(*args)

    def __call__(self, *args, **kwargs):
        raise TypeError(f"{self.__name__}() is a GPU kernel: launch it as {self.__name__}[grid, block](...) "
                        f"or {self.__name__}.launch(..., grid=..., block=...)")

    def signature(self) -> str:
        return f"{self.__name__}({', '.join(f'{p.name}: {p.spelling}' for p in self.params)})"

    def __repr__(self) -> str:
        return f"<fastext.gpu kernel {self.signature()}>"

    def _check_count(self, args) -> None:
        if len(args) != len(self.params):
            names = ", ".join(p.name for p in self.params)
            raise TypeError(f"{self.__name__}() takes {len(self.params)} argument{'s' * (len(self.params) != 1)} "
                            f"({names}), got {len(args)}")


def _emulation_args(kernel: str, params: list[Param], args: tuple, is_async: bool, post: list) -> tuple:
    """Arguments as the emulated threads see them: arrays through PyView, scalars converted.
    GPU device arrays are copied to the host (and back after the launch, through `post`)."""
    from fastext.importer.interpreted import PyView

    from fastext.gpu.memory import DeviceArray

    out = []
    for p, value in zip(params, args):
        if p.kind == "scalar":
            out.append(convert_scalar(kernel, p, value))
            continue
        if isinstance(value, DeviceArray):
            if value.emulated:
                arr = value._host
            elif is_async:
                raise TypeError(f"{kernel}() parameter {p.name!r}: a GPU device array cannot be used by an "
                                f"emulated asynchronous launch (it is copied to the host and back)")
            else:   # e.g. a .fx module run interpreted (FASTEXT_DISABLE=1) on a machine with a GPU
                arr = value.copy_to_host()
                post.append((value, arr))
        elif isinstance(value, np.ndarray):
            if is_async and p.kind == "array":
                raise TypeError(f"{kernel}() parameter {p.name!r}: a NumPy (host) array cannot be passed to an "
                                f"asynchronous launch (on a stream or in graph capture); copy it with "
                                f"gpu.to_device first")
            arr = value
        elif p.kind == "any":
            out.append(value)
            continue
        else:
            what = f"{p.spelling} device array" if p.kind == "array" else "array"
            hint = " (emulation takes NumPy arrays and device arrays made in emulation mode)" \
                if hasattr(value, "__cuda_array_interface__") or hasattr(value, "__dlpack__") else ""
            raise TypeError(f"{kernel}() parameter {p.name!r} expects a {what}, got {type(value).__name__}{hint}")
        if p.kind == "array":
            packing.check_array(kernel, p, arr.dtype, arr.shape, not arr.flags.writeable, ())
        out.append(PyView(arr) if arr.ndim >= 1 else arr)
    return tuple(out)


class EmulatedKernel(KernelBase):
    """`@gpu.kernel` on a plain Python function: launches run in the CPU emulator."""

    _always_emulated = True

    def __init__(self, fn):
        params = params_of_function(fn)
        super().__init__(fn.__name__, params, [p.name for p in params if p.kind in ("array", "any")],
                         fn.__doc__)
        self.__wrapped__ = fn
        self.__module__ = fn.__module__
        self._threaded = None

    def _emulate(self, launcher: Launcher, args: tuple) -> None:
        self._check_count(args)
        graph = streams.capturing()
        post = []
        converted = _emulation_args(self.__name__, self.params, args, launcher.stream is not None or graph is not None,
                                    post)
        if self._threaded is None:
            self._threaded = emulator._uses_barriers(self.__wrapped__)
        fn, grid, block, threaded = self.__wrapped__, launcher.grid, launcher.block, self._threaded
        if graph is not None:
            graph._record(lambda: emulator.run(fn, grid, block, converted, threaded))
            return
        try:
            emulator.run(fn, grid, block, converted, threaded)
        finally:
            for device, host in post:
                device.copy_from_host(host)

    def _launch_gpu(self, launcher, args):   # never reached: _always_emulated
        raise AssertionError


class CompiledKernel(KernelBase):
    """A kernel of a compiled `.fx` module (from its `__fastext_gpu__()` descriptor)."""

    def __init__(self, unit, name: str, info: dict):
        from fastext.gpu.params import parse_type

        params = [parse_type(pname, ptype) for pname, ptype in info["params"]]
        super().__init__(name, params, info.get("writes", ()), info.get("doc"))
        self.__module__ = unit.module_name
        self.symbol = info["symbol"]
        self._unit = unit
        self._function = None
        self._max_threads = None
        self._layout = packing.Layout(params)
        self._packers = ({}, {})   # by argument types: synchronous launches, asynchronous ones
        self._lock = threading.Lock()

    def _emulate(self, launcher: Launcher, args: tuple) -> None:
        emulated = getattr(self._unit.interpreted(), self.__name__)
        return emulated._emulate(launcher, args)

    def _load(self):
        from fastext.gpu import driver

        if self._function is None:
            module = driver.load_module(self._unit.ptx)
            fn = driver.get_function(module, self.symbol)
            self._max_threads = driver.function_max_threads(fn)
            self._function = fn
        return self._function

    def _configure(self, launcher: Launcher) -> None:
        """Device-specific checks of a launch configuration and its precomputed launch arguments,
        once per Launcher."""
        from fastext.gpu import driver

        ctx = driver.context()
        fn = self._load()
        name = self.__name__
        threads = launcher.block[0] * launcher.block[1] * launcher.block[2]
        if threads > self._max_threads:
            raise ValueError(f"{name}(): block {tuple(launcher.block)} has {threads} threads; this kernel can run at "
                             f"most {self._max_threads} per block on {ctx.name} (registers)")
        if launcher.shared_mem > ctx.max_shared_per_block:
            raise ValueError(f"{name}(): shared_mem={launcher.shared_mem} exceeds the device's "
                             f"{ctx.max_shared_per_block} bytes per block")
        if launcher.shared_mem > 48 * 1024:
            driver.allow_dynamic_shared(fn, launcher.shared_mem)
        stream = launcher.stream
        handle = ctx.default_stream if stream is None else stream.handle
        entry, fn_arg, handle_arg, returns_tuple = driver.launch_entry(fn, handle)
        launcher._entry = entry if returns_tuple else (lambda *a: (entry(*a),))
        launcher._fast_entry = (entry, returns_tuple)
        launcher._cfg = (fn_arg, *launcher.grid, *launcher.block, launcher.shared_mem, handle_arg)
        launcher._addr = self._layout.params_addr
        launcher._lock = self._lock
        launcher._gpu = True

    def _launch_gpu(self, launcher: Launcher, args: tuple, retry: bool = True) -> None:
        if not launcher._gpu:
            self._configure(launcher)
        graph = streams._tls_graph()
        cfg = launcher._cfg
        if graph is not None and launcher.stream is None:
            handle = graph.stream.handle
            cfg = cfg[:-1] + (handle if launcher._fast_entry[1] else int(handle),)
        is_async = launcher.stream is not None or graph is not None
        key = tuple(map(type, args))
        packers = self._packers[is_async]
        pack = packers.get(key)
        if pack is None:
            self._check_count(args)
            pack = packers[key] = packing.make_packer(self.__name__, self.params, self.writes, self._layout, key)
        post = None if is_async else []
        keep = []
        with self._lock:
            pack(args, post, keep)
            err = launcher._entry(*cfg, launcher._addr, 0)[0]
        if err:
            return self._launch_failed(err, launcher, args, retry=retry and not post)
        if post:
            packing.copy_back(post)
        elif pack.simple and graph is None and launcher._fast is None:
            # this launcher's next launches with the same argument types take the fast path
            launcher._fast = packing.make_fast_launch(self.params, self._layout, key, self._lock,
                                                      *launcher._fast_entry, launcher._cfg)

    def _launch_failed(self, err, launcher: Launcher, args: tuple, retry: bool = True):
        """A failed cuLaunchKernel (nothing was launched).  A thread that never used the context
        has none current (the driver API does not make one current per thread): make it current
        and launch again — so the fast path need not check the thread on every launch."""
        from fastext.gpu import driver

        if retry and int(err) == INVALID_CONTEXT:
            driver.context()
            return self._launch_gpu(launcher, args, retry=False)
        driver.check((err,), f"cuLaunchKernel({self.__name__})")
