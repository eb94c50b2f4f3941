"""Shared generators of the ABI fuzz tests (tests/test_buffers.py, tests/test_boundaries.py) and
their long runs in tests/stress/.

* `Layout` / `random_layout`: a strided array layout over a block of memory (shape, byte
  strides that may be negative, zero, or not a multiple of the item size, a start offset),
  and the NumPy view of the same bytes that serves as the oracle;
* `exporters(...)`: one array's data offered through every kind of buffer exporter the
  ABI must accept — NumPy views, ctypes arrays (strides left NULL), `array.array`,
  `memoryview` casts and slices, and the test exporter of `tests/exporter` (NULL shape,
  NULL strides, NULL format, odd strides);
* `boundary_values(type name)`: the edge values of every scalar parameter type.
"""
from __future__ import annotations

import array
import ctypes
import math
import random
import struct
import sys
from dataclasses import dataclass

import numpy as np

CODES = {"f64": "d", "f32": "f", "i64": "q", "i32": "i", "i16": "h", "i8": "b", "u64": "Q", "u32": "I",
         "u16": "H", "u8": "B", "bool": "?"}
CTYPES = {"f64": ctypes.c_double, "f32": ctypes.c_float, "i64": ctypes.c_int64, "i32": ctypes.c_int32,
          "i16": ctypes.c_int16, "i8": ctypes.c_int8, "u64": ctypes.c_uint64, "u32": ctypes.c_uint32,
          "u16": ctypes.c_uint16, "u8": ctypes.c_uint8, "bool": ctypes.c_bool}


@dataclass
class Layout:
    """`shape` items of `itemsize` bytes at byte `strides`, the first at byte `start` of a
    block of `nbytes` bytes."""
    shape: tuple[int, ...]
    strides: tuple[int, ...]
    start: int
    nbytes: int
    itemsize: int

    def view(self, block: bytearray | np.ndarray, dtype) -> np.ndarray:
        """The NumPy array with this layout over `block` (shares its memory)."""
        base = block if isinstance(block, np.ndarray) else np.frombuffer(block, dtype=np.uint8)
        return np.ndarray(self.shape, dtype=dtype, buffer=base, offset=self.start, strides=self.strides)


def random_layout(rng: random.Random, ndim: int, itemsize: int, *, odd: bool = False, zero: bool = True,
                  max_dim: int = 5) -> Layout:
    """A random strided layout: dims 0..max_dim, strides of either sign (zero ones when `zero`,
    byte strides that are not a multiple of `itemsize` when `odd`)."""
    shape = tuple(rng.choice([0, 1, 1, 2, 3, 4, max_dim]) if rng.random() < 0.15 else rng.randint(1, max_dim)
                  for _ in range(ndim))
    strides = []
    for _ in range(ndim):
        r = rng.random()
        if zero and r < 0.08:
            strides.append(0)
        elif odd and r < 0.3:
            strides.append(rng.choice([-1, 1]) * rng.randint(1, 4 * itemsize + 3))
        else:
            strides.append(rng.choice([-1, 1, 1, 1]) * itemsize * rng.randint(1, 4))
    lo = sum(min(0, s * (n - 1)) for s, n in zip(strides, shape))
    hi = sum(max(0, s * (n - 1)) for s, n in zip(strides, shape))
    start = -lo + rng.randint(0, 3) * (1 if odd else itemsize)
    nbytes = start + hi + itemsize + rng.randint(0, 2) * itemsize
    return Layout(shape, tuple(strides), start, nbytes, itemsize)


def c_contiguous(shape: tuple[int, ...], itemsize: int) -> tuple[int, ...]:
    strides, acc = [], itemsize
    for n in reversed(shape):
        strides.append(acc)
        acc *= max(n, 1)
    return tuple(reversed(strides))


def random_values(rng: random.Random, dtype: str, n: int, small: bool = True) -> list:
    """`n` values of a dtype (small integers keep weighted sums exact in every mode)."""
    if dtype in ("f64", "f32"):
        return [rng.choice([rng.uniform(-10, 10), float(rng.randint(-5, 5)), 0.5, -0.0]) for _ in range(n)]
    if dtype == "bool":
        return [rng.random() < 0.5 for _ in range(n)]
    lo, hi = (-100, 100) if dtype.startswith("i") else (0, 200)
    return [rng.randint(lo, hi) for _ in range(n)]


