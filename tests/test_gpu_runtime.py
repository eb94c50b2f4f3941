"""The GPU launch path without a GPU: descriptor binding, the kernel-parameter ABI (byte for
byte), argument kinds (device arrays, __cuda_array_interface__, DLPack, NumPy copy-in/back),
launch validation, the emulation switch, and the pieces of driver.py that need no driver.

The driver itself is replaced by tests/gpu_fake_driver.py, whose cuLaunchKernel decodes the
parameter block as CUDA does and runs the kernel source in the emulator over the decoded
pointers — so a packing mistake shows up as a wrong result, not just a wrong byte.
"""
from __future__ import annotations

import ctypes
import json
import os
import struct
import subprocess
import sys
import types
import warnings

import numpy as np
import pytest

import fastext
from fastext import gpu
from fastext.gpu import _bind, driver, packing
from fastext.gpu.params import parse_type

from gpu_fake_driver import FakeDriver

FX = os.path.join(os.path.dirname(__file__), "fx", "gpu_emul.fx")
ARR1, ARR2 = "f32[:]", "f32[:, :]"

KERNELS = {
    "saxpy": {"symbol": "fxk_saxpy", "params": [["a", "f32"], ["x", ARR1], ["y", ARR1], ["out", ARR1]],
              "writes": ["out"], "doc": "out = a*x + y"},
    "block_sum": {"symbol": "fxk_block_sum", "params": [["x", ARR1], ["out", ARR1]], "writes": ["out"]},
    # `writes` deliberately empty: NumPy arguments are then not copied back (checked below)
    "stencil5": {"symbol": "fxk_stencil5", "params": [["a", ARR2], ["out", ARR2]], "writes": []},
    "sgemm_tiled": {"symbol": "fxk_sgemm_tiled", "params": [["a", ARR2], ["b", ARR2], ["c", ARR2]],
                    "writes": ["c"]},
    "histogram": {"symbol": "fxk_histogram", "params": [["x", "i32[:]"], ["bins", "i32[:]"]], "writes": ["bins"]},
}


def descriptor(**changes) -> bytes:
    d = {"version": 1, "module": "gpu_emul", "source": FX,
         "ptx": {"sm_80": "// fake ptx 80", "sm_90": "// fake ptx 90"}, "kernels": KERNELS}
    d.update(changes)
    return json.dumps(d).encode()


def fake_module(data: bytes, name="gpu_emul"):
    mod = types.ModuleType(name)
    mod.__fastext_gpu__ = lambda: data
    return mod


@pytest.fixture(scope="module")
def interpreted():
    return fastext.load_interpreted(FX)


@pytest.fixture
def m():
    mod = fake_module(descriptor())
    _bind.bind(mod)
    return mod


@pytest.fixture
def fake(monkeypatch, interpreted):
    gpu.emulate(False)
    yield FakeDriver(monkeypatch, interpreted)
    gpu.emulate(None)


class CAI:
    """A foreign device array (as CuPy / PyTorch / Numba export it) over host memory."""

    def __init__(self, arr, readonly=False, stream=None, strides=True):
        self.arr = arr
        self.__cuda_array_interface__ = {
            "shape": arr.shape, "typestr": arr.dtype.str, "data": (arr.ctypes.data, readonly),
            "strides": arr.strides if strides else None, "version": 3, "stream": stream}


# -- binding ------------------------------------------------------------------------------------------

def test_bind_sets_one_kernel_per_entry(m):
    assert m.saxpy.signature() == "saxpy(a: f32, x: f32[:], y: f32[:], out: f32[:])"
    assert m.saxpy.__doc__ == "out = a*x + y" and m.saxpy.symbol == "fxk_saxpy"
    assert m.saxpy.writes == {"out"} and m.stencil5.params[0].ndim == 2
    with pytest.raises(TypeError, match=r"saxpy\[grid, block\]"):
        m.saxpy(1.0)


