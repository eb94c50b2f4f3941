"""Kernel parameters: their types (from the descriptor's type strings or from annotations),
the NumPy dtypes they mean, and the scalar conversions every launch path shares.

The rules are the CPU entry points' rules (tests/test_bad_input.py): integer parameters take
objects with `__index__` (not floats), float parameters take objects with `__float__`, `bool`
parameters take `bool` / `numpy.bool_`; out-of-range integers raise OverflowError; every
message names the kernel and the parameter.
"""
from __future__ import annotations

import operator
import sys

import numpy as np

# dialect name -> (NumPy dtype, struct format of one PTX parameter, kind)
SCALARS = {
    "bool": (np.dtype(np.bool_), "?", "bool"),
    "i8": (np.dtype(np.int8), "b", "int"), "i16": (np.dtype(np.int16), "h", "int"),
    "i32": (np.dtype(np.int32), "i", "int"), "i64": (np.dtype(np.int64), "q", "int"),
    "u8": (np.dtype(np.uint8), "B", "uint"), "u16": (np.dtype(np.uint16), "H", "uint"),
    "u32": (np.dtype(np.uint32), "I", "uint"), "u64": (np.dtype(np.uint64), "Q", "uint"),
    "f32": (np.dtype(np.float32), "f", "float"), "f64": (np.dtype(np.float64), "d", "float"),
    "c64": (np.dtype(np.complex64), "ff", "complex"), "c128": (np.dtype(np.complex128), "dd", "complex"),
}
_BY_DTYPE = {dtype: name for name, (dtype, _, _) in SCALARS.items()}
_ALIASES = {"boolean": "bool", "bool_": "bool"}


def numpy_dtype(t) -> np.dtype:
    """The NumPy dtype of a dialect scalar type (object or name) or of anything np.dtype accepts."""
    name = getattr(t, "name", t)
    name = _ALIASES.get(name, name)
    if isinstance(name, str) and name in SCALARS:
        return SCALARS[name][0]
    return np.dtype(t)


def dialect_name(dtype) -> str | None:
    """`f32` for float32 etc.; None for dtypes kernels cannot take."""
    return _BY_DTYPE.get(np.dtype(dtype))


class Param:
    """One declared kernel parameter: `scalar` (dtype, no rank), `array` (dtype and rank) or `any`
    (an unannotated parameter of a plain Python kernel: not checked)."""

    __slots__ = ("name", "kind", "type_name", "dtype", "ndim", "tag")

    def __init__(self, name: str, kind: str, type_name: str | None = None, ndim: int = 0):
        self.name, self.kind, self.type_name, self.ndim = name, kind, type_name, ndim
        self.dtype = SCALARS[type_name][0] if type_name is not None else None
        # an interned "f32:1" that device arrays carry too: one identity test checks dtype and rank
        self.tag = sys.intern(f"{type_name}:{ndim}") if kind == "array" else None

    @property
    def spelling(self) -> str:
        if self.kind == "array":
            return f"{self.type_name}[{', '.join(':' * self.ndim)}]"
        return self.type_name or "any"

    def __repr__(self) -> str:
        return f"Param({self.name!r}, {self.spelling!r})"


def parse_type(name: str, text: str) -> Param:
    """A descriptor type string (`f32`, `bool`, `f64[:, :]`) as a Param."""
    text = text.replace(" ", "")
    if text.endswith("]") and "[" in text:
        base, _, dims = text[:-1].partition("[")
        parts = dims.split(",")
        if base not in SCALARS or not parts or any(p != ":" for p in parts):
            raise ValueError(f"parameter {name!r}: bad array type {text!r}")
        return Param(name, "array", base, len(parts))
    text = _ALIASES.get(text, text)
    if text not in SCALARS:
        raise ValueError(f"parameter {name!r}: unknown type {text!r}")
    return Param(name, "scalar", text)


