"""Device arrays and the arrays of other libraries, as kernel arguments.

`DeviceArray` is fastext's own: device memory on a GPU, or — in emulation mode — a host NumPy
array that plays its part (so the same program runs on a machine without a GPU).  Arrays of
CuPy, PyTorch, Numba, JAX... are passed zero-copy through `__cuda_array_interface__` (v2/v3)
or a CUDA `__dlpack__`; NumPy arrays are copied in (and back, for the parameters the kernel
writes) with a one-time PerformanceWarning.
"""
from __future__ import annotations

import ctypes
import sys

import numpy as np

from fastext.gpu import mode
from fastext.gpu.params import SCALARS, dialect_name


def _c_strides(shape, itemsize: int) -> tuple:
    strides, step = [], itemsize
    for n in reversed(shape):
        strides.append(step)
        step *= max(int(n), 1)
    return tuple(reversed(strides))


class DeviceArray:
    """An n-dimensional C-contiguous array in device memory (or, emulated, in host memory).

    Made by `to_device`, `device_array` and `device_array_like`.  `.copy_to_host()` returns a
    NumPy array; `__cuda_array_interface__` lets CuPy / PyTorch / Numba use it without a copy.
    """

    __slots__ = ("shape", "strides", "dtype", "_mem", "_host", "_tag", "_abi", "__weakref__")

    def __init__(self, shape, dtype=np.float32, *, _emulated: bool | None = None):
        shape = (shape,) if isinstance(shape, (int, np.integer)) else tuple(shape)
        if any(not isinstance(n, (int, np.integer)) or isinstance(n, bool) or n < 0 for n in shape):
            raise ValueError(f"device array shape must be non-negative ints, got {shape!r}")
        from fastext.gpu.params import numpy_dtype

        dtype = numpy_dtype(dtype)
        name = dialect_name(dtype)
        if name is None:
            raise TypeError(f"device arrays hold {', '.join(SCALARS)}; got dtype {dtype}")
        self.shape = tuple(int(n) for n in shape)
        self.dtype = dtype
        self.strides = _c_strides(self.shape, dtype.itemsize)
        emulated = mode.emulating() if _emulated is None else _emulated
        # matches Param.tag of a parameter of this dtype and rank: one identity test checks both
        self._tag = sys.intern(f"{'emulated ' * emulated}{name}:{len(self.shape)}")
        if emulated:
            self._host = np.empty(self.shape, dtype)
            self._mem = None
            self._abi = None
        else:
            from fastext.gpu import driver

            self._host = None
            self._mem = driver.DeviceMemory(self.nbytes)
            self._abi = (self._mem.ptr, *self.shape, *self.strides)

    # -- properties -----------------------------------------------------------------------------
    @property
    def ndim(self) -> int:
        return len(self.shape)

    @property
    def size(self) -> int:
        n = 1
        for d in self.shape:
            n *= d
        return n

    @property
    def nbytes(self) -> int:
        return self.size * self.dtype.itemsize

    @property
    def emulated(self) -> bool:
        """True for a host-backed array made in emulation mode."""
        return self._mem is None

    @property
    def device_ptr(self) -> int:
        """The device address of element 0 (an error for emulated arrays)."""
        if self._mem is None:
            raise TypeError("an emulated device array has no device address")
        return self._mem.ptr

    def __len__(self) -> int:
        if not self.shape:
            raise TypeError("len() of a 0-d device array")
        return self.shape[0]

    def __repr__(self) -> str:
        kind = "emulated" if self.emulated else f"0x{self._mem.ptr:x}"
        return f"DeviceArray(shape={self.shape}, dtype={self.dtype}, {kind})"

    @property
    def __cuda_array_interface__(self) -> dict:
        if self._mem is None:
            raise AttributeError("an emulated device array has no __cuda_array_interface__")
        return {"shape": self.shape, "typestr": self.dtype.str, "data": (self._mem.ptr, False),
                "strides": None, "version": 3, "stream": None}

    # -- copies --------------------------------------------------------------------------------------
    def copy_to_host(self, out: np.ndarray | None = None, stream=None) -> np.ndarray:
        """The contents as a NumPy array (into `out` when given: same shape and dtype, C-contiguous).
        With a `stream`, the copy is queued on it: synchronize before reading `out`."""
        if out is None:
            out = np.empty(self.shape, self.dtype)
        elif not isinstance(out, np.ndarray) or out.shape != self.shape or out.dtype != self.dtype \
                or not out.flags.c_contiguous:
            raise ValueError(f"copy_to_host(out=...) needs a C-contiguous {self.dtype} array of shape {self.shape}")
        if self._mem is None:
            np.copyto(out, self._host)
        else:
            from fastext.gpu import driver

            driver.copy_dtoh(out.ctypes.data, self._mem.ptr, self.nbytes, _handle(stream))
        return out

    def copy_from_host(self, arr, stream=None) -> "DeviceArray":
        """Overwrite the contents with `arr` (same shape; converted to this dtype)."""
        src = np.ascontiguousarray(arr, dtype=self.dtype)
        if src.shape != self.shape:
            raise ValueError(f"copy_from_host: shape {src.shape} does not match the device array's {self.shape}")
        if self._mem is None:
            np.copyto(self._host, src)
        else:
            from fastext.gpu import driver

            driver.copy_htod(self._mem.ptr, src.ctypes.data, self.nbytes, _handle(stream))
            if stream is not None:
                _keep_alive(stream, src)
        return self

    def copy_to_device(self, other: "DeviceArray", stream=None) -> None:
        """Copy this array's contents into `other` (same shape and dtype) on the device."""
        if not isinstance(other, DeviceArray) or other.shape != self.shape or other.dtype != self.dtype:
            raise ValueError("copy_to_device needs a DeviceArray of the same shape and dtype")
        if self._mem is None or other._mem is None:
            if self._mem is not None or other._mem is not None:
                raise TypeError("cannot copy between an emulated and a GPU device array")
            np.copyto(other._host, self._host)
        else:
            from fastext.gpu import driver

            driver.copy_dtod(other._mem.ptr, self._mem.ptr, self.nbytes, _handle(stream))


