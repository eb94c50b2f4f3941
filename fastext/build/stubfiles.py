"""Stub files beside `.fx` sources (docs/stubs.md): where they go, whether one is stale, writing it.

Imported by the import hook under FASTEXT_STUBS=1 at every `.fx` import, so only `os` at the
top: the front end and the stub text (`stubs.py`) are imported only when a stub is written.
"""
from __future__ import annotations

import os


def stub_path(fx_path: str) -> str:
    """Where the stub of `fx_path` goes: `kernels.fx` → `kernels.pyi`, beside it, which is
    where mypy, pyright and IDEs look for the module `kernels`."""
    return os.path.splitext(fx_path)[0] + ".pyi"


def write_beside(fx_path: str, module_name: str | None = None) -> str | None:
    """Write the stub of `fx_path` beside it; return its path, or None when the file there
    already says exactly that (its mtime is then left alone, so tools do not re-check).
    Raises CompileError when the module has errors (no stub is written then)."""
    from fastext.build.stubs import stub_for_file
    name = module_name or os.path.splitext(os.path.basename(fx_path))[0]
    text = stub_for_file(fx_path, name).encode("utf-8")
    out = stub_path(fx_path)
    try:
        with open(out, "rb") as f:
            if f.read() == text:
                return None
    except OSError:
        pass
    from fastext.importer.store import write_atomic
    write_atomic(out, text, 0o644)      # a stub is public text, as the source beside it
    return out


def is_stale(fx_path: str, deps=()) -> bool:
    """True when the stub beside `fx_path` is missing or older than it or one of the `.fx`
    files its build read (their signatures can change the stub: imported structs)."""
    try:
        built = os.stat(stub_path(fx_path)).st_mtime_ns
    except OSError:
        return True
    for path in (fx_path, *deps):
        try:
            if os.stat(path).st_mtime_ns > built:
                return True
        except OSError:
            continue
    return False
