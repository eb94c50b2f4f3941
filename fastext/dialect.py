"""Run-time objects of the `.fx` dialect: the names a `.fx` file imports from fastext.

Under plain CPython (compilation off, or any `.py` that imports these) they are
real, cheap objects: scalar types convert like the compiled code does (fixed-width
integers wrap, f32 rounds to single precision), `T[:, :]` builds an array type
usable as an annotation, and `prange` is `range`.  The compiler never imports
this module to decide anything; it reads the names from the source.
"""
from __future__ import annotations

import math
import struct as _binary   # `struct` is the dialect's @struct below

__all__ = [
    "ScalarType", "ArrayType", "prange", "struct", "unchecked", "fastmath", "inline", "nogil", "extern",
    "i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64", "f32", "f64", "c64", "c128", "boolean", "bool_",
    "empty", "zeros", "ones", "full", "empty_like", "zeros_like", "ones_like", "full_like",
    "vectorize", "guvectorize",
]


class ScalarType:
    """A fixed-width scalar type such as `i32` or `f64`; call it to convert."""

    __slots__ = ("name", "kind", "bits")

    def __init__(self, name: str, kind: str, bits: int):
        self.name, self.kind, self.bits = name, kind, bits

    def __repr__(self) -> str:
        return f"fastext.{self.name}"

    @property
    def dtype(self):
        """The NumPy dtype of this type, so `np.zeros(n, dtype=f64)` works under plain Python."""
        import numpy
        return numpy.dtype("bool" if self.kind == "bool" else f"{self.kind}{self.bits}")

    def __getitem__(self, dims) -> "ArrayType":
        dims = dims if isinstance(dims, tuple) else (dims,)
        if not dims or not all(isinstance(d, slice) and d == slice(None) for d in dims):
            raise TypeError(f"array types are written {self.name}[:] or {self.name}[:, :], ...")
        return ArrayType(self, len(dims))

    def __call__(self, value=0):
        if self.kind == "complex":
            if isinstance(value, (str, bytes)):
                raise TypeError(f"{self.name}() argument must be a number, not {type(value).__name__}")
            value = complex(value)
            if self.bits == 64:   # c64: both parts rounded to single precision
                return complex(f32(value.real), f32(value.imag))
            return value
        if self.kind == "float":
            value = float(value)
            if self.bits == 32 and math.isfinite(value):
                try:
                    return _binary.unpack("f", _binary.pack("f", value))[0]
                except OverflowError:
                    return math.copysign(math.inf, value)
            return value
        if self.kind == "bool":
            return bool(value)
        value = int(value)
        mask = (1 << self.bits) - 1
        value &= mask
        if self.kind == "int" and value >> (self.bits - 1):
            value -= 1 << self.bits
        return value


class ArrayType:
    """`dtype[:, ...]`: a strided array annotation of a given rank."""

    __slots__ = ("dtype", "ndim")

    def __init__(self, dtype: ScalarType, ndim: int):
        self.dtype, self.ndim = dtype, ndim

    def __repr__(self) -> str:
        return f"{self.dtype.name}[{', '.join(':' * self.ndim)}]"

    def __eq__(self, other) -> bool:
        return isinstance(other, ArrayType) and (self.dtype, self.ndim) == (other.dtype, other.ndim)

    def __hash__(self) -> int:
        return hash((self.dtype.name, self.ndim))


i8 = ScalarType("i8", "int", 8)
i16 = ScalarType("i16", "int", 16)
i32 = ScalarType("i32", "int", 32)
i64 = ScalarType("i64", "int", 64)
u8 = ScalarType("u8", "uint", 8)
u16 = ScalarType("u16", "uint", 16)
u32 = ScalarType("u32", "uint", 32)
u64 = ScalarType("u64", "uint", 64)
f32 = ScalarType("f32", "float", 32)
f64 = ScalarType("f64", "float", 64)
c64 = ScalarType("c64", "complex", 64)      # two f32 (NumPy complex64)
c128 = ScalarType("c128", "complex", 128)   # two f64: Python's complex
boolean = ScalarType("bool", "bool", 8)   # `boolean[:]`: bool arrays where `bool[:]` cannot be evaluated
bool_ = boolean

prange = range

from fastext.structtype import struct  # noqa: E402  (@struct value records; see structtype.py)


def vectorize(*args, **kwargs):
    """Compiled: the scalar function becomes a NumPy ufunc.  Plain Python: a ufunc-like object
    with the same loops (fastext/ufuncs.py; docs/ufuncs.md)."""
    from fastext.ufuncs import vectorize as make
    return make(*args, **kwargs)


def guvectorize(*args, **kwargs):
    """Compiled: a generalised NumPy ufunc with the given layout.  Plain Python: a gufunc-like
    object (fastext/ufuncs.py; docs/ufuncs.md)."""
    from fastext.ufuncs import guvectorize as make
    return make(*args, **kwargs)


def unchecked(fn):
    """Compiled: no index bounds checks in this function.  Plain Python: no effect."""
    return fn


def fastmath(fn):
    """Compiled: float reassociation/contraction (reductions vectorise).  Plain Python: no effect."""
    return fn


def nogil(fn):
    """Compiled: release the GIL on every call (also for small arrays).  Plain Python: no effect."""
    return fn


def inline(fn):
    """Compiled: always inline into callers.  Plain Python: no effect."""
    return fn


def extern(library):
    """`@extern("m")` / `@extern("./libfoo.so")`: the function is the C function of its name in
    that library (docs/extern.md).  Compiled: loaded at import, called natively.  Plain Python:
    called through ctypes (also given a `ctypes.CDLL`)."""
    if callable(library) and not isinstance(library, str) and hasattr(library, "__code__"):
        raise TypeError("@extern needs the library: write @extern(\"m\") or @extern(\"./libfoo.so\")")

    def decorate(fn):
        from fastext.clib import decorate as bind
        return bind(library, fn)
    return decorate


# Array allocation, as in NumPy (what `np.zeros(...)` means in a .fx file; compiled, the
# memory comes from the call's arena and becomes an ndarray when returned).  Under plain
# Python these are NumPy's functions; `dtype` may also be a dialect type (f64, i32, …).
def empty(shape, dtype=float):
    """A new uninitialised array (numpy.empty)."""
    import numpy
    return numpy.empty(shape, dtype=dtype)


def zeros(shape, dtype=float):
    """A new array of zeros (numpy.zeros)."""
    import numpy
    return numpy.zeros(shape, dtype=dtype)


def ones(shape, dtype=float):
    """A new array of ones (numpy.ones)."""
    import numpy
    return numpy.ones(shape, dtype=dtype)


def full(shape, fill_value, dtype=None):
    """A new array filled with `fill_value` (numpy.full)."""
    import numpy
    return numpy.full(shape, fill_value, dtype=dtype)


def empty_like(a, dtype=None):
    """A new uninitialised array of `a`'s shape (and dtype, by default), C-contiguous."""
    import numpy
    return numpy.empty_like(a, dtype=dtype, order="C")


def zeros_like(a, dtype=None):
    """A new array of zeros of `a`'s shape (and dtype, by default), C-contiguous."""
    import numpy
    return numpy.zeros_like(a, dtype=dtype, order="C")


def ones_like(a, dtype=None):
    """A new array of ones of `a`'s shape (and dtype, by default), C-contiguous."""
    import numpy
    return numpy.ones_like(a, dtype=dtype, order="C")


def full_like(a, fill_value, dtype=None):
    """A new array of `a`'s shape filled with `fill_value`, C-contiguous."""
    import numpy
    return numpy.full_like(a, fill_value, dtype=dtype, order="C")
