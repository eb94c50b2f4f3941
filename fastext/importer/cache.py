"""Where compiled `.fx` modules live on disk, and how they get there safely.

Layout (docs/caching.md): beside the source, in `__fxcache__/`,

    kernels.cpython-311.<key16>.so     the extension module (linker path)
    kernels.cpython-311.<key16>.o      the object file (JIT path, no linker)
    kernels.cpython-311.<key16>.json   sidecar: key inputs, versions, timings
    kernels.cpython-311.<src16>.deps   the `.fx` files a build of this source read
    kernels.cpython-311.lock           taken around a build

When the source folder is not writable the entries go to a per-user cache
(`$XDG_CACHE_HOME/fastext/<folder>-<hash>/`); FASTEXT_CACHE_DIR replaces both.
Files are written to a temporary name in the same folder and renamed into place,
so a reader never sees half a file, and several processes may race freely.
"""
import os
import sys

from fastext.importer import keys

CACHE_FOLDER = "__fxcache__"
ARTIFACT_SUFFIXES = (".so", ".o")
_ENTRY_SUFFIXES = (".so", ".o", ".json", ".deps")


def user_cache_root() -> str:
    """The per-user cache root: `$XDG_CACHE_HOME/fastext`, `~/.cache/fastext` (or LOCALAPPDATA on Windows).

    XDG_CACHE_HOME / LOCALAPPDATA are platform conventions, not fastext switches,
    so they are read here rather than in fastext.config.
    """
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.expanduser("~")
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "fastext")


def _per_source_dir(root: str, src_dir: str) -> str:
    # One subfolder per source folder: readable name, hash for uniqueness.
    return os.path.join(root, f"{os.path.basename(src_dir) or 'root'}-{keys.content_hash(src_dir.encode())[:16]}")


def cache_dirs(fx_path: str) -> list[str]:
    """Folders that may hold entries for `fx_path`, in lookup order; the writable one is tried in this order too."""
    from fastext import config

    src_dir = os.path.dirname(os.path.abspath(fx_path))
    override = config.cache_dir_override()
    if override:
        return [_per_source_dir(os.path.abspath(override), src_dir)]
    return [os.path.join(src_dir, CACHE_FOLDER), _per_source_dir(user_cache_root(), src_dir)]


def stem_of(fx_path: str) -> str:
    """`pkg/kernels.fx` -> `kernels` (the module name the object's PyInit_ is named after)."""
    return os.path.basename(fx_path)[: -len(".fx")] if fx_path.endswith(".fx") else os.path.basename(fx_path)


def entry_base(cache_dir: str, stem: str, key: str) -> str:
    """`<cache_dir>/<stem>.<cache_tag>.<key16>`: add `.so`, `.o` or `.json`."""
    return os.path.join(cache_dir, f"{stem}.{sys.implementation.cache_tag}.{key[:16]}")


def deps_record(cache_dir: str, stem: str, source_hash: str) -> str:
    """Path of the record of which `.fx` files the last build of this exact source read."""
    return entry_base(cache_dir, stem, source_hash) + ".deps"


def read_deps_record(path: str) -> list[str]:
    """The dependency paths recorded at `path`; empty when there is no record."""
    try:
        with open(path, encoding="utf-8") as f:
            return [line for line in f.read().splitlines() if line]
    except OSError:
        return []


def writable_dir(fx_path: str) -> str:
    """The first cache folder for `fx_path` that can be created and written; OSError if none."""
    error: OSError | None = None
    for directory in cache_dirs(fx_path):
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
        if "." + suffix in _ENTRY_SUFFIXES and tag not in keep:
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

    stem = stem_of(fx_path)
    prefix = f"{stem}."
    found = []
    for directory in cache_dirs(fx_path):
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
                if CACHE_FOLDER in dirnames:
                    dirnames.remove(CACHE_FOLDER)
                    removed.extend(_remove_tree(os.path.join(root, CACHE_FOLDER)))
                fx_files.extend(os.path.join(root, n) for n in filenames if n.endswith(".fx"))
        elif path.endswith(".fx"):
            fx_files.append(path)
    for fx_path in fx_files:
        stem = stem_of(fx_path)
        for directory in cache_dirs(fx_path):
            try:
                names = os.listdir(directory)
            except OSError:
                continue
            for name in names:
                if name.startswith(stem + ".") and (name.endswith(_ENTRY_SUFFIXES) or name.endswith(".lock")):
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
