"""A stand-in for fastext/gpu/driver.py on a machine without a GPU: "device" memory is host
memory, and cuLaunchKernel decodes the kernelParams block exactly as the CUDA driver would
(each pointer read with the PTX parameter's width) and runs the kernel's Python source in the
emulator over arrays rebuilt from the decoded pointers, shapes and byte strides.  So the whole
GPU launch path — packing, argument kinds, NumPy copy-in/copy-back — is exercised, and a wrong
byte anywhere in the parameter block gives a wrong result.
"""
from __future__ import annotations

import ctypes
import struct
import time

import numpy as np

from fastext.gpu import driver, emulator
from fastext.gpu.packing import slot_format
from fastext.importer.interpreted import PyView


class FakeMemory:
    allocations = {}

    def __init__(self, nbytes):
        self.nbytes = nbytes
        self._buf = ctypes.create_string_buffer(max(nbytes, 1))
        self.ptr = ctypes.addressof(self._buf) if nbytes else 0
        FakeMemory.allocations[self.ptr] = self


class FakeContext:
    name = "FakeGPU"
    cc = (9, 0)
    driver_version = 12080
    max_shared_per_block = 232448
    default_stream = "legacy-stream"


class FakeFunction:
    def __init__(self, fn, params):
        self.fn, self.params = fn, params


class FakeDriver:
    """Install with `FakeDriver(monkeypatch, interpreted_module, ...)`; `.launches` records each call."""

    def __init__(self, monkeypatch, *interpreted):
        self.interpreted = interpreted   # the modules whose kernels the "PTX" symbols name
        self.launches = []
        self.ctx = FakeContext()
        monkeypatch.setattr(driver, "context", lambda: self.ctx)
        monkeypatch.setattr(driver, "DeviceMemory", FakeMemory)
        mover = lambda dst, src, n, stream=None: ctypes.memmove(dst, src, n) if n else None  # noqa: E731
        monkeypatch.setattr(driver, "copy_htod", mover)
        monkeypatch.setattr(driver, "copy_dtoh", mover)
        monkeypatch.setattr(driver, "copy_dtod", mover)
        monkeypatch.setattr(driver, "load_module", lambda ptx: ("module", tuple(sorted(ptx))))
        monkeypatch.setattr(driver, "get_function", self.get_function)
        monkeypatch.setattr(driver, "function_max_threads", lambda fn: 512)
        monkeypatch.setattr(driver, "launch_entry", lambda fn, stream: (self.launch, fn, stream, True))
        monkeypatch.setattr(driver, "stream_synchronize", lambda handle: None)
        monkeypatch.setattr(driver, "stream_wrap", lambda handle: handle)
        # events time the host clock (launches run synchronously here); enough for benchmarks/gpu/run.py
        monkeypatch.setattr(driver, "event_create", lambda timing: [None])
        monkeypatch.setattr(driver, "event_destroy", lambda handle: None)
        monkeypatch.setattr(driver, "event_record", lambda handle, stream: handle.__setitem__(0, time.perf_counter()))
        monkeypatch.setattr(driver, "event_synchronize", lambda handle: None)
        monkeypatch.setattr(driver, "event_elapsed_ms", lambda start, end: (end[0] - start[0]) * 1e3)
        monkeypatch.setattr(driver, "synchronize", lambda: None)
        monkeypatch.setattr(driver, "unavailable_reason", lambda: None)
        monkeypatch.setattr(driver, "info", lambda: {"name": "FakeGPU", "compute_capability": (9, 0),
                                                      "multiprocessors": 2, "driver_cuda_version": "12.8"})

    def get_function(self, module, symbol):
        name = symbol[len("fxk_"):]
        kernel = next((getattr(m, name) for m in self.interpreted if hasattr(m, name)), None)
        if kernel is None:   # a kernel only the test's descriptor has: loads, but must never launch
            return FakeFunction(None, None)
        return FakeFunction(kernel.__wrapped__, kernel.params)

    def launch(self, f, gx, gy, gz, bx, by, bz, shmem, stream, params_addr, extra):
        nslots = sum(len(slot_format(p)) for p in f.params)
        pointers = (ctypes.c_void_p * nslots).from_address(params_addr)
        slots = []
        k = 0
        for p in f.params:
            for ch in slot_format(p):
                slots.append(struct.unpack(ch, ctypes.string_at(pointers[k], struct.calcsize(ch)))[0])
                k += 1
        args = []
        pos = 0
        for p in f.params:
            if p.kind == "array":
                ptr, shape = slots[pos], tuple(slots[pos + 1:pos + 1 + p.ndim])
                strides = tuple(slots[pos + 1 + p.ndim:pos + 1 + 2 * p.ndim])
                pos += 1 + 2 * p.ndim
                extent = sum((n - 1) * s for n, s in zip(shape, strides)) + p.dtype.itemsize if all(shape) else 0
                raw = (ctypes.c_char * max(extent, 1)).from_address(ptr)
                arr = np.ndarray(shape, p.dtype, buffer=raw, strides=strides)
                args.append(PyView(arr))
            elif p.type_name in ("c64", "c128"):
                args.append(complex(slots[pos], slots[pos + 1]))
                pos += 2
            else:
                args.append(slots[pos])
                pos += 1
        self.launches.append(((gx, gy, gz), (bx, by, bz), shmem, stream, tuple(slots)))
        emulator.run(f.fn, emulator.Dim3(gx, gy, gz), emulator.Dim3(bx, by, bz), tuple(args))
        return (0,)