@pytest.mark.parametrize("data,words", [
    (b"not json", "Expecting value"),
    (descriptor(version=7), "version"),
    (descriptor(ptx=["x"]), "'ptx'"),
    (descriptor(kernels={"k": {"params": []}}), "'symbol'"),
    (descriptor(kernels={"k": {"symbol": "fxk_k", "params": [["x", "f33[:]"]]}}), "bad array type"),
    (descriptor(kernels={"k": {"symbol": "fxk_k", "params": [["x", "str"]]}}), "unknown type 'str'"),
])
def test_bind_errors_are_import_errors_naming_the_module(data, words):
    with pytest.raises(ImportError, match=words) as info:
        _bind.bind(fake_module(data, "mymod"))
    assert "mymod" in str(info.value)


def test_import_and_bind_load_neither_cuda_nor_numpy():
    code = ("import sys, types, fastext.gpu, fastext.gpu._bind\n"
            "assert 'cuda' not in sys.modules and 'numpy' not in sys.modules, sorted(sys.modules)\n"
            "from fastext import gpu\n"
            "@gpu.device\n"
            "def f(x): return x\n"
            "assert 'cuda' not in sys.modules\n")
    subprocess.run([sys.executable, "-c", code], check=True)


# -- the parameter ABI, byte for byte ------------------------------------------------------------------------

def test_layout_bytes_follow_the_abi(fake):
    params = [parse_type(n, t) for n, t in [("a", "f32"), ("m", "f64[:, :]"), ("n", "i32"), ("c", "c64"),
                                            ("flag", "bool"), ("b", "u8"), ("d", "f64"), ("z", "c128"),
                                            ("v", "i64[:]"), ("h", "i16")]]
    layout = packing.Layout(params)
    assert layout.chars == "f" + "Qqqqq" + "i" + "ff" + "?" + "B" + "d" + "dd" + "Qqq" + "h"
    dm = gpu.device_array((3, 4), np.float64)
    dv = gpu.device_array(5, np.int64)
    args = (1.5, dm, -7, 1 + 2j, True, 200, 0.25, complex(0.0, -3.0), dv, -2)
    pack = packing.make_packer("k", params, frozenset(), layout, tuple(map(type, args)))
    pack(args, [], [])
    expected = [("f", 1.5), ("Q", dm.device_ptr), ("q", 3), ("q", 4), ("q", 32), ("q", 8), ("i", -7),
                ("f", 1.0), ("f", 2.0), ("?", True), ("B", 200), ("d", 0.25), ("d", 0.0), ("d", -3.0),
                ("Q", dv.device_ptr), ("q", 5), ("q", 8), ("h", -2)]
    assert len(expected) == len(layout.chars)
    for k, (ch, value) in enumerate(expected):
        assert layout.slot_bytes(k) == struct.pack(ch, value), (k, ch, value)
        assert layout.offsets[k] % struct.calcsize(ch) == 0      # natural alignment
        assert layout.pointers[k] == ctypes.addressof(layout.buffer) + layout.offsets[k]


def test_fast_and_slow_packers_write_the_same_bytes(fake):
    params = [parse_type("a", "f32"), parse_type("n", "u16"), parse_type("flag", "bool")]
    layout = packing.Layout(params)
    fast = packing.make_packer("k", params, frozenset(), layout, (float, int, bool))
    fast((1e300, 65535, False), [], [])   # f32 overflow → slow path → inf, like f32(1e300)
    assert layout.slot_bytes(0) == struct.pack("f", float("inf"))
    assert layout.slot_bytes(1) == struct.pack("H", 65535)
    via_numpy = packing.make_packer("k", params, frozenset(), layout, (np.float32, np.uint16, np.bool_))
    via_numpy((np.float32(2.5), np.uint16(9), np.bool_(True)), [], [])
    assert [layout.slot_bytes(k) for k in range(3)] == [struct.pack("f", 2.5), struct.pack("H", 9), b"\x01"]


# -- end to end through the (fake) driver -----------------------------------------------------------------

