"""Putting compiled `.fx` modules into the cache, and the tools that maintain it.

Imported only on a cache miss (by the loader) and by `fastext clean` / `fastext
info`; a hit needs nothing from here (see `fastext.importer.cache`).

`obtain()` takes the per-module build lock, looks again (another process may
just have built it), compiles, links (or keeps the object for the JIT path),
stores atomically, writes the sidecar and drops older entries.  Files are written
to a temporary name in the same folder and renamed into place, so a reader never
sees half a file, and several processes may race freely.
"""
import os
import sys
import time

from fastext.importer import cache
from fastext.importer.cache import Built

_MAX_SOURCE_RACES = 3  # rebuilds when the source changes while it compiles


def obtain(fx_path: str, options, kind: str) -> Built:
    """The cached build of `fx_path` for `options`, building it on a miss.

    `kind` is "so" (a linker exists, or we have not asked yet) or "o" (JIT path).
    With kind "so" and no linker on a miss, the result has kind "o".
    Raises the compiler's CompileError for bad source and OSError when no cache
    folder can be written.
    """
    fx_path = os.path.abspath(fx_path)
    stem = cache.stem_of(fx_path)
    hit = cache.lookup(fx_path, options, (kind,))
    if hit is not None:
        return hit
    if kind == "so" and not _have_linker():
        kind = "o"
        hit = cache.lookup(fx_path, options, ("o",))
        if hit is not None:
            return hit
    directory = writable_dir(fx_path)
    with BuildLock(directory, stem):
        for _ in range(_MAX_SOURCE_RACES):
            source = cache.read_source(fx_path)
            # Re-check under the lock; an object left by the JIT path can be linked instead of recompiled.
            hit = cache.lookup(fx_path, options, (kind, "o") if kind == "so" else (kind,), source)
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


def _build(fx_path: str, stem: str, source: bytes, options, kind: str, directory: str) -> Built | None:
    """Compile and store; None when the source changed during the compile (caller retries)."""
    from fastext.compiler.driver import compile_file

    started = time.perf_counter()
    artifact = compile_file(fx_path, stem, options)
    if cache.read_source(fx_path) != source:  # never file code under the key of other source
        return None
    deps = [os.path.abspath(d) for d in artifact.deps]
    inputs = cache.key_inputs(fx_path, source, cache.read_deps(deps), options)
    key = cache.cache_key(inputs)
    base = cache.entry_base(directory, stem, key)
    timings = dict(artifact.timings)
    if kind == "so":
        t0 = time.perf_counter()
        _link_atomic(artifact.object_code, f"{base}.so")
        timings["link"] = time.perf_counter() - t0
    else:
        write_atomic(f"{base}.o", artifact.object_code)
    timings["total"] = time.perf_counter() - started
    source_hash = inputs["source_hash"]
    if deps:
        write_atomic(cache.deps_record(directory, stem, source_hash), "\n".join(deps).encode())
    _write_sidecar(base, stem, key, inputs, deps, kind, timings)
    remove_stale(directory, stem, keep=(key[:16], source_hash[:16]))
    return Built(f"{base}.{kind}", kind, key)


def _link_atomic(object_code: bytes, so_path: str) -> None:
    from fastext.compiler.link import LinkError, link_shared

    tmp = temp_path(so_path) + ".so"
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
        write_atomic(f"{base}.json", json.dumps(data, indent=1, sort_keys=True).encode())
    except OSError:
        pass  # the sidecar is informational; the artifact is what counts


# ---------------------------------------------------------------- writing safely


def writable_dir(fx_path: str) -> str:
    """The first cache folder for `fx_path` that can be created and written; OSError if none."""
    error: OSError | None = None
    for directory in cache.cache_dirs(fx_path):
        try:
            os.makedirs(directory, exist_ok=True)
            probe = os.path.join(directory, f".probe.{os.getpid()}")
            with open(probe, "wb"):
                pass
            os.unlink(probe)
            return directory
        except OSError as exc:  # read-only source folder: try the next one
            error = exc
    raise error or OSError("no writable fastext cache folder")


def temp_path(final_path: str) -> str:
    """A unique temporary name in the folder of `final_path` (same file system, so rename is atomic)."""
    directory, name = os.path.split(final_path)
    return os.path.join(directory, f".{name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")


