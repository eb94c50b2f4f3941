"""`fastext bench --profile`: native calls and time per `.fx` function, per case.

Builds a separate, instrumented copy of the module (`Options(profile=True)`, see
`fastext/compiler/lower/profile.py`), runs every case once against it, and reads
`__fastext_profile__()`: calls (exact, internal and recursive ones included) and
inclusive time per function.  The timed runs never use this build.
"""
from __future__ import annotations

import importlib.util
import os
import tempfile
import types


class ProfileError(Exception):
    """The profiling build could not be made (the message says why)."""


def build(fx_path: str, name: str, workdir: str | None = None) -> types.ModuleType:
    """Compile and load the instrumented module (not put in sys.modules)."""
    from fastext.compiler.diagnostics import CompileError
    from fastext.compiler.driver import compile_file
    from fastext.compiler.link import LinkError, find_linker, link_shared
    from fastext.config import Options, options_from_env

    base = options_from_env()
    options = Options(base.opt_level, base.boundscheck, base.cpu, base.features, profile=True)
    try:
        artifact = compile_file(fx_path, name, options)
    except CompileError as e:
        raise ProfileError(f"the profiling build failed:\n{e}") from None
    if find_linker() is None:
        raise ProfileError("--profile needs a C linker (cc) to load the instrumented build")
    directory = workdir or tempfile.mkdtemp(prefix="fastext-profile-")
    path = os.path.join(directory, f"{name}.profile.so")
    try:
        link_shared(artifact.object_code, path)
    except LinkError as e:
        raise ProfileError(str(e)) from None
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def profile_case(case, module: types.ModuleType) -> list[dict]:
    """Run `case` once against the instrumented module; rows of function, calls, ns (busiest first)."""
    module.__fastext_profile__()                 # reset
    fn, args = case.build(module)
    module.__fastext_profile__()                 # setting up the case may call .fx functions: not counted
    fn(*args)
    rows = [{"function": name, "calls": calls, "ns": ns} for name, calls, ns in module.__fastext_profile__() if calls]
    return sorted(rows, key=lambda r: (-r["ns"], r["function"]))