def test_saxpy_device_arrays(m, fake):
    rng = np.random.default_rng(0)
    x, y = rng.random(1000, dtype=np.float32), rng.random(1000, dtype=np.float32)
    dx, dy, dout = gpu.to_device(x), gpu.to_device(y), gpu.device_array_like(x)
    assert not dx.emulated
    m.saxpy[4, 256](2.0, dx, dy, dout)
    np.testing.assert_allclose(dout.copy_to_host(), np.float32(2) * x + y, rtol=1e-6)
    grid, block, shmem, stream, slots = fake.launches[-1]
    assert (grid, block, shmem, stream) == ((4, 1, 1), (256, 1, 1), 0, "legacy-stream")
    assert slots[:4] == (2.0, dx.device_ptr, 1000, 4)
    m.saxpy[4, 256](3.0, dx, dy, dout)       # same types: the generated packer is reused
    assert len(m.saxpy._packers[False]) == 1
    np.testing.assert_allclose(dout.copy_to_host(), np.float32(3) * x + y, rtol=1e-6)


def test_fast_path_falls_back_to_the_checks(m, fake):
    x = gpu.to_device(np.arange(8, dtype=np.float32))
    launch = m.saxpy[1, 32]
    launch(1.0, x, x, x)
    assert launch._fast is not None and "_pack_into" in launch._fast.source
    launch(1.0, x, x, x)                       # the fast path: x = 1*x + x
    np.testing.assert_array_equal(x.copy_to_host(), 4 * np.arange(8))
    n = len(fake.launches)
    with pytest.raises(TypeError, match="'x' expects a f32\\[:\\] device array, got a float64"):
        launch(1.0, gpu.device_array(8, np.float64), x, x)
    with pytest.raises(TypeError, match="'y' expects a f32\\[:\\] device array, got an emulated"):
        launch(1.0, x, gpu.memory.DeviceArray(8, _emulated=True), x)
    with pytest.raises(TypeError, match="takes 4 arguments"):
        launch(1.0, x, x)
    assert len(fake.launches) == n
    launch(2, x, x, x)                         # an int for f32: other types, the general path
    np.testing.assert_array_equal(x.copy_to_host(), 12 * np.arange(8))


def test_numpy_arguments_copied_in_and_back_with_one_warning(m, fake):
    packing._Warned.numpy.discard("saxpy")
    x = np.arange(10, dtype=np.float32)
    out = np.zeros(10, np.float32)
    with pytest.warns(gpu.PerformanceWarning, match="copied to the GPU"):
        m.saxpy[1, 32](1.0, x, x, out)
    np.testing.assert_array_equal(out, 2 * x)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        m.saxpy[1, 32](2.0, x, x, out)      # warned once per kernel
    np.testing.assert_array_equal(out, 3 * x)


def test_numpy_copy_back_only_for_written_parameters(m, fake):
    a = np.random.default_rng(1).random((6, 7), dtype=np.float32)
    out = np.zeros((6, 7), np.float32)
    with pytest.warns(gpu.PerformanceWarning):
        m.stencil5[(1, 1), (8, 8)](a, out)   # the descriptor says stencil5 writes nothing
    assert (out == 0).all()
    dout = gpu.to_device(out)
    m.stencil5[(1, 1), (8, 8)](gpu.to_device(a), dout)
    assert (dout.copy_to_host()[1:-1, 1:-1] != 0).all()


def test_cuda_array_interface_zero_copy_and_strides(m, fake):
    rng = np.random.default_rng(2)
    a = rng.random((9, 12), dtype=np.float32)
    t = np.asfortranarray(rng.random((12, 9), dtype=np.float32)).T    # a non-C-contiguous view
    out = np.zeros((9, 12), np.float32)
    m.stencil5[(2, 2), (8, 8)](CAI(t), CAI(out))
    ref = np.zeros_like(t)
    ref[1:-1, 1:-1] = np.float32(0.25) * (t[:-2, 1:-1] + t[2:, 1:-1] + t[1:-1, :-2] + t[1:-1, 2:]) - t[1:-1, 1:-1]
    np.testing.assert_allclose(out, ref, rtol=1e-5, atol=1e-6)       # written in place: zero copy
    c = np.zeros((9, 9), np.float32)
    m.sgemm_tiled[(1, 1), (16, 16)](CAI(a, strides=False), CAI(np.ascontiguousarray(a.T)), CAI(c, stream=1))
    np.testing.assert_allclose(c, a @ a.T, rtol=1e-4)


