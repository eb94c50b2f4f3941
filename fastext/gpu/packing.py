"""Kernel arguments → the PTX parameter block `cuLaunchKernel` reads (the ABI: docs/gpu.md).

Per kernel, one `Layout`: a struct format with every PTX parameter at its natural alignment, a
reusable ctypes buffer, and the array of pointers to each parameter in it (its address is the
`kernelParams` of every launch).  Per (kernel, tuple of argument types, sync/async), one
generated `pack(args, post, keep)` function: a single `struct.pack_into` call whose arguments
are the scalars themselves and the cached `(ptr, *shape, *strides)` of fastext device arrays —
no per-parameter Python loop on the hot path.  Anything unusual (a scalar out of range, a
float for an int parameter) drops to the slow path, which converts each argument on its own
and raises the error that names the parameter.
"""
from __future__ import annotations

import ctypes
import struct
import warnings

import numpy as np

from fastext.gpu import memory, mode
from fastext.gpu.params import SCALARS, Param, scalar_slots


def slot_format(p: Param) -> str:
    """struct format characters of the PTX parameters one declared parameter becomes."""
    if p.kind == "array":
        return "Q" + "q" * (2 * p.ndim)
    return SCALARS[p.type_name][1]


class Layout:
    """The parameter buffer of one kernel: `buffer` (ctypes), `offsets` of each PTX parameter,
    `pointers` (void*[n]) and `params_addr` (its address, for cuLaunchKernel)."""

    def __init__(self, params: list[Param]):
        self.chars = "".join(slot_format(p) for p in params)
        self.struct = struct.Struct("@" + self.chars)
        self.offsets = [struct.calcsize("@" + self.chars[:k + 1]) - struct.calcsize(self.chars[k])
                        for k in range(len(self.chars))]
        self.buffer = ctypes.create_string_buffer(max(self.struct.size, 8))
        base = ctypes.addressof(self.buffer)
        self.pointers = (ctypes.c_void_p * max(len(self.chars), 1))(*[base + off for off in self.offsets])
        self.params_addr = ctypes.addressof(self.pointers)

    def slot_bytes(self, k: int) -> bytes:
        """The bytes of PTX parameter k as the driver will read them."""
        size = struct.calcsize(self.chars[k])
        return ctypes.string_at(self.pointers[k], size)


class _Bad:
    """Raises the TypeError of a wrong array argument for one parameter."""

    def __init__(self, kernel: str, p: Param):
        self.kernel, self.p = kernel, p

    def __call__(self, value):
        raise TypeError(describe_bad_array(self.kernel, self.p, value))


def describe_bad_array(kernel: str, p: Param, value) -> str:
    what = f"{kernel}() parameter {p.name!r} expects a {p.spelling} device array"
    if isinstance(value, memory.DeviceArray):
        if value.emulated:
            return f"{what}, got an emulated device array (made in emulation mode) in a GPU launch"
        return f"{what}, got a {value.dtype} device array of rank {value.ndim}"
    if value is None:
        return f"{what}, got None"
    return f"{what}, got {type(value).__name__}"


def check_array(kernel: str, p: Param, dtype, shape, readonly: bool, writes) -> None:
    """dtype and rank of any array argument against the parameter."""
    if np.dtype(dtype) != p.dtype or len(shape) != p.ndim:
        raise TypeError(f"{kernel}() parameter {p.name!r} expects a {p.spelling} array, got {np.dtype(dtype)} "
                        f"of rank {len(shape)}")
    if readonly and p.name in writes:
        raise ValueError(f"{kernel}() parameter {p.name!r} is written by the kernel but the array is read-only")


class _Warned:
    numpy = set()


def _host_array(kernel: str, p: Param, writes, value, post):
    """A NumPy argument: copied to a temporary device array; copied back after a written one."""
    if post is None:
        raise TypeError(f"{kernel}() parameter {p.name!r}: a NumPy (host) array cannot be passed to an asynchronous "
                        f"launch (on a stream or in graph capture); copy it with gpu.to_device first")
    check_array(kernel, p, value.dtype, value.shape, not value.flags.writeable, writes)
    if kernel not in _Warned.numpy:
        _Warned.numpy.add(kernel)
        warnings.warn(f"{kernel}(): NumPy array for parameter {p.name!r} is copied to the GPU"
                      f"{' and back' if p.name in writes else ''} on every launch; pass gpu.to_device() arrays "
                      f"(or CuPy/PyTorch arrays) to avoid the copies", mode.PerformanceWarning, stacklevel=4)
    dev = memory.to_device(value) if not isinstance(value, memory.DeviceArray) else value
    if p.name in writes:
        post.append((dev, value))
    else:
        post.append((dev, None))   # keeps the temporary alive until the launch has been issued
    return dev._abi


