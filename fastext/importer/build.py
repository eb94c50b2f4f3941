"""Get the compiled form of a `.fx` file: from the cache when its key matches, else build it.

`obtain()` is the only entry point.  A hit touches only the file system (no
llvmlite, no compiler); a miss takes the per-module build lock, looks again
(another process may just have built it), compiles, links (or keeps the object
for the JIT path), stores atomically, writes the sidecar and drops older entries.
"""
import os
import time

from fastext.importer import cache, keys

_MAX_SOURCE_RACES = 3  # rebuilds when the source changes while it compiles


class Built:
    """A compiled module on disk: `kind` is "so" (load with dlopen) or "o" (load with the JIT)."""

    # A plain class: importing dataclasses would cost a cached import milliseconds.
    __slots__ = ("path", "kind", "key")

    def __init__(self, path: str, kind: str, key: str):
        self.path, self.kind, self.key = path, kind, key

    def __repr__(self) -> str:
        return f"Built({self.path!r}, {self.kind!r})"


def obtain(fx_path: str, options, kind: str) -> Built:
    """The cached build of `fx_path` for `options`, building it on a miss.

    `kind` is "so" (a linker exists, or we have not asked yet) or "o" (JIT path).
    With kind "so" and no linker on a miss, the result has kind "o".
    Raises the compiler's CompileError for bad source and OSError when no cache
    folder can be written.
    """
    fx_path = os.path.abspath(fx_path)
    stem = cache.stem_of(fx_path)
    source = _read(fx_path)
    hit = _lookup(fx_path, stem, source, options, (kind,))
    if hit is not None:
        return hit
    if kind == "so" and not _have_linker():
        kind = "o"
        hit = _lookup(fx_path, stem, source, options, ("o",))
        if hit is not None:
            return hit
    directory = cache.writable_dir(fx_path)
    with cache.BuildLock(directory, stem):
        for _ in range(_MAX_SOURCE_RACES):
            source = _read(fx_path)
            # Re-check under the lock; an object left by the JIT path can be linked instead of recompiled.
            hit = _lookup(fx_path, stem, source, options, (kind, "o") if kind == "so" else (kind,))
            if hit is not None and hit.kind == kind:
                return hit
            if hit is not None:
                return _link_cached_object(hit, directory, stem)
            built = _build(fx_path, stem, source, options, kind, directory)
            if built is not None:
                return built
        raise ImportError(f"{fx_path} kept changing while it was being compiled", path=fx_path)


def _read(path: str) -> bytes:
    with open(path, "rb") as f:
        return f.read()


def _have_linker() -> bool:
    from fastext.compiler.link import find_linker

    return find_linker() is not None


def _lookup(fx_path: str, stem: str, source: bytes, options, kinds: tuple[str, ...]) -> Built | None:
    source_hash = keys.content_hash(source)
    for directory in cache.cache_dirs(fx_path):
        dep_paths = cache.read_deps_record(cache.deps_record(directory, stem, source_hash))
        key = keys.cache_key(keys.key_inputs(fx_path, source, keys.read_deps(dep_paths), options))
        base = cache.entry_base(directory, stem, key)
        for kind in kinds:
            if os.path.isfile(f"{base}.{kind}"):
                return Built(f"{base}.{kind}", kind, key)
    return None


def _build(fx_path: str, stem: str, source: bytes, options, kind: str, directory: str) -> Built | None:
    """Compile and store; None when the source changed during the compile (caller retries)."""
    from fastext.compiler.driver import compile_file

    started = time.perf_counter()
    artifact = compile_file(fx_path, stem, options)
    if _read(fx_path) != source:  # never file code under the key of other source
        return None
    deps = [os.path.abspath(d) for d in artifact.deps]
    inputs = keys.key_inputs(fx_path, source, keys.read_deps(deps), options)
    key = keys.cache_key(inputs)
    base = cache.entry_base(directory, stem, key)
    timings = dict(artifact.timings)
    if kind == "so":
        t0 = time.perf_counter()
        _link_atomic(artifact.object_code, f"{base}.so")
        timings["link"] = time.perf_counter() - t0
    else:
        cache.write_atomic(f"{base}.o", artifact.object_code)
    timings["total"] = time.perf_counter() - started
    source_hash = inputs["source_hash"]
    if deps:
        cache.write_atomic(cache.deps_record(directory, stem, source_hash), "\n".join(deps).encode())
    _write_sidecar(base, stem, key, inputs, deps, kind, timings)
    cache.remove_stale(directory, stem, keep=(key[:16], source_hash[:16]))
    return Built(f"{base}.{kind}", kind, key)


def _link_atomic(object_code: bytes, so_path: str) -> None:
    from fastext.compiler.link import LinkError, link_shared

    tmp = cache.temp_path(so_path) + ".so"
    try:
        link_shared(object_code, tmp)
        os.replace(tmp, so_path)
    except LinkError as exc:
        raise ImportError(f"linking {so_path} failed: {exc}", path=so_path) from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _link_cached_object(hit: Built, directory: str, stem: str) -> Built:
    """A JIT-path object is cached and a linker exists now: link it instead of recompiling."""
    so_path = cache.entry_base(directory, stem, hit.key) + ".so"
    _link_atomic(_read(hit.path), so_path)
    return Built(so_path, "so", hit.key)


def _write_sidecar(base: str, stem: str, key: str, inputs: dict, deps: list[str], kind: str, timings: dict) -> None:
    import json
    import sys

    from fastext import config

    data = {
        "module": stem,
        "source": inputs["source"],
        "key": key,
        "artifact": os.path.basename(f"{base}.{kind}"),
        "native_path": "jit" if kind == "o" else "linker",
        "inputs": inputs,
        "deps": deps,
        "python": sys.version,
        "linker": config.linker_override(),
        "timings": timings,
        "created": time.time(),
    }
    try:
        cache.write_atomic(f"{base}.json", json.dumps(data, indent=1, sort_keys=True).encode())
    except OSError:
        pass  # the sidecar is informational; the artifact is what counts