def test_reductions_through_the_gpu_path(m, fake):
    x = np.random.default_rng(3).random(700, dtype=np.float32)
    dout = gpu.to_device(np.zeros(1, np.float32))
    m.block_sum[3, 256](gpu.to_device(x), dout)
    assert dout.copy_to_host()[0] == pytest.approx(x.sum(dtype=np.float64), rel=1e-5)
    xi = np.random.default_rng(4).integers(0, 50, 300).astype(np.int32)
    bins = gpu.to_device(np.zeros(5, np.int32))
    m.histogram[3, 128](gpu.to_device(xi), bins)
    np.testing.assert_array_equal(bins.copy_to_host(), np.bincount(xi % 5, minlength=5))


def test_compiled_kernel_in_emulation_mode_runs_the_source(m):
    gpu.emulate(True)
    try:
        x = np.arange(20, dtype=np.float32)
        out = np.zeros(20, np.float32)
        m.saxpy[1, 32](0.5, x, x, out)
        np.testing.assert_array_equal(out, np.float32(1.5) * x)
    finally:
        gpu.emulate(None)


# -- validation before the driver ---------------------------------------------------------------------

@pytest.mark.parametrize("grid,block,exc,words", [
    (0, 32, ValueError, "zero or negative"), (1, 0, ValueError, "zero or negative"),
    (-1, 32, ValueError, "zero or negative"), ((1, 0), 32, ValueError, "along y"),
    (1, 2048, ValueError, "limit 1024"), (1, (32, 32, 2), ValueError, "2048 threads"),
    (1, (1, 1, 65), ValueError, "limit 64"), ((1, 70000), 1, ValueError, "limit 65535"),
    (2**31, 1, ValueError, "limit 2147483647"), (1.0, 32, TypeError, "grid must be"),
    (1, (32, "1"), TypeError, "block must be"), (True, 32, TypeError, "grid must be"),
    (1, (1, 1, 1, 1), TypeError, "block must be"), (None, 32, TypeError, "grid must be"),
])
def test_bad_launch_configurations(m, fake, grid, block, exc, words):
    x = gpu.device_array(4)
    with pytest.raises(exc, match=words) as info:
        m.saxpy[grid, block](1.0, x, x, x)
    assert "saxpy()" in str(info.value)
    assert not fake.launches


def test_device_limits_checked_before_launch(m, fake):
    x = gpu.device_array(4)
    with pytest.raises(ValueError, match="at most 512 per block on FakeGPU"):
        m.saxpy[1, 1024](1.0, x, x, x)
    with pytest.raises(ValueError, match="shared_mem"):
        m.saxpy.launch(1.0, x, x, x, grid=1, block=32, shared_mem=10**7)
    with pytest.raises(ValueError, match="shared_mem"):
        m.saxpy[1, 32, None, -1](1.0, x, x, x)
    with pytest.raises(TypeError, match="stream must be"):
        m.saxpy[1, 32, 7](1.0, x, x, x)
    with pytest.raises(TypeError, match="kernel\\[grid, block\\]"):
        m.saxpy[1](1.0, x, x, x)
    assert not fake.launches