def from_annotation(name: str, ann) -> Param:
    """A Param from a plain Python kernel's annotation (`f32`, `f32[:]`, or a string of one)."""
    from fastext.dialect import ArrayType, ScalarType

    if isinstance(ann, str):
        return parse_type(name, ann)
    if isinstance(ann, ArrayType):
        return Param(name, "array", _ALIASES.get(ann.dtype.name, ann.dtype.name), ann.ndim)
    if isinstance(ann, ScalarType):
        return Param(name, "scalar", _ALIASES.get(ann.name, ann.name))
    if ann is bool:
        return Param(name, "scalar", "bool")
    if ann is int:
        return Param(name, "scalar", "i64")
    if ann is float:
        return Param(name, "scalar", "f64")
    if ann is complex:
        return Param(name, "scalar", "c128")
    return Param(name, "any")


def params_of_function(fn) -> list[Param]:
    """The Params of a plain Python kernel, from its signature and annotations."""
    import inspect

    sig = inspect.signature(fn)
    out = []
    for p in sig.parameters.values():
        if p.kind not in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD):
            raise TypeError(f"kernel {fn.__name__}(): parameter {p.name!r}: kernels take positional parameters only")
        ann = p.annotation
        if isinstance(ann, str):
            try:
                ann = eval(ann, fn.__globals__)   # `from __future__ import annotations`
            except Exception:
                pass
        out.append(Param(p.name, "any") if ann is p.empty else from_annotation(p.name, ann))
    return out


# -- scalars ---------------------------------------------------------------------------------

_WHAT = {"int": "int", "uint": "int", "float": "float", "bool": "bool", "complex": "complex"}


def _expected(p: Param) -> str:
    return f"{_WHAT[SCALARS[p.type_name][2]]} ({p.type_name})"


def convert_scalar(kernel: str, p: Param, value):
    """`value` as the Python number the kernel receives for scalar parameter `p`, or a TypeError /
    OverflowError naming the kernel and the parameter."""
    kind = SCALARS[p.type_name][2]
    got = type(value).__name__
    if kind in ("int", "uint"):
        if isinstance(value, (float, complex, np.floating, np.complexfloating)):
            raise TypeError(f"{kernel}() parameter {p.name!r} expects {_expected(p)}, got {got}")
        try:
            v = operator.index(value)
        except TypeError:
            raise TypeError(f"{kernel}() parameter {p.name!r} expects {_expected(p)}, got {got}") from None
        bits = p.dtype.itemsize * 8
        lo, hi = (0, (1 << bits) - 1) if kind == "uint" else (-(1 << (bits - 1)), (1 << (bits - 1)) - 1)
        if not lo <= v <= hi:
            raise OverflowError(f"{kernel}() parameter {p.name!r}: {v} is out of range for {p.type_name}")
        return v
    if kind == "float":
        if isinstance(value, (str, bytes, complex, np.complexfloating, np.ndarray)) or not hasattr(value, "__float__"):
            raise TypeError(f"{kernel}() parameter {p.name!r} expects {_expected(p)}, got {got}")
        from fastext.dialect import f32

        v = float(value)
        return f32(v) if p.type_name == "f32" else v
    if kind == "bool":
        if isinstance(value, (bool, np.bool_)):
            return bool(value)
        raise TypeError(f"{kernel}() parameter {p.name!r} expects bool, got {got}")
    # complex
    if isinstance(value, (str, bytes, np.ndarray)) or not hasattr(value, "__complex__") and not hasattr(value, "__float__"):
        raise TypeError(f"{kernel}() parameter {p.name!r} expects {_expected(p)}, got {got}")
    from fastext.dialect import c64

    v = complex(value)
    return c64(v) if p.type_name == "c64" else v


def scalar_slots(kernel: str, p: Param, value) -> tuple:
    """The PTX parameter values of a scalar argument (two for complex: re, im)."""
    v = convert_scalar(kernel, p, value)
    return (v.real, v.imag) if isinstance(v, complex) else (v,)
