"""The cache key of a compiled `.fx` module: everything its machine code depends on.

A cached import computes the key on every import, so every input here must be
cheap and must not import llvmlite or the compiler: the LLVM identity is the
size and mtime of llvmlite's shared library, the CPU identity the model and
feature lines of /proc/cpuinfo (memoized per process).
"""
from __future__ import annotations

import os
import sys

import _imp

FORMAT = "1"  # bump when the cache layout or the key recipe changes

# The bare C hash: `hashlib` costs milliseconds to import, these a fraction (and a
# failed import would search all of sys.path, hence the version test).
try:
    if sys.version_info >= (3, 12):
        from _sha2 import sha256 as _sha256
    else:
        from _sha256 import sha256 as _sha256
except ImportError:  # pragma: no cover - builds without the builtin hash modules
    from hashlib import sha256 as _sha256


def sha256_hex(data: bytes) -> str:
    """Hex SHA-256 of `data`."""
    return _sha256(data).hexdigest()


def python_abi() -> str:
    """The interpreter's cache tag and extension-module suffix, e.g. `cpython-311 .cpython-311-x86_64-linux-gnu.so`."""
    return f"{sys.implementation.cache_tag} {_imp.extension_suffixes()[0]}"


_memo: dict[str, str] = {}


def llvm_identity() -> str:
    """Which LLVM build compiles: llvmlite's binding library, by path, size and mtime."""
    if "llvm" not in _memo:
        _memo["llvm"] = _llvm_identity()
    return _memo["llvm"]


def _llvm_identity() -> str:
    from _frozen_importlib_external import PathFinder  # finds without importing llvmlite

    spec = PathFinder.find_spec("llvmlite")
    if spec is None or not spec.submodule_search_locations:
        return "llvmlite:missing"
    binding = os.path.join(spec.submodule_search_locations[0], "binding")
    try:
        names = sorted(n for n in os.listdir(binding) if "llvmlite" in n and not n.endswith(".py"))
    except OSError:
        names = []
    parts = [binding]
    for name in names:
        try:
            st = os.stat(os.path.join(binding, name))
        except OSError:
            continue
        parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
    return " ".join(parts)


# Lines of /proc/cpuinfo that say what code the CPU runs (x86 and ARM spellings);
# clock speed, core ids and the like change between boots and are left out.
_CPU_FIELDS = ("vendor_id", "cpu family", "model", "model name", "flags",
               "Features", "CPU implementer", "CPU architecture", "CPU variant", "CPU part")


def cpu_identity() -> str:
    """What the host CPU is and which features it has (hashed), for `cpu="host"` builds."""
    if "cpu" not in _memo:
        _memo["cpu"] = _cpu_identity()
    return _memo["cpu"]


def _cpu_identity() -> str:
    machine = os.uname().machine if hasattr(os, "uname") else sys.platform
    lines = []
    try:
        with open("/proc/cpuinfo", "rb") as f:
            for raw in f:  # the first processor block is enough: all cores share a model
                line = raw.decode("utf-8", "replace").strip()
                if not line:
                    if lines:
                        break
                    continue
                name = line.partition(":")[0].strip()
                if name in _CPU_FIELDS:
                    lines.append(line)
    except OSError:
        pass  # not Linux: the machine name is what we can get cheaply
    return f"{machine} {sha256_hex(chr(10).join(lines).encode())[:16]}"


def key_inputs(fx_path: str, source: bytes, deps: list[tuple[str, bytes | None]], options) -> dict[str, str]:
    """Every input of the key, named (stored in the sidecar so a miss can be explained)."""
    import fastext

    return {
        "format": FORMAT,
        "source": fx_path,
        "source_sha256": sha256_hex(source),
        "deps": ";".join(f"{p}={sha256_hex(b) if b is not None else 'missing'}" for p, b in sorted(deps)),
        "fastext": getattr(fastext, "__version__", "?"),
        "llvm": llvm_identity(),
        "python": python_abi(),
        "cpu": cpu_identity(),
        "options": options.key(),
    }


def cache_key(inputs: dict[str, str]) -> str:
    """The key: SHA-256 over the named inputs, in hex."""
    return sha256_hex("\n".join(f"{k}={v}" for k, v in inputs.items()).encode())


def read_deps(paths: list[str]) -> list[tuple[str, bytes | None]]:
    """The current contents of each dependency (None when it is gone, which changes the key)."""
    out = []
    for path in paths:
        try:
            with open(path, "rb") as f:
                out.append((path, f.read()))
        except OSError:
            out.append((path, None))
    return out
