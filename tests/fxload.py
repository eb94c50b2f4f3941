"""Load a `.fx` file compiled (through the compiler and the system linker) or interpreted.

No import hook involved: `compiled(path)` calls the compiler driver and the
linker directly and loads the shared object from a private temporary folder;
`interpreted(path)` execs the same source as plain Python.  Both are cached, so
each `.fx` file is compiled once per test session.
"""
from __future__ import annotations

import atexit
import importlib.util
import os
import shutil
import tempfile
import types

from fastext.importer.interpreted import load as load_interpreted

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLES = os.path.join(REPO, "examples")
FX_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fx")

_compiled: dict[str, types.ModuleType] = {}
_interpreted: dict[str, types.ModuleType] = {}
_tmp: str | None = None


def _tmpdir() -> str:
    global _tmp
    if _tmp is None:
        _tmp = tempfile.mkdtemp(prefix="fastext-tests-")
        atexit.register(shutil.rmtree, _tmp, ignore_errors=True)
    return _tmp


def _module_name(path: str) -> str:
    return os.path.basename(path).rsplit(".", 1)[0]


def compiled(path: str, name: str | None = None) -> types.ModuleType:
    """The native extension module built from `path` (compiled once per process)."""
    path = os.path.abspath(path)
    name = name or _module_name(path)
    key = f"{path}::{name}"
    if key not in _compiled:
        from fastext.compiler.driver import compile_file
        from fastext.compiler.link import link_shared
        art = compile_file(path, name)
        so = os.path.join(_tmpdir(), f"{name}_{len(_compiled)}_native.so")
        link_shared(art.object_code, so)
        spec = importlib.util.spec_from_file_location(name, so)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        _compiled[key] = mod
    return _compiled[key]


def interpreted(path: str, name: str | None = None) -> types.ModuleType:
    """The same `.fx` source executed as plain Python (the correctness oracle)."""
    path = os.path.abspath(path)
    name = name or _module_name(path)
    key = f"{path}::{name}"
    if key not in _interpreted:
        # exactly what FASTEXT_DISABLE=1 runs (array items seen as Python numbers)
        _interpreted[key] = load_interpreted(path, name)
    return _interpreted[key]


def exported(path: str) -> list[str]:
    """Names of the exported functions of a `.fx` file (as the compiler sees them)."""
    import ast
    with open(path, encoding="utf-8") as f:
        tree = ast.parse(f.read())
    return [n.name for n in tree.body if isinstance(n, ast.FunctionDef) and not n.name.startswith("_")]
