"""Object → shared object with the system linker driver (`cc -shared`; on macOS `cc -bundle`).

The linker only joins our object into a `.so`; it adds no code of its own
beyond the C runtime's start files.  Without one, see `jit.py`; the command line per
platform is `platforms.link_command`.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile

from fastext import config

CANDIDATES = ("cc", "gcc", "clang")


class LinkError(RuntimeError):
    """The system linker failed or is missing."""


def find_linker() -> str | None:
    """The linker driver to use, or None (FASTEXT_LINKER=none forces None)."""
    override = config.linker_override()
    if override:
        return None if override.lower() == "none" else shutil.which(override)
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


def link_shared(object_code: bytes, out_path: str, extra_args: tuple[str, ...] = ()) -> None:
    """Link one relocatable object into a shared object at `out_path` (`extra_args` go last)."""
    linker = find_linker()
    if linker is None:
        raise LinkError("no linker found: install a C toolchain (e.g. `apt install gcc`) "
                        "or set FASTEXT_LINKER; without one fastext loads modules through the JIT")
    with tempfile.TemporaryDirectory(prefix="fastext-link-") as tmp:
        obj = os.path.join(tmp, "module.o")
        with open(obj, "wb") as f:
            f.write(object_code)
        from fastext.compiler.platforms import host_triple, link_command
        cmd = link_command(linker, obj, out_path, host_triple(), object_code, extra_args)
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            raise LinkError(f"linking failed ({' '.join(cmd)}):\n{proc.stderr.strip()}")
