"""`@extern(library)`: C functions declared in `.fx` code (docs/extern.md).

    from fastext import extern, f64

    @extern("m")
    def cbrt(x: f64) -> f64: ...

Compiled, the module `dlopen`s the library and `dlsym`s each symbol once, at import
(abi/extern.py), and calls go through the resolved pointer, inlined into the caller
(lower/extern.py).  Under plain Python (FASTEXT_DISABLE=1) the decorator below makes the same
call through `ctypes`, so the oracle holds.  Both read the library the same way:
`library_candidates`.
"""
from __future__ import annotations

import os
import sys

# dialect scalar name → ctypes type name (bool is C's _Bool)
_CTYPES = {"i8": "c_int8", "i16": "c_int16", "i32": "c_int32", "i64": "c_int64", "u8": "c_uint8",
           "u16": "c_uint16", "u32": "c_uint32", "u64": "c_uint64", "f32": "c_float", "f64": "c_double",
           "bool": "c_bool", "int": "c_int64", "float": "c_double"}


def is_path(library: str) -> bool:
    """A path to a shared library (`./libfoo.so`, `/opt/x/libbar.so.2`) rather than a short name (`m`)."""
    return "/" in library or os.sep in library or library.endswith((".so", ".dylib")) or ".so." in library


def library_candidates(library: str, fx_path: str) -> tuple[str, ...]:
    """What `dlopen` is tried with, in order.  A short name `m` (as in `-lm`): what
    `ctypes.util.find_library` finds for it here (`libm.so.6`), then `libm.so` (`libm.dylib`
    on macOS).  A path: made absolute against the `.fx` file's folder."""
    if is_path(library):
        path = os.path.expanduser(library)
        if not os.path.isabs(path):
            path = os.path.join(os.path.dirname(os.path.abspath(fx_path)), path)
        return (os.path.normpath(path),)
    from ctypes.util import find_library

    found = find_library(library)
    plain = f"lib{library}.dylib" if sys.platform == "darwin" else f"lib{library}.so"
    return tuple(dict.fromkeys(c for c in (found, plain) if c))


def _load(library, fx_path: str):
    import ctypes

    if isinstance(library, ctypes.CDLL):
        return library
    if not isinstance(library, str):
        raise TypeError(f"@extern() takes a library name or path (str) or a ctypes.CDLL, not {type(library).__name__}")
    errors = []
    for candidate in library_candidates(library, fx_path):
        try:
            return ctypes.CDLL(candidate)
        except OSError as exc:
            errors.append(str(exc))
    raise ImportError(f"@extern: cannot load the library {library!r} ({'; '.join(errors) or 'not found'})",
                      path=fx_path)


def _ctype(annotation, where: str):
    import ctypes

    from fastext.dialect import ArrayType, ScalarType
    if annotation is None or annotation is type(None):
        return None
    if isinstance(annotation, ArrayType):
        return "array"
    name = annotation.name if isinstance(annotation, ScalarType) else getattr(annotation, "__name__", None)
    if name not in _CTYPES:
        raise TypeError(f"@extern: {where} has the type {annotation!r}, which has no C counterpart here")
    return getattr(ctypes, _CTYPES[name])


def decorate(library, fn):
    """The plain-Python `@extern(library)`: `fn` replaced by a call of the C function of its
    name through ctypes, argument and result types taken from its annotations."""
    import ctypes
    import inspect

    fx_path = getattr(sys.modules.get(fn.__module__), "__file__", None) or fn.__code__.co_filename
    lib = _load(library, fx_path)
    try:
        cfunc = getattr(lib, fn.__name__)
    except AttributeError:
        raise ImportError(f"@extern: the library {library!r} has no symbol `{fn.__name__}`", path=fx_path) from None
    hints = inspect.get_annotations(fn, eval_str=True)
    params = list(inspect.signature(fn).parameters)
    kinds = [_ctype(hints.get(p), f"parameter `{p}` of `{fn.__name__}`") for p in params]
    cfunc.argtypes = [ctypes.c_void_p if k == "array" else k for k in kinds]
    cfunc.restype = _ctype(hints.get("return"), f"the result of `{fn.__name__}`")
    signature = inspect.signature(fn)

    def call(*args, **kwargs):
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        values = []
        for kind, name, value in zip(kinds, params, bound.arguments.values()):
            if kind == "array":     # the address of the first item, as the compiled call passes
                import numpy
                value = numpy.asarray(value).__array_interface__["data"][0]
            values.append(value)
        try:
            return cfunc(*values)
        except ctypes.ArgumentError as exc:     # "argument 2: TypeError: wrong type": name the parameter
            head, _, why = str(exc).partition(": ")
            index = int(head.split()[-1]) - 1 if head.split()[-1].isdigit() else 0
            raise TypeError(f"{fn.__name__}() argument {params[index]!r}: {why or exc}") from None

    call.__name__, call.__qualname__, call.__doc__ = fn.__name__, fn.__qualname__, fn.__doc__
    call.__wrapped__, call.__fastext_extern__ = fn, library
    return call