def test_bad_arguments_name_the_parameter(m, fake):
    x = gpu.device_array(4)
    cases = [
        ((1.0, x, x), TypeError, r"takes 4 arguments \(a, x, y, out\), got 3"),
        (("1", x, x, x), TypeError, r"parameter 'a' expects float \(f32\), got str"),
        ((None, x, x, x), TypeError, r"parameter 'a' expects float \(f32\), got NoneType"),
        ((1.0, gpu.device_array(4, np.float64), x, x), TypeError, r"'x' expects a f32\[:\] device array, got a float64"),
        ((1.0, x, gpu.device_array((2, 2)), x), TypeError, r"'y' expects a f32\[:\] device array, got a float32 device array of rank 2"),
        ((1.0, x, x, [1.0, 2.0]), TypeError, r"'out' expects a f32\[:\] device array, got list"),
        ((1.0, x, x, None), TypeError, r"'out' expects a f32\[:\] device array, got None"),
        ((1.0, x, x, np.zeros(4, np.float64)), TypeError, r"'out' expects a f32\[:\] array, got float64"),
        ((1.0, x, x, np.zeros((2, 2), np.float32)), TypeError, r"'out' expects a f32\[:\] array, got float32 of rank 2"),
        ((1.0, x, x, CAI(np.zeros(4, np.float32), readonly=True)), ValueError, r"'out' is written by the kernel but the array is read-only"),
        ((1.0, x, CAI(np.zeros(4, np.int32)), x), TypeError, r"'y' expects a f32\[:\] array, got int32"),
    ]
    for args, exc, words in cases:
        with pytest.raises(exc, match=words):
            m.saxpy[1, 32](*args)
    with pytest.raises(TypeError, match=r"histogram\(\) parameter 'x' expects a i32\[:\] array, got float64"):
        m.histogram[1, 32](np.zeros(1, np.int32) + 0.5, gpu.device_array(5, np.int32))
    assert not fake.launches


def test_scalar_range_and_emulated_arrays(fake):
    mod = fake_module(descriptor(kernels={"k": {"symbol": "fxk_k", "params": [["n", "u8"], ["x", ARR1]], "writes": []}}))
    _bind.bind(mod)
    x = gpu.device_array(3)
    with pytest.raises(OverflowError, match=r"k\(\) parameter 'n': 256 is out of range for u8"):
        mod.k[1, 1](256, x)
    with pytest.raises(TypeError, match=r"'n' expects int \(u8\), got float"):
        mod.k[1, 1](1.0, x)
    emulated = gpu.memory.DeviceArray(3, _emulated=True)
    with pytest.raises(TypeError, match="emulated device array"):
        mod.k[1, 1](1, emulated)
    assert not fake.launches


def test_host_arrays_rejected_on_streams(m, fake):
    s = gpu.Stream(_handle="fake-stream")
    x = gpu.device_array(4)
    with pytest.raises(TypeError, match=r"'out': a NumPy \(host\) array cannot be passed to an asynchronous launch"):
        m.saxpy[1, 32, s](1.0, x, x, np.zeros(4, np.float32))
    assert not fake.launches
    m.saxpy[1, 32, s](1.0, x, x, x)
    assert fake.launches[-1][3] == "fake-stream"


# -- DLPack ------------------------------------------------------------------------------------------

def test_dlpack_capsule_is_decoded():
    base = np.arange(24, dtype=np.float32).reshape(4, 6)
    view = base[1:, ::2]
    dev_type, dev_id, ptr, dtype, shape, strides = gpu.memory.dlpack_view(view.__dlpack__())
    assert (dev_type, dev_id) == (1, 0)
    assert (ptr, dtype, shape, strides) == (view.ctypes.data, np.float32, view.shape, view.strides)


def test_host_dlpack_array_is_rejected(m, fake):
    class HostTensor:
        def __init__(self, arr):
            self.arr = arr

        def __dlpack__(self, stream=None):
            return self.arr.__dlpack__()

        def __dlpack_device__(self):
            return self.arr.__dlpack_device__()

    x = gpu.device_array(4)
    with pytest.raises(TypeError, match=r"'y' expects a f32\[:\] device array, got a HostTensor in host memory"):
        m.saxpy[1, 32](1.0, x, HostTensor(np.zeros(4, np.float32)), x)


# -- the emulation switch and driver helpers -------------------------------------------------------

def test_automatic_mode_falls_back_to_emulation_with_a_warning(monkeypatch):
    monkeypatch.delenv("FASTEXT_GPU_EMULATE", raising=False)
    monkeypatch.setattr(driver, "unavailable_reason", lambda: "no CUDA device")
    gpu.emulate(None)
    try:
        with pytest.warns(gpu.EmulationWarning, match="no CUDA device"):
            assert gpu.emulating()
        assert gpu.device_array(3).emulated
    finally:
        gpu.emulate(None)
    monkeypatch.setenv("FASTEXT_GPU_EMULATE", "0")
    assert not gpu.emulating()
    gpu.emulate(None)
    with pytest.raises(TypeError):
        gpu.emulate("yes")


