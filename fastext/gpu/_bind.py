"""PLACEHOLDER (gpu-compiler branch only): the runtime helper's `fastext/gpu/_bind.py` replaces this file.

It exists so that the compiler's tests can import a compiled module with kernels (its
Py_mod_exec slot imports `fastext.gpu._bind` and calls `bind(module)`).  It checks the
descriptor and sets one attribute per kernel that cannot launch anything.
"""
from __future__ import annotations

import json


class UnboundKernel:
    """A kernel of a compiled module, without the runtime that launches it."""

    def __init__(self, module_name: str, name: str, info: dict):
        self.__name__, self.module, self.info = name, module_name, info
        self.__doc__ = info.get("doc") or None

    def __getitem__(self, config):
        raise NotImplementedError(f"{self.module}.{self.__name__}: launching kernels needs the fastext.gpu runtime")


def bind(module) -> None:
    """Set one attribute per kernel of `module` (from its `__fastext_gpu__()` descriptor)."""
    try:
        desc = json.loads(module.__fastext_gpu__())
        if desc.get("version") != 1:
            raise ValueError(f"unsupported GPU descriptor version {desc.get('version')!r}")
        for name, info in desc["kernels"].items():
            setattr(module, name, UnboundKernel(module.__name__, name, info))
    except Exception as e:
        raise ImportError(f"cannot bind the GPU kernels of {module.__name__}: {e}", name=module.__name__) from e