def _handle(stream):
    return None if stream is None else stream.handle


def _keep_alive(stream, obj) -> None:
    keep = getattr(stream, "_keep", None)
    if keep is not None:
        keep.append(obj)


def to_device(arr, stream=None) -> DeviceArray:
    """A new device array holding a copy of `arr` (anything `numpy.asarray` takes)."""
    src = np.asarray(arr)
    if dialect_name(src.dtype) is None:
        raise TypeError(f"to_device: kernels cannot take dtype {src.dtype}")
    out = DeviceArray(src.shape, src.dtype)
    return out.copy_from_host(src, stream)


def device_array(shape, dtype=np.float32) -> DeviceArray:
    """A new uninitialised device array."""
    return DeviceArray(shape, dtype)


def device_array_like(arr) -> DeviceArray:
    """A new uninitialised device array of `arr`'s shape and dtype."""
    return DeviceArray(arr.shape, arr.dtype)


# -- foreign arrays --------------------------------------------------------------------------------

class _DLDevice(ctypes.Structure):
    _fields_ = [("device_type", ctypes.c_int32), ("device_id", ctypes.c_int32)]


class _DLDataType(ctypes.Structure):
    _fields_ = [("code", ctypes.c_uint8), ("bits", ctypes.c_uint8), ("lanes", ctypes.c_uint16)]


class _DLTensor(ctypes.Structure):
    _fields_ = [("data", ctypes.c_void_p), ("device", _DLDevice), ("ndim", ctypes.c_int32),
                ("dtype", _DLDataType), ("shape", ctypes.POINTER(ctypes.c_int64)),
                ("strides", ctypes.POINTER(ctypes.c_int64)), ("byte_offset", ctypes.c_uint64)]


_DL_KINDS = {0: "i", 1: "u", 2: "f", 5: "c", 6: "b"}
_DL_CUDA = (2, 3, 13)   # kDLCUDA, kDLCUDAHost, kDLCUDAManaged
_capsule_pointer = None


def dlpack_view(capsule) -> tuple:
    """(device_type, device_id, address of element 0, dtype, shape, strides in bytes) of an
    unversioned DLPack capsule (the capsule must stay alive while the address is used)."""
    global _capsule_pointer
    if _capsule_pointer is None:
        fn = ctypes.pythonapi.PyCapsule_GetPointer
        fn.restype, fn.argtypes = ctypes.c_void_p, [ctypes.py_object, ctypes.c_char_p]
        _capsule_pointer = fn
    t = _DLTensor.from_address(_capsule_pointer(capsule, b"dltensor"))
    kind = _DL_KINDS.get(t.dtype.code)
    if kind is None or t.dtype.lanes != 1:
        raise TypeError(f"unsupported DLPack dtype (code {t.dtype.code}, {t.dtype.bits} bits, {t.dtype.lanes} lanes)")
    dtype = np.dtype(np.bool_) if kind == "b" else np.dtype(f"{kind}{t.dtype.bits // 8}")
    shape = tuple(t.shape[k] for k in range(t.ndim))
    if t.strides:
        strides = tuple(t.strides[k] * dtype.itemsize for k in range(t.ndim))
    else:
        strides = _c_strides(shape, dtype.itemsize)
    return t.device.device_type, t.device.device_id, (t.data or 0) + t.byte_offset, dtype, shape, strides


def cai_view(obj) -> tuple:
    """(address, dtype, shape, strides in bytes, read-only, stream) from `__cuda_array_interface__`."""
    d = obj.__cuda_array_interface__
    dtype = np.dtype(d["typestr"])
    shape = tuple(d["shape"])
    strides = d.get("strides")
    strides = _c_strides(shape, dtype.itemsize) if strides is None else tuple(strides)
    ptr, readonly = d["data"]
    if d.get("mask") is not None:
        raise TypeError("masked __cuda_array_interface__ arrays are not supported")
    return int(ptr or 0), dtype, shape, strides, bool(readonly), d.get("stream")
