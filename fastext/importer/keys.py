"""The cache key of a compiled `.fx` module: everything its machine code depends on.

A cached import computes the key on every import, so every input here must be
cheap and must not import llvmlite or the compiler: the LLVM identity is the
size and mtime of llvmlite's shared library, the CPU identity the model and
feature lines of /proc/cpuinfo (memoized per process), the compiler's identity
the size and mtime of fastext's own compiler sources.
"""
import os
import sys

import _imp

FORMAT = "1"  # bump when the cache layout or the key recipe changes



def content_hash(data: bytes) -> str:
    """A 128-bit hex digest of `data`: two keyed SipHash-1-3 rounds from `_imp.source_hash`.

    `_imp` is built into the interpreter (it validates hash-based .pyc files), so
    hashing costs no import; `hashlib`/`_sha256` would cost a cached import a
    noticeable part of its budget.  This is a cache key, not a security boundary.
    """
    return (_imp.source_hash(_SEED_A, data) + _imp.source_hash(_SEED_B, data)).hex()


_SEED_A, _SEED_B = 0x66617374, 0x65787431   # any two distinct constants


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
    # Look for the library along sys.path the way `import llvmlite` would, with plain stats
    # (PathFinder.find_spec costs more than the rest of the key).
    for entry in sys.path:
        found = _llvmlite_library(os.path.join(entry or ".", "llvmlite", "binding"))
        if found:
            return found
    from _frozen_importlib_external import PathFinder  # unusual layouts: ask the import system

    spec = PathFinder.find_spec("llvmlite")
    if spec is None or not spec.submodule_search_locations:
        return "llvmlite:missing"
    return _llvmlite_library(os.path.join(spec.submodule_search_locations[0], "binding")) or "llvmlite:no-library"


def _llvmlite_library(binding: str) -> str | None:
    for name in ("libllvmlite.so", "libllvmlite.dylib", "llvmlite.dll"):
        try:
            st = os.stat(os.path.join(binding, name))
        except OSError:
            continue
        return f"{binding}/{name}:{st.st_size}:{st.st_mtime_ns}"
    return None


def compiler_identity() -> str:
    """In a development checkout, the modification times of fastext's compiler folders, so
    updating the compiler (git checkout, an editor's save-by-rename) does not leave stale
    modules behind.  An installed fastext (under site-packages) is identified by its version."""
    if "compiler" not in _memo:
        root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        if os.path.basename(os.path.dirname(root)) in ("site-packages", "dist-packages"):
            _memo["compiler"] = "installed"
            return _memo["compiler"]
        # Directory entries (names, and the folders' mtimes) change when files are added,
        # removed or replaced by rename — git checkouts and editors' atomic saves; 4 stats.
        parts = []
        for sub in ("compiler", "compiler/frontend", "compiler/lower", "abi"):
            try:
                st = os.stat(os.path.join(root, sub))
            except OSError:
                continue
            parts.append(f"{sub}:{st.st_mtime_ns}")
        _memo["compiler"] = content_hash("\n".join(parts).encode())[:16]
    return _memo["compiler"]


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
    # Linux lists the CPU's vendor, family, model and features in one small sysfs file;
    # /proc/cpuinfo (much slower to read) is the fallback.
    try:
        with open("/sys/devices/system/cpu/modalias", "rb") as f:
            return f"{machine} {content_hash(f.read())[:16]}"
    except OSError:
        pass
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
    return f"{machine} {content_hash(chr(10).join(lines).encode())[:16]}"


def key_inputs(fx_path: str, source: bytes, deps: list[tuple[str, bytes | None]], options) -> dict[str, str]:
    """Every input of the key, named (stored in the sidecar so a miss can be explained)."""
    import fastext

    return {
        "format": FORMAT,
        "source": fx_path,
        "source_hash": content_hash(source),
        "deps": ";".join(f"{p}={content_hash(b) if b is not None else 'missing'}" for p, b in sorted(deps)),
        "fastext": f"{getattr(fastext, '__version__', '?')} {compiler_identity()}",
        "llvm": llvm_identity(),
        "python": python_abi(),
        "cpu": cpu_identity(),
        "options": options.key(),
    }


def cache_key(inputs: dict[str, str]) -> str:
    """The key: a content hash over the named inputs, in hex."""
    return content_hash("\n".join(f"{k}={v}" for k, v in inputs.items()).encode())


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
