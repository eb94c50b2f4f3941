"""NumPy's type rules, asked of NumPy itself at compile time.

The array language must give NumPy's result dtypes (NumPy 2, NEP 50): rather than a copy of
its promotion tables, the compiler asks the installed NumPy — `ufunc.resolve_dtypes` for a
ufunc's loop, `numpy.result_type` for functions such as `where` — with each operand given
as NumPy would see it under plain Python: an array or a NumPy scalar as its dtype (strong),
a Python number as its Python type (weak: it takes the other operand's precision).  NumPy's
version is part of the cache key (`fastext/config.py`), so an upgrade recompiles.
"""
from __future__ import annotations

from functools import lru_cache

from fastext.compiler import types as T
from fastext.compiler.types import Scalar

_NAMES = {
    "i8": "int8", "i16": "int16", "i32": "int32", "i64": "int64",
    "u8": "uint8", "u16": "uint16", "u32": "uint32", "u64": "uint64",
    "f32": "float32", "f64": "float64", "c64": "complex64", "c128": "complex128", "bool": "bool",
}
_BY_NUMPY = {v: T.SCALARS.get(k, T.BOOL) for k, v in _NAMES.items()}
_WEAK = {"int": int, "float": float, "complex": complex}


class NoLoop(Exception):
    """NumPy has no loop for these operand types (a TypeError under plain Python), or it gives a
    dtype the dialect lacks (float16, object, ...)."""


def numpy_name(t: Scalar) -> str:
    """`float64` for f64, ... (NumPy's name of a dialect scalar type)."""
    return _NAMES[t.name]


def from_numpy(name: str) -> Scalar:
    t = _BY_NUMPY.get(name)
    if t is None:
        raise NoLoop(f"NumPy gives {name}, which .fx code has no type for")
    return t


def operand(t: Scalar, weak: bool):
    """How NumPy sees an operand: a weak Python number by its kind, anything else by its dtype."""
    if weak and not t.is_bool:
        kind = "complex" if t.is_complex else "float" if t.is_float else "int"
        return kind
    return t.name


@lru_cache(maxsize=None)
def _resolve(ufunc: str, keys: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    import numpy
    fn = getattr(numpy, ufunc)
    given = tuple(_WEAK[k] if k in _WEAK else numpy.dtype(_NAMES[k]) for k in keys)
    try:
        dtypes = fn.resolve_dtypes(given + (None,) * fn.nout)
    except (TypeError, ValueError) as e:   # UFuncNoLoopError and friends are TypeErrors
        raise NoLoop(str(e).split("\n")[0]) from None
    names = tuple(str(d) for d in dtypes)
    return names[:fn.nin], names[fn.nin:]


def ufunc_loop(ufunc: str, keys: list[str]) -> tuple[list[Scalar], list[Scalar]]:
    """The loop NumPy runs for `ufunc` on operands given by `operand()`: (input types, output types).

    Raises NoLoop where NumPy raises (or gives a type the dialect lacks)."""
    ins, outs = _resolve(ufunc, tuple(keys))
    return [from_numpy(n) for n in ins], [from_numpy(n) for n in outs]


@lru_cache(maxsize=None)
def _result(keys: tuple[str, ...]) -> str:
    import numpy
    values = [{"int": 0, "float": 0.0, "complex": 0j}[k] if k in _WEAK else numpy.dtype(_NAMES[k]) for k in keys]
    try:
        return str(numpy.result_type(*values))
    except TypeError as e:
        raise NoLoop(str(e)) from None


def result_type(keys: list[str]) -> Scalar:
    """numpy.result_type of operands given by `operand()` (NEP 50 weak Python numbers)."""
    return from_numpy(_result(tuple(keys)))


def can_cast(src: Scalar, dst: Scalar, casting: str = "same_kind") -> bool:
    """numpy.can_cast between dialect types (in-place operators need "same_kind")."""
    import numpy
    return bool(numpy.can_cast(numpy.dtype(_NAMES[src.name]), numpy.dtype(_NAMES[dst.name]), casting))


def default_int() -> Scalar:
    """NumPy's default integer (int64 on 64-bit Linux and macOS)."""
    return T.I64