def write_atomic(path: str, data: bytes) -> None:
    """Write `data` to `path` so that readers see either no file or the whole file."""
    tmp = temp_path(path)
    try:
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        _unlink(tmp)
        raise


class BuildLock:
    """An exclusive lock around building one module in one cache folder (flock; no-op without fcntl).

    The lock file is left in place: removing it would let two processes lock
    different inodes under the same name.
    """

    def __init__(self, cache_dir: str, stem: str):
        self.path = os.path.join(cache_dir, f"{stem}.{sys.implementation.cache_tag}.lock")
        self._fd: int | None = None

    def __enter__(self) -> "BuildLock":
        try:
            import fcntl
        except ImportError:  # Windows: atomic renames still keep the cache consistent
            return self
        self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
        fcntl.flock(self._fd, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing releases the flock
            self._fd = None


# ---------------------------------------------------------------- maintenance


def remove_stale(cache_dir: str, stem: str, keep: tuple[str, ...]) -> None:
    """Best effort: delete this module's other entries (older keys) for this interpreter.

    `keep` holds the 16-hex prefixes to keep.  Never raises: a failed cleanup
    must not fail an import.
    """
    prefix = f"{stem}.{sys.implementation.cache_tag}."
    try:
        names = os.listdir(cache_dir)
    except OSError:
        return
    for name in names:
        if not name.startswith(prefix):
            continue
        rest = name[len(prefix):]
        tag, _, suffix = rest.partition(".")
        if "." + suffix in cache.ENTRY_SUFFIXES and tag not in keep:
            _unlink(os.path.join(cache_dir, name))


def _unlink(path: str) -> bool:
    try:
        os.unlink(path)
        return True
    except OSError:
        return False


def entries(fx_path: str) -> list[dict]:
    """The sidecars of every cached build of `fx_path` (for `fastext info`), each with its `path`."""
    import json

    stem = cache.stem_of(fx_path)
    prefix = f"{stem}."
    found = []
    for directory in cache.cache_dirs(fx_path):
        try:
            names = sorted(os.listdir(directory))
        except OSError:
            continue
        for name in names:
            if name.startswith(prefix) and name.endswith(".json"):
                try:
                    with open(os.path.join(directory, name), encoding="utf-8") as f:
                        data = json.load(f)
                except (OSError, ValueError):
                    continue
                if data.get("source") == os.path.abspath(fx_path):
                    data["path"] = os.path.join(directory, name)
                    found.append(data)
    return found


def clean(paths) -> list[str]:
    """Delete cached builds for `.fx` files and folders in `paths` (for `fastext clean`).

    A folder is searched recursively: its `__fxcache__/` folders go, and the
    per-user (or FASTEXT_CACHE_DIR) folders of every `.fx` found.  Returns what
    was removed.
    """
    removed: list[str] = []
    fx_files: list[str] = []
    for path in paths:
        path = os.path.abspath(path)
        if os.path.isdir(path):
            for root, dirnames, filenames in os.walk(path):
                if cache.CACHE_FOLDER in dirnames:
                    dirnames.remove(cache.CACHE_FOLDER)
                    removed.extend(_remove_tree(os.path.join(root, cache.CACHE_FOLDER)))
                fx_files.extend(os.path.join(root, n) for n in filenames if n.endswith(".fx"))
        elif path.endswith(".fx"):
            fx_files.append(path)
    for fx_path in fx_files:
        stem = cache.stem_of(fx_path)
        for directory in cache.cache_dirs(fx_path):
            try:
                names = os.listdir(directory)
            except OSError:
                continue
            for name in names:
                if name.startswith(stem + ".") and (name.endswith(cache.ENTRY_SUFFIXES) or name.endswith(".lock")):
                    full = os.path.join(directory, name)
                    if _unlink(full):
                        removed.append(full)
            try:
                os.rmdir(directory)  # only when empty
            except OSError:
                pass
    return removed


def _remove_tree(directory: str) -> list[str]:
    removed = []
    for root, _dirs, files in os.walk(directory, topdown=False):
        for name in files:
            full = os.path.join(root, name)
            if _unlink(full):
                removed.append(full)
        try:
            os.rmdir(root)
        except OSError:
            pass
    return removed
