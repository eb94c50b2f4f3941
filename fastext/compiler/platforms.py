"""Target platforms: LLVM triples, extension-module file names and the linker command line.

Linux (x86-64, AArch64) is where modules are built, linked, imported and tested; macOS
(arm64, x86-64) objects are cross-compiled and inspected here, and the macOS link command
is built and checked as text (docs/platforms.md says which is which).  Everything that
differs by platform in generated code asks `is_darwin(triple)` of the module's triple,
never `sys.platform`, so a cross-compiled object carries the target's constants.
"""
from __future__ import annotations

import os
import sys

# The oldest macOS a module runs on when MACOSX_DEPLOYMENT_TARGET is unset: the first arm64
# release, and for x86-64 the floor of python.org's CPython 3.11 installers.
DEFAULT_MACOS = {"arm64": "11.0", "x86_64": "10.9"}
_ALIASES = {
    "aarch64-linux": "aarch64-unknown-linux-gnu",
    "arm64-linux": "aarch64-unknown-linux-gnu",
    "x86_64-linux": "x86_64-unknown-linux-gnu",
    "arm64-macos": "arm64-apple-macos",
    "aarch64-macos": "arm64-apple-macos",
    "x86_64-macos": "x86_64-apple-macos",
}


class PlatformError(ValueError):
    """A target this fastext cannot build for (the message names the triple)."""


def host_triple() -> str:
    """The LLVM triple of the running process."""
    import llvmlite.binding as llvm
    return llvm.get_process_triple()


def is_darwin(triple: str) -> bool:
    """macOS (`*-apple-darwin*`, `*-apple-macos*`)."""
    return "-apple-" in triple and ("darwin" in triple or "macos" in triple)


def arch(triple: str) -> str:
    """`x86_64` or `arm64`/`aarch64` as each platform spells it (Apple: `arm64`; Linux: `aarch64`)."""
    machine = triple.split("-", 1)[0]
    if machine in ("aarch64", "arm64"):
        return "arm64" if is_darwin(triple) else "aarch64"
    if machine in ("x86_64", "amd64"):
        return "x86_64"
    raise PlatformError(f"unsupported target `{triple}`: fastext builds for x86_64 and aarch64/arm64")


def deployment_target(triple: str, environ=None) -> str:
    """The oldest macOS the module runs on: MACOSX_DEPLOYMENT_TARGET, else `DEFAULT_MACOS`."""
    environ = os.environ if environ is None else environ
    value = environ.get("MACOSX_DEPLOYMENT_TARGET", "").strip()
    if value:
        parts = value.split(".")
        if not all(p.isdigit() for p in parts) or len(parts) > 3:
            raise PlatformError(f"MACOSX_DEPLOYMENT_TARGET must be a macOS version such as 11.0, not {value!r}")
        return value
    return DEFAULT_MACOS[arch(triple)]


def normalize(target: str, environ=None) -> str:
    """A full LLVM triple for `target` ("aarch64-linux", "arm64-apple-macos", a full triple);
    a macOS triple carries the deployment target (`arm64-apple-macosx11.0.0`), which LLVM
    writes into the object's minimum-OS load command."""
    triple = _ALIASES.get(target.strip().lower(), target.strip())
    parts = triple.split("-")
    if len(parts) < 3 or not all(parts):
        raise PlatformError(f"`{target}` is not a target triple such as aarch64-unknown-linux-gnu or arm64-apple-macos")
    arch(triple)    # (rejects other machines)
    if is_darwin(triple) and not any(c.isdigit() for c in parts[2]):
        version = deployment_target(triple, environ)
        triple = f"{parts[0]}-apple-macosx{version}{'.0' * (2 - version.count('.'))}"
    elif not is_darwin(triple) and "linux" not in triple:
        raise PlatformError(f"unsupported target `{target}`: fastext builds for Linux and macOS")
    return triple


def ext_suffix(triple: str, abi3: bool = False, version: tuple[int, int] | None = None) -> str:
    """The extension-module suffix CPython looks for on `triple`'s platform: `.abi3.so`, or
    `.cpython-311-x86_64-linux-gnu.so` / `.cpython-311-aarch64-linux-gnu.so` / `.cpython-311-darwin.so`."""
    if abi3:
        return ".abi3.so"
    major, minor = version or sys.version_info[:2]
    tag = f"cpython-{major}{minor}"
    if is_darwin(triple):
        return f".{tag}-darwin.so"
    return f".{tag}-{arch(triple)}-linux-gnu.so"


def link_command(linker: str, obj: str, out: str, triple: str, object_code: bytes = b"",
                 extra_args: tuple[str, ...] = (), environ=None) -> list[str]:
    """The linker driver's command line that turns `obj` into the extension module `out`.

    Linux: `-shared`, with libm, and glibc's libmvec, libpthread and libdl when the object
    calls into them (`object_code`: the object's bytes, searched for those symbols).
    macOS: `-bundle -undefined dynamic_lookup`, as CPython's own LDSHARED there — the Python
    C API resolves against the interpreter at load time, no libpython is linked; `-arch`
    and `-mmacosx-version-min` from the triple and MACOSX_DEPLOYMENT_TARGET; threads, dlopen
    and libm are all in libSystem.
    """
    if is_darwin(triple):
        return [linker, "-bundle", "-undefined", "dynamic_lookup", "-arch", arch(triple),
                f"-mmacosx-version-min={deployment_target(triple, environ)}", "-o", out, obj, *extra_args]
    # prange loops call pthread_create (in libc since glibc 2.34, in libpthread before)
    threads = ["-lpthread"] if b"pthread_create" in object_code else []
    # NumPy's element-wise functions vectorised with glibc's vector math (lower/vecmath.py)
    vector_math = ["-lmvec"] if b"_ZGV" in object_code else []
    # matrix products look their BLAS up with dlopen/dlsym (in libc since glibc 2.34, in libdl before)
    dl = ["-ldl"] if b"dlsym" in object_code else []
    return [linker, "-shared", "-o", out, obj, "-lm", *vector_math, *threads, *dl, *extra_args]