def exporters(values: list, dtype: str, shape: tuple[int, ...], exporter_module=None) -> list[tuple[str, object]]:
    """The C-contiguous array `values` (flat, C order) of `shape` through each exporter kind
    that can express it: (description, object).  Every object holds the same items."""
    code = CODES[dtype]
    itemsize = struct.calcsize(code)
    flat = bytes(np.array(values, dtype=np.dtype(code)).tobytes())
    out = [("numpy", np.frombuffer(bytearray(flat), dtype=np.dtype(code)).reshape(shape))]
    ctype = CTYPES[dtype]
    for n in reversed(shape):
        ctype = ctype * n
    carr = ctype.from_buffer_copy(flat) if flat else ctype()
    out.append(("ctypes", carr))
    mv = memoryview(bytearray(flat)).cast("B")
    if len(shape) == 1 or all(shape):
        out.append(("memoryview.cast", mv.cast(code, shape=list(shape)) if flat else mv.cast(code)))
    if len(shape) == 1:
        out.append(("array.array", array.array(code if code not in "qQ" else {"q": "q", "Q": "Q"}[code],
                                               values) if code != "?" else array.array("b", values)))
    if exporter_module is not None:
        ndim = len(shape)
        for label, kw in [("exporter, NULL strides", dict(shape=shape, strides=None)),
                          ("exporter, NULL shape and strides", dict(shape=None, strides=None, ndim=1))]:
            if kw["shape"] is None and ndim != 1:
                continue
            e = exporter_module.Exporter(max(len(flat), 1), format=code, itemsize=itemsize, length=len(flat), **kw)
            e.write(0, flat)
            out.append((label, e))
    return [(label, obj) for label, obj in out if not (label == "array.array" and dtype == "bool")]


# ----------------------------------------------------------------------------- scalar boundaries

INT_RANGES = {"i8": (-2**7, 2**7 - 1), "i16": (-2**15, 2**15 - 1), "i32": (-2**31, 2**31 - 1),
              "i64": (-2**63, 2**63 - 1), "u8": (0, 2**8 - 1), "u16": (0, 2**16 - 1), "u32": (0, 2**32 - 1),
              "u64": (0, 2**64 - 1)}
F32_MAX = float(np.finfo(np.float32).max)
F32_OVERFLOW = float.fromhex("0x1.ffffff0000000p+127")    # the halfway point: rounds to inf


def boundary_values(type_name: str) -> list[tuple[object, object]]:
    """(argument, expected) pairs at and beyond the edges of a parameter type; `expected`
    is the returned value, or an exception class the call must raise."""
    if type_name in INT_RANGES:
        lo, hi = INT_RANGES[type_name]
        cases = [(lo, lo), (hi, hi), (lo + 1, lo + 1), (hi - 1, hi - 1), (0, 0), (lo - 1, OverflowError),
                 (hi + 1, OverflowError), (2**64, OverflowError), (-2**64, OverflowError), (10**30, OverflowError),
                 (np.int64(min(hi, 2**63 - 1)), min(hi, 2**63 - 1)), (True, 1), (False, 0),
                 (1.0, TypeError), ("1", TypeError), (None, TypeError)]
        return cases
    if type_name == "f64":
        return [(0.0, 0.0), (-0.0, -0.0), (5e-324, 5e-324), (sys.float_info.max, sys.float_info.max),
                (math.inf, math.inf), (-math.inf, -math.inf), (2**1023, float(2**1023)), (2**1024, OverflowError),
                (-(2**1024), OverflowError), (2**53 + 1, float(2**53 + 1)), (np.float32(0.1), float(np.float32(0.1))),
                (True, 1.0), ("0", TypeError), (None, TypeError), (1j, TypeError)]
    if type_name == "f32":
        return [(0.0, 0.0), (-0.0, -0.0), (F32_MAX, F32_MAX), (-F32_MAX, -F32_MAX),
                (float.fromhex("0x1.fffffefffffffp+127"), F32_MAX), (F32_OVERFLOW, OverflowError),
                (1e300, OverflowError), (-1e39, OverflowError), (math.inf, math.inf), (-math.inf, -math.inf),
                (1e-46, 0.0), (-1e-46, -0.0), (2**128, OverflowError), (2**127, float(2**127)),
                (0.1, float(np.float32(0.1))), (None, TypeError)]
    if type_name == "bool":
        class Index:
            def __init__(self, v):
                self.v = v

            def __index__(self):
                return self.v

        return [(True, True), (False, False), (np.bool_(True), True), (np.bool_(False), False), (0, False),
                (1, True), (-1, True), (2**70, True), (np.int8(0), False), (np.uint64(3), True),
                (Index(0), False), (Index(9), True), (0.0, TypeError), ("", TypeError), (None, TypeError),
                ([], TypeError)]
    if type_name == "c128":
        return [(1 + 2j, 1 + 2j), (complex(math.inf, -0.0), complex(math.inf, -0.0)), (3, 3 + 0j), (2.5, 2.5 + 0j),
                (np.complex64(1 + 1j), 1 + 1j), (True, 1 + 0j), ("1j", TypeError), (None, TypeError)]
    if type_name == "c64":
        return [(1 + 2j, 1 + 2j), (complex(F32_MAX, -F32_MAX), complex(F32_MAX, -F32_MAX)),
                (complex(1e300, 0), OverflowError), (complex(0, -1e300), OverflowError),
                (complex(math.inf, 0), complex(math.inf, 0)), (None, TypeError)]
    raise KeyError(type_name)
