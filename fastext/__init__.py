"""fastext: import typed Python (`.fx`) files as native CPython extension modules.

    import kernels        # compiles kernels.fx (cached) and imports the extension
    import kernels.fx     # the same, spelled after the file

Importing fastext installs the import hook (idempotent).  The scalar types and
`prange` are what `.fx` files import; they also work under plain CPython, which
is how a `.fx` module runs with compilation off (FASTEXT_DISABLE=1).  They load
lazily (PEP 562) so the start-up hook stays well under a millisecond.
"""
# The hook module is usually loaded already (by fastext-hook.pth); importing it from
# here rather than through fastext.importer.finder saves a cached `.fx` import two
# module loads.
from _fastext_hook import disable, enable, install, is_installed, uninstall



def load_interpreted(path: str, name: str | None = None):
    """The `.fx` file at `path` run as plain Python, as FASTEXT_DISABLE=1 would: the oracle
    to compare a compiled module with, in the same process."""
    from fastext.importer.interpreted import load

    return load(path, name)


def set_num_threads(n: int) -> None:
    """Use `n` threads in every `prange` loop from now on, in every compiled module
    (sets FASTEXT_NUM_THREADS, which the compiled code reads at each parallel loop)."""
    from fastext.config import set_num_threads as _set

    _set(n)


def get_num_threads() -> int:
    """The threads a `prange` loop uses now: FASTEXT_NUM_THREADS, else the CPUs this process may use."""
    from fastext.config import num_threads

    return num_threads()


def load_ipython_extension(ip) -> None:
    """`%load_ext fastext` in IPython / Jupyter: the `%%fastext` cell magic (docs/jupyter.md)."""
    from fastext.notebook import load_ipython_extension as load

    load(ip)


__version__ = "0.1.0"

_DIALECT = frozenset({"ArrayType", "ScalarType", "f32", "f64", "c64", "c128", "i8", "i16", "i32", "i64",
                       "u8", "u16", "u32", "u64", "boolean", "bool_", "prange", "struct",
                       "unchecked", "fastmath", "inline", "nogil", "extern", "vectorize", "guvectorize",
                       "empty", "zeros", "ones", "full", "empty_like", "zeros_like", "ones_like", "full_like"})

# `from fastext import *` gives a .fx file (compiled or run as plain Python) the dialect names
__all__ = ["FastextWarning", "disable", "enable", "get_num_threads", "install", "is_installed", "load_interpreted",
           "set_num_threads", "uninstall", *sorted(_DIALECT)]


def __getattr__(name: str):
    if name == "gpu":   # `import fastext` then `fastext.gpu.kernel` (a .fx file may spell it so)
        import importlib

        return importlib.import_module("fastext.gpu")
    if name == "FastextWarning":  # made on first use (a class costs a cached import ~20 us)
        import _fastext_hook

        return _fastext_hook.FastextWarning
    if name in _DIALECT:
        from fastext import dialect
        value = getattr(dialect, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'fastext' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | _DIALECT | {"FastextWarning"})


install()