def test_no_gpu_error_says_how_to_emulate(monkeypatch):
    monkeypatch.setattr(driver, "_ctx", None)
    monkeypatch.setattr(driver, "unavailable_reason", lambda: "no CUDA device")
    with pytest.raises(driver.CudaError, match="emulate"):
        driver.context()


def test_pick_arch_and_cubin_key():
    archs = ["sm_80", "sm_90", "sm_90a", "sm_100"]
    assert driver.pick_arch(archs, (9, 0)) == "sm_90a"
    assert driver.pick_arch(["sm_80", "sm_90"], (9, 0)) == "sm_90"
    assert driver.pick_arch(archs, (8, 9)) == "sm_80"
    assert driver.pick_arch(archs, (12, 0)) == "sm_100"
    with pytest.raises(driver.CudaError, match="sm_75"):
        driver.pick_arch(archs, (7, 5))
    k = driver.cubin_key("ptx", "sm_90", (9, 0), 12080)
    assert len(k) == 64 and k != driver.cubin_key("ptx", "sm_90", (9, 0), 12090)
    assert k != driver.cubin_key("ptx2", "sm_90", (9, 0), 12080)


def test_cubin_cache_dir_follows_fastext_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("FASTEXT_CACHE_DIR", str(tmp_path))
    assert driver.cubin_cache_dir() == os.path.join(str(tmp_path), "gpu")


def test_device_array_basics(fake):
    a = gpu.to_device(np.arange(6, dtype=np.int32).reshape(2, 3))
    assert a.shape == (2, 3) and a.strides == (12, 4) and a.ndim == 2 and a.size == 6 and a.nbytes == 24
    cai = a.__cuda_array_interface__
    assert cai["data"] == (a.device_ptr, False) and cai["typestr"] == "<i4" and cai["version"] == 3
    b = gpu.device_array_like(a)
    a.copy_to_device(b)
    np.testing.assert_array_equal(b.copy_to_host(), np.arange(6).reshape(2, 3))
    with pytest.raises(TypeError, match="dtype object"):
        gpu.to_device(np.array([None]))
    with pytest.raises(ValueError, match="shape"):
        gpu.device_array((-1,))
    with pytest.raises(ValueError, match="shape"):
        b.copy_from_host(np.zeros(3))
    assert len(gpu.device_array(0)) == 0


# -- more argument kinds ------------------------------------------------------------------------------

class _DLManaged(ctypes.Structure):
    _fields_ = [("dl_tensor", gpu.memory._DLTensor), ("manager_ctx", ctypes.c_void_p), ("deleter", ctypes.c_void_p)]


class CudaTensor:
    """A DLPack producer on "CUDA" device 0 (the fake driver's device memory is host memory)."""

    def __init__(self, arr, step=1):
        self.arr = arr
        n = (arr.size + step - 1) // step
        self.shape = (ctypes.c_int64 * 1)(n)
        self.strides = (ctypes.c_int64 * 1)(step)      # DLPack strides count elements
        self.managed = m = _DLManaged()
        t = m.dl_tensor
        t.data, t.ndim, t.byte_offset = arr.ctypes.data, 1, 0
        t.device.device_type, t.device.device_id = 2, 0
        t.dtype.code, t.dtype.bits, t.dtype.lanes = 2, 32, 1
        t.shape = ctypes.cast(self.shape, ctypes.POINTER(ctypes.c_int64))
        t.strides = ctypes.cast(self.strides, ctypes.POINTER(ctypes.c_int64))

    def __dlpack__(self, stream=None):
        new = ctypes.pythonapi.PyCapsule_New
        new.restype, new.argtypes = ctypes.py_object, [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p]
        return new(ctypes.addressof(self.managed), b"dltensor", None)

    def __dlpack_device__(self):
        return (2, 0)


