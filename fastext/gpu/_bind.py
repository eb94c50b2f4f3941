"""`bind(module)`: a compiled `.fx` module's GPU kernels as launchable attributes.

Called from the module's exec slot (docs/gpu.md, "What compiles to what"): reads `module.__fastext_gpu__()` (UTF-8
JSON bytes), checks it, and sets one `CompiledKernel` attribute per kernel.  Imports neither
cuda-python nor the driver: the PTX is loaded on the first launch.  Any problem raises
ImportError naming the module.
"""
from __future__ import annotations

import json
import os
import threading

DESCRIPTOR_VERSION = 1


class Unit:
    """What the kernels of one compiled module share: the PTX per arch, the source path (for
    emulation) and the interpreted module, loaded on first emulated launch."""

    def __init__(self, module_name: str, ptx: dict, source: str | None):
        self.module_name, self.ptx, self.source = module_name, ptx, source
        self._interpreted = None
        self._lock = threading.Lock()

    def interpreted(self):
        if self._interpreted is None:
            with self._lock:
                if self._interpreted is None:
                    if not self.source:
                        raise RuntimeError(f"{self.module_name}: cannot emulate its kernels, the descriptor "
                                           f"names no source file")
                    from fastext import load_interpreted

                    self._interpreted = load_interpreted(self.source, self.module_name)
        return self._interpreted


def parse(data: bytes | str, module_name: str = "?") -> dict:
    """The descriptor as a dict, checked (ValueError saying what is wrong)."""
    d = json.loads(data.decode("utf-8") if isinstance(data, (bytes, bytearray)) else data)
    if not isinstance(d, dict) or d.get("version") != DESCRIPTOR_VERSION:
        raise ValueError(f"unsupported GPU descriptor version {d.get('version') if isinstance(d, dict) else d!r}")
    ptx = d.get("ptx")
    if not isinstance(ptx, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in ptx.items()):
        raise ValueError("descriptor 'ptx' must map arch names to PTX text")
    kernels = d.get("kernels")
    if not isinstance(kernels, dict):
        raise ValueError("descriptor 'kernels' must be an object")
    for name, info in kernels.items():
        if not isinstance(info, dict) or not isinstance(info.get("symbol"), str) \
                or not isinstance(info.get("params"), list):
            raise ValueError(f"descriptor entry for kernel {name!r} needs 'symbol' and 'params'")
    return d


def bind(module) -> None:
    """Set a launchable kernel attribute on `module` for each kernel of its descriptor."""
    from fastext.gpu.launch import CompiledKernel

    name = getattr(module, "__name__", "?")
    try:
        d = parse(module.__fastext_gpu__(), name)
        unit = Unit(d.get("module") or name, d["ptx"], _source(d.get("source"), getattr(module, "__file__", None)))
        kernels = {kname: CompiledKernel(unit, kname, info) for kname, info in d["kernels"].items()}
    except Exception as e:
        raise ImportError(f"{name}: cannot set up its GPU kernels: {e}", name=name) from e
    for kname, k in kernels.items():
        setattr(module, kname, k)


def _source(recorded: str | None, module_file: str | None) -> str | None:
    """The `.fx` file to emulate from: the one the module was built from, else (a module
    installed from a wheel, built elsewhere) the file of that name beside the module."""
    if recorded and module_file and not os.path.exists(recorded):
        beside = os.path.join(os.path.dirname(module_file), os.path.basename(recorded))
        if os.path.exists(beside):
            return beside
    return recorded