def _cai_array(kernel: str, p: Param, writes, value):
    try:
        ptr, dtype, shape, strides, readonly, stream = memory.cai_view(value)
    except (AttributeError, TypeError, KeyError, ValueError) as e:   # e.g. a CPU torch tensor
        raise TypeError(f"{kernel}() parameter {p.name!r} expects a {p.spelling} device array, got a "
                        f"{type(value).__name__} whose __cuda_array_interface__ is unusable: {e}") from None
    check_array(kernel, p, dtype, shape, readonly, writes)
    if stream not in (None, 0, 1):   # v3: make the producer's work visible (0/1: the legacy default stream)
        from fastext.gpu import driver

        driver.stream_synchronize(driver.stream_wrap(stream))
    return (ptr, *shape, *strides)


def _dlpack_array(kernel: str, p: Param, writes, value, keep):
    try:
        device = value.__dlpack_device__()
    except Exception:
        device = None
    if device is not None and device[0] not in memory._DL_CUDA:
        raise TypeError(f"{kernel}() parameter {p.name!r} expects a {p.spelling} device array, got a "
                        f"{type(value).__name__} in host memory (DLPack device type {device[0]})")
    capsule = value.__dlpack__()
    dev_type, _, ptr, dtype, shape, strides = memory.dlpack_view(capsule)
    if dev_type not in memory._DL_CUDA:
        raise TypeError(f"{kernel}() parameter {p.name!r} expects a {p.spelling} device array, got a "
                        f"{type(value).__name__} in host memory (DLPack device type {dev_type})")
    check_array(kernel, p, dtype, shape, False, writes)
    keep.append(capsule)
    return (ptr, *shape, *strides)


def array_kind(t: type) -> str:
    """How an argument of type `t` reaches an array parameter: dev / cai / dlpack / host / bad."""
    if issubclass(t, memory.DeviceArray):
        return "dev"
    if hasattr(t, "__cuda_array_interface__"):
        return "cai"
    if hasattr(t, "__dlpack__") and not issubclass(t, np.ndarray):
        return "dlpack"
    if issubclass(t, np.ndarray):
        return "host"
    return "bad"


def array_slots(kernel: str, p: Param, writes, value, post, keep) -> tuple:
    """The PTX parameter values of one array argument (the slow, general path)."""
    kind = array_kind(type(value))
    if kind == "bad":   # the interface may be an instance attribute
        kind = "cai" if hasattr(value, "__cuda_array_interface__") else "dlpack" if hasattr(value, "__dlpack__") \
            else "bad"
    if kind == "dev":
        if value._tag != p.tag or value._abi is None:
            raise TypeError(describe_bad_array(kernel, p, value))
        return value._abi
    if kind == "cai":
        return _cai_array(kernel, p, writes, value)
    if kind == "dlpack":
        return _dlpack_array(kernel, p, writes, value, keep)
    if kind == "host":
        return _host_array(kernel, p, writes, value, post)
    raise TypeError(describe_bad_array(kernel, p, value))


def make_packer(kernel: str, params: list[Param], writes, layout: Layout, arg_types: tuple):
    """The generated `pack(args, post, keep)` for one tuple of argument types."""
    ns = {"_pack_into": layout.struct.pack_into, "_buf": layout.buffer, "_slow": None}
    exprs = []
    for i, (p, t) in enumerate(zip(params, arg_types)):
        a = f"a{i}"
        if p.kind == "array":
            kind = array_kind(t)
            ns[f"p{i}"] = p
            if kind == "dev":
                ns[f"T{i}"] = p.tag
                ns[f"bad{i}"] = _Bad(kernel, p)
                exprs.append(f"*({a}._abi if {a}._tag is T{i} and {a}._abi is not None else bad{i}({a}))")
            elif kind == "cai":
                ns["_cai"] = _cai_array
                exprs.append(f"*_cai(_k, p{i}, _w, {a})")
            elif kind == "dlpack":
                ns["_dl"] = _dlpack_array
                exprs.append(f"*_dl(_k, p{i}, _w, {a}, keep)")
            elif kind == "host":
                ns["_host"] = _host_array
                exprs.append(f"*_host(_k, p{i}, _w, {a}, post)")
            else:   # maybe an instance-level interface: the general path decides, or raises
                ns["_general"] = array_slots
                exprs.append(f"*_general(_k, p{i}, _w, {a}, post, keep)")
        else:
            kind = SCALARS[p.type_name][2]
            direct = (kind in ("int", "uint") and t is int) or (kind == "float" and t in (float, int)) \
                or (kind == "bool" and t is bool)
            if direct:
                exprs.append(a)
            else:
                ns[f"p{i}"] = p
                ns["_scalar"] = scalar_slots
                exprs.append(f"*_scalar(_k, p{i}, {a})")
    ns["_k"], ns["_w"] = kernel, writes

    def slow(args, post, keep):
        if post:
            del post[:]
        if keep is None:
            keep = []
        else:
            keep.clear()
        if post is None and simple:
            post = []    # a simple signature has no host arrays: nothing is appended
        values = []
        for p, value in zip(params, args):
            if p.kind == "array":
                values.extend(array_slots(kernel, p, writes, value, post, keep))
            else:
                values.extend(scalar_slots(kernel, p, value))
        layout.struct.pack_into(layout.buffer, 0, *values)

    simple = all(p.kind != "array" or array_kind(t) == "dev" for p, t in zip(params, arg_types))
    ns["_slow"], ns["_errors"] = slow, (struct.error, OverflowError)
    names = ", ".join(f"a{i}" for i in range(len(params)))
    unpack = f"    {names}{',' if len(params) == 1 else ''} = args\n" if params else ""
    src = (f"def pack(args, post=None, keep=None):\n{unpack}"
           f"    try:\n"
           f"        _pack_into(_buf, 0, {', '.join(exprs)})\n"
           f"    except _errors:\n"
           f"        _slow(args, post, keep)\n")
    exec(compile(src, f"<fastext.gpu packer for {kernel}>", "exec"), ns)
    pack = ns["pack"]
    pack.source = src
    pack.simple = simple   # only fastext device arrays and scalars: needs no post/keep lists
    return pack