def test_cuda_dlpack_arrays_zero_copy(m, fake):
    x = np.arange(16, dtype=np.float32)
    y = np.ones(8, np.float32)
    out = np.zeros(8, np.float32)
    m.saxpy[1, 32](2.0, CudaTensor(x, step=2), CudaTensor(y), CudaTensor(out))
    np.testing.assert_array_equal(out, 2 * x[::2] + 1)
    slots = fake.launches[-1][4]
    assert slots[1:4] == (x.ctypes.data, 8, 8)      # pointer, shape, byte stride of the strided view


def test_emulated_kernel_copies_gpu_device_arrays(fake, interpreted):
    x = gpu.to_device(np.arange(6, dtype=np.float32))
    out = gpu.to_device(np.zeros(6, np.float32))
    assert not x.emulated
    interpreted.saxpy[1, 8](3.0, x, x, out)     # a plain-Python kernel with GPU arrays: copied in and back
    np.testing.assert_array_equal(out.copy_to_host(), 4 * np.arange(6))
    with pytest.raises(TypeError, match="emulated asynchronous launch"):
        interpreted.saxpy[1, 8, gpu.Stream(_handle="s")](3.0, x, x, out)


# -- module loading and the cubin cache --------------------------------------------------------------

class FakeCu:
    """The cuda.bindings.driver calls load_module makes."""

    class CUjitInputType:
        CU_JIT_INPUT_PTX = 1

    def __init__(self, link_error=0):
        self.link_error = link_error
        self.linked = 0
        self.loaded = []

    def cuGetErrorName(self, err):
        return (0, b"CUDA_ERROR_INVALID_PTX")

    def cuLinkCreate(self, n, options, values):
        return (0, "state")

    def cuLinkAddData(self, state, kind, data, size, name, n, options, values):
        self.data = bytes(data)
        return (self.link_error,)

    def cuLinkComplete(self, state):
        self.linked += 1
        image = b"CUBIN:" + self.data
        self.buf = ctypes.create_string_buffer(image)
        return (0, ctypes.addressof(self.buf), len(image))

    def cuLinkDestroy(self, state):
        return (0,)

    def cuModuleLoadData(self, image):
        self.loaded.append(bytes(image))
        return (0, f"module{len(self.loaded)}")


def test_cubin_is_linked_once_then_read_from_the_disk_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("FASTEXT_CACHE_DIR", str(tmp_path))
    cu = FakeCu()
    ctx = types.SimpleNamespace(cc=(9, 0), driver_version=12080, modules={})
    monkeypatch.setattr(driver, "_cu", cu)
    monkeypatch.setattr(driver, "context", lambda: ctx)
    ptx = {"sm_80": "ptx for 80", "sm_90": "ptx for 90", "sm_100": "ptx for 100"}
    assert driver.load_module(ptx) == "module1"
    assert driver.load_module(ptx) == "module1"            # once per process
    assert cu.linked == 1 and cu.loaded == [b"CUBIN:ptx for 90\0"]
    path = tmp_path / "gpu" / (driver.cubin_key("ptx for 90", "sm_90", (9, 0), 12080) + ".cubin")
    assert path.read_bytes() == b"CUBIN:ptx for 90\0"
    ctx.modules.clear()                                     # "a later process"
    assert driver.load_module(ptx) == "module2"
    assert cu.linked == 1 and cu.loaded[-1] == b"CUBIN:ptx for 90\0"


def test_ptx_loaded_directly_when_the_jit_linker_fails(monkeypatch, tmp_path):
    monkeypatch.setenv("FASTEXT_CACHE_DIR", str(tmp_path))
    cu = FakeCu(link_error=218)
    monkeypatch.setattr(driver, "_cu", cu)
    monkeypatch.setattr(driver, "context", lambda: types.SimpleNamespace(cc=(8, 6), driver_version=1, modules={}))
    assert driver.load_module({"sm_80": "p80", "sm_90": "p90"}) == "module1"
    assert cu.loaded == [b"p80\0"] and not (tmp_path / "gpu").exists()


