"""wheelpkg: a small library mixing Python modules and compiled `.fx` modules.

`vecmath` and `series` are `.fx` files; in an installed wheel they are the prebuilt
`vecmath.abi3.so` / `series.abi3.so`, in a checkout fastext's import hook compiles them.
"""
from wheelpkg.series import collatz_steps, fib, harmonic, is_prime
from wheelpkg.stats import describe, zscores
from wheelpkg.vecmath import axpy, dot, norm

__all__ = ["axpy", "collatz_steps", "describe", "dot", "fib", "harmonic", "is_prime", "native_files", "norm",
           "zscores"]
__version__ = "0.1.0"


def native_files() -> dict[str, str | None]:
    """Where each `.fx` module was loaded from (a `.abi3.so` when the wheel's build is used)."""
    from wheelpkg import series, vecmath
    files: dict[str, str | None] = {}
    for m in (series, vecmath):
        path = m.__file__ or ""
        files[m.__name__] = getattr(m, "__cached__", None) if path.endswith(".fx") else path
    return files