MISS = object()   # returned by a fast launch whose argument types are not the ones it was made for


def make_fast_launch(params: list[Param], layout: Layout, arg_types: tuple, lock, entry, returns_tuple: bool,
                     cfg: tuple):
    """One Python function that does a whole launch for one tuple of argument types: check the
    exact types, pack the buffer with one `struct.pack_into`, call cuLaunchKernel, return its
    CUresult — or MISS (nothing launched) for anything else, which the general path then handles
    (and turns into the right error).  None when a type needs the general path anyway."""
    ns = {"_pack_into": layout.struct.pack_into, "_buf": layout.buffer, "_MISS": MISS,
          "_errors": (struct.error, OverflowError, AttributeError)}
    checks, exprs = [], []
    for i, (p, t) in enumerate(zip(params, arg_types)):
        a = f"a{i}"
        ns[f"T{i}"] = t
        checks.append(f"{a}.__class__ is not T{i}")
        if p.kind == "array":
            if array_kind(t) != "dev":
                return None
            ns[f"K{i}"] = p.tag
            checks.append(f"{a}._tag is not K{i}")
            exprs.append(f"*{a}._abi")
        else:
            kind = SCALARS[p.type_name][2]
            if not ((kind in ("int", "uint") and t is int) or (kind == "float" and t in (float, int))
                    or (kind == "bool" and t is bool)):
                return None
            exprs.append(a)
    names = ", ".join(f"a{i}" for i in range(len(params)))
    unpack = f"    {names}{',' if len(params) == 1 else ''} = args\n" if params else ""
    cfg_names = ", ".join(f"_c{k}" for k in range(len(cfg)))
    defaults = ", ".join(f"_c{k}=_cfg[{k}]" for k in range(len(cfg)))
    ns["_cfg"] = cfg
    src = (f"def launch(args, _entry=_entry, _acquire=_acquire, _release=_release, _addr=_addr, {defaults}):\n"
           f"    if len(args) != {len(params)}:\n"
           f"        return _MISS\n"
           f"{unpack}"
           f"    if {' or '.join(checks) or 'False'}:\n"
           f"        return _MISS\n"
           f"    _acquire()\n"
           f"    try:\n"
           f"        try:\n"
           f"            _pack_into(_buf, 0, {', '.join(exprs)})\n"
           f"        except _errors:\n"
           f"            return _MISS\n"
           f"        return _entry({cfg_names}, _addr, {'0)[0]' if returns_tuple else 'None)'}\n"
           f"    finally:\n"
           f"        _release()\n")
    ns.update(_entry=entry, _acquire=lock.acquire, _release=lock.release, _addr=layout.params_addr)
    exec(compile(src, "<fastext.gpu fast launch>", "exec"), ns)
    launch = ns["launch"]
    launch.source = src
    return launch


def copy_back(post) -> None:
    """After a synchronous launch: copy written temporaries back into the NumPy arguments."""
    for dev, host in post:
        if host is not None:
            if host.flags.c_contiguous:
                dev.copy_to_host(out=host)
            else:
                np.copyto(host, dev.copy_to_host())