def test_launch_from_a_thread_without_a_current_context_is_retried(m, fake, monkeypatch):
    import threading

    x = gpu.to_device(np.ones(4, np.float32))
    launch = m.saxpy[1, 32]
    launch(1.0, x, x, x)
    launch(1.0, x, x, x)
    assert launch._fast is not None
    attempts, contexts = [], [1]   # this thread's context is current
    real = fake.launch

    def launch_needing_context(*a):
        attempts.append(len(contexts))
        if not contexts:
            return (201,)   # CUDA_ERROR_INVALID_CONTEXT: nothing was launched
        return real(*a)

    fake.launch = launch_needing_context
    launch._fast = None
    launch._gpu = False                          # reconfigure with the new entry
    launch(1.0, x, x, x)                         # configures (calls context()), launches, caches the fast path
    np.testing.assert_array_equal(x.copy_to_host(), 8 * np.ones(4))    # x = x + x, three times
    contexts.clear()
    attempts.clear()
    monkeypatch.setattr(driver, "context", lambda: contexts.append(1) or fake.ctx)
    t = threading.Thread(target=launch, args=(1.0, x, x, x))   # the fast path, in a new thread
    t.start()
    t.join()
    assert attempts == [0, 1]                    # failed without a context, retried after making it current
    np.testing.assert_array_equal(x.copy_to_host(), 16 * np.ones(4))


def test_environment_switch_and_external_streams(fake, m, monkeypatch):
    monkeypatch.setenv("FASTEXT_GPU_EMULATE", "1")
    gpu.emulate(None)
    assert gpu.emulating()
    gpu.emulate(False)
    s = gpu.Stream.external(0x1234)
    assert s.handle == 0x1234 and int(s) == 0x1234
    x = gpu.device_array(4)
    m.saxpy[1, 32, s](1.0, x, x, x)
    assert fake.launches[-1][3] == 0x1234


def test_unusable_cuda_array_interface_names_the_parameter(m, fake):
    class CpuTensor:   # like a CPU torch.Tensor: the class has the property, the instance refuses
        @property
        def __cuda_array_interface__(self):
            raise AttributeError("Can't get __cuda_array_interface__ on non-CUDA tensor")

    x = gpu.device_array(4)
    with pytest.raises(TypeError, match=r"'y' expects a f32\[:\] device array, got a CpuTensor whose "
                                        r"__cuda_array_interface__ is unusable"):
        m.saxpy[1, 32](1.0, x, CpuTensor(), x)


def test_large_dynamic_shared_memory_is_allowed_first(m, fake, monkeypatch):
    allowed = []
    monkeypatch.setattr(driver, "allow_dynamic_shared", lambda fn, n: allowed.append(n))
    x = gpu.device_array(4)
    m.saxpy[1, 32, None, 100_000](1.0, x, x, x)
    m.saxpy[1, 32, None, 1024](1.0, x, x, x)
    assert allowed == [100_000]


def test_graph_capture_on_the_gpu_path(m, fake, monkeypatch):
    calls = []
    monkeypatch.setattr(driver, "stream_create", lambda non_blocking: "capture-stream")
    monkeypatch.setattr(driver, "stream_destroy", lambda handle: None)
    monkeypatch.setattr(driver, "capture_begin", lambda s: calls.append(("begin", s)))
    monkeypatch.setattr(driver, "capture_end", lambda s: calls.append(("end", s)) or ("graph", "exec"))
    monkeypatch.setattr(driver, "graph_launch", lambda exe, s: calls.append(("launch", exe, s)))
    monkeypatch.setattr(driver, "graph_destroy", lambda g, e: None)
    x = gpu.to_device(np.ones(4, np.float32))
    step = m.saxpy[1, 32]
    step(1.0, x, x, x)                          # the fast path exists before the capture...
    with gpu.capture() as graph:
        step(1.0, x, x, x)                      # ...but captured launches go to the capture stream
        with pytest.raises(TypeError, match="asynchronous"):
            step(1.0, x, x, np.zeros(4, np.float32))
    assert fake.launches[-1][3] == "capture-stream"
    assert calls == [("begin", "capture-stream"), ("end", "capture-stream")]
    graph.launch()
    assert calls[-1] == ("launch", "exec", None)
    step(1.0, x, x, x)                          # after the capture: the default stream again
    assert fake.launches[-1][3] == "legacy-stream"
