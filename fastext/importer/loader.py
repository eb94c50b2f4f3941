"""Loaders of `.fx` modules (compiled, interpreted, alias) and `native_path()`.

The implementation lives in the top-level module `_fastext_hook`, beside the
finder, so that the first import of a cached `.fx` module loads no extra Python
module for it; this module is its public home inside the package.
"""
from _fastext_hook import FxAliasLoader, FxLoader, jit_forced, native_path

__all__ = ["FxAliasLoader", "FxLoader", "jit_forced", "native_path"]
