"""The compile cache as a cache hit sees it: the key, the on-disk layout, lookup — everything a hit needs, nothing else.

A cached import runs this module and nothing heavier (docs/caching.md): it reads
the `.fx` source, computes the key, and looks for the file named after it.
Building, writing, locking and the maintenance tools live in
`fastext.importer.store`, which is imported only on a miss (and by the CLI):
every extra module on the hit path costs a cached import a noticeable part of its
budget, so nothing may be added here that a hit does not use.

Layout: beside the source, in `__fxcache__/`,

    kernels.cpython-311.<key16>.so     the extension module (linker path)
    kernels.cpython-311.<key16>.o      the object file (JIT path, no linker)
    kernels.cpython-311.<key16>.so.seal  the artifact's seal: full key, size, content hash, stat
    kernels.cpython-311.<key16>.json   sidecar: key inputs, versions, timings
    kernels.cpython-311.<src16>.deps   the `.fx` files a build of this source read
    kernels.cpython-311.lock           taken around a build

A hit is trusted only when its folder and files belong to this user (or root) and
nobody else may write them, and when the artifact matches its seal: the full
128-bit key (the file name holds 64 bits), the size, and either the same inode,
mtime and ctime as when it was sealed or, failing that, the same content hash
(docs/caching.md, "What the cache trusts").

When the source folder is not writable the entries go to a per-user cache
(`$XDG_CACHE_HOME/fastext/<folder>-<hash>/`); FASTEXT_CACHE_DIR replaces both.

The key covers everything the machine code depends on.  Each input must be cheap
and must not import llvmlite or the compiler: the LLVM identity is the size and
mtime of llvmlite's shared library, the CPU identity the sysfs modalias (or the
model and feature lines of /proc/cpuinfo), the compiler's identity fastext's
version plus, in a development checkout, the mtimes of its compiler folders —
all memoized per process.
"""
import os
import sys

import _imp

from fastext import config

FORMAT = "3"  # bump when the cache layout or the key recipe changes (3: sealed artifacts)
CACHE_FOLDER = "__fxcache__"
ARTIFACT_SUFFIXES = (".so", ".o")
SEAL_SUFFIX = ".seal"   # after the artifact's own suffix: `<base>.so.seal`
ENTRY_SUFFIXES = (".so", ".o", ".json", ".deps", ".so.seal", ".o.seal")

_TAG = sys.implementation.cache_tag


# ---------------------------------------------------------------- the key


def content_hash(data: bytes) -> str:
    """A 128-bit hex digest of `data`: two keyed SipHash-1-3 rounds from `_imp.source_hash`.

    `_imp` is built into the interpreter (it validates hash-based .pyc files), so
    hashing costs no import; `hashlib`/`_sha256` would cost a cached import a
    noticeable part of its budget.  This is a cache key, not a security boundary.
    """
    return (_imp.source_hash(_SEED_A, data) + _imp.source_hash(_SEED_B, data)).hex()


_SEED_A, _SEED_B = 0x66617374, 0x65787431   # any two distinct constants


def _read_bytes(path: str, trusted_only: bool = False) -> bytes:
    # os.open/os.read: a hit reads several small files, and open() sets up a
    # FileIO and a BufferedReader for each (measurably slower in a fresh process).
    # `trusted_only`: a cache file, whose name is predictable: never through a symbolic
    # link, and only a regular file of ours that nobody else may write (OSError otherwise).
    fd = os.open(path, _O_NOFOLLOW if trusted_only else _O_RDONLY)
    try:
        st = os.fstat(fd)
        if trusted_only and (st.st_mode & 0o170000 != 0o100000 or not trusted(st)):
            raise PermissionError(f"{path} is not a private file of this user")
        # Ask for a little more than the file's size (sysfs files say 4096), not a big
        # fixed buffer: allocating that costs more than reading a small file.
        size = st.st_size + 1
        data = os.read(fd, size)
        if len(data) < size:  # the whole file in one read: no second read to see the end
            return data
        chunks = [data]
        while True:
            chunk = os.read(fd, size)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
    finally:
        os.close(fd)


_O_RDONLY = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
_O_NOFOLLOW = _O_RDONLY | getattr(os, "O_NOFOLLOW", 0)


# ---------------------------------------------------------------- trust

# Whose files a cache may hold: this user's, and root's (root can change any file anyway,
# and a cache root prebuilt is the safe way to share one).  None where there are no uids.
_EUID = os.geteuid() if hasattr(os, "geteuid") else None


def trusted(st) -> bool:
    """True when the file or folder `st` (an os.stat result) belongs to this user or root and
    neither its group nor others may write it.  Windows: always (ACLs, not mode bits)."""
    if _EUID is None:
        return True
    return (st.st_uid == _EUID or st.st_uid == 0) and not st.st_mode & 0o022


def python_abi() -> str:
    """The interpreter's cache tag and extension-module suffix, e.g. `cpython-311 .cpython-311-x86_64-linux-gnu.so`."""
    return f"{_TAG} {_imp.extension_suffixes()[0]}"


_memo: dict[str, str] = {}


def llvm_identity() -> str:
    """Which LLVM build compiles: llvmlite's binding library, by path, size and mtime."""
    if "llvm" not in _memo:
        _memo["llvm"] = _llvm_identity()
    return _memo["llvm"]


def _llvm_identity() -> str:
    # Look for the library along sys.path the way `import llvmlite` would, with plain stats
    # (PathFinder.find_spec costs more than the rest of the key).  One stat of the binding
    # folder per sys.path entry; the library names are only tried where the folder exists.
    # Plain string concatenation: os.path.join, run cold once per entry, costs more than the stat.
    tail = f"{os.sep}llvmlite{os.sep}binding"
    for entry in sys.path:
        binding = (entry or ".") + tail
        if os.path.isdir(binding):
            found = _llvmlite_library(binding)
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


def numpy_identity() -> str:
    """Which NumPy types the array language: the array language asks NumPy for result dtypes
    at compile time (compiler/ops/dtypes.py), so an upgrade must recompile.  Its version
    file by path, size and mtime — plain stats, NumPy is not imported on a cache hit."""
    if "numpy" not in _memo:
        found = "numpy:missing"
        tail = f"{os.sep}numpy{os.sep}version.py"
        for entry in sys.path:
            try:
                st = os.stat((entry or ".") + tail)
            except OSError:
                continue
            found = f"{entry}{tail}:{st.st_size}:{st.st_mtime_ns}"
            break
        _memo["numpy"] = found
    return _memo["numpy"]


def compiler_identity() -> str:
    """The modification times of fastext's compiler folders, so updating the compiler leaves
    no stale modules behind: a git checkout or an editor's save-by-rename in a development
    checkout, and a reinstall of an installed fastext too — `pip install` of a newer commit
    often keeps the version string (`pip install git+...`), but it writes new files into these
    folders, which changes their mtimes."""
    if "compiler" not in _memo:
        _memo["compiler"] = folder_identity(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    return _memo["compiler"]


def folder_identity(root: str) -> str:
    """A hash of the mtimes of the compiler's folders under the package folder `root`:
    directory entries (names, and the folders' mtimes) change when files are added, removed or
    replaced by rename; 6 stats."""
    parts = []
    for sub in ("compiler", "compiler/frontend", "compiler/lower", "compiler/ops", "compiler/gpu", "abi"):
        try:
            st = os.stat(f"{root}/{sub}")  # `/` works on Windows too
        except OSError:
            continue
        parts.append(f"{sub}:{st.st_mtime_ns}")
    return content_hash("\n".join(parts).encode())[:16]


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
        return f"{machine} {content_hash(_read_bytes('/sys/devices/system/cpu/modalias'))[:16]}"
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


def _fastext_identity() -> str:
    if "fastext" not in _memo:
        import fastext  # already loaded: this module is part of it

        _memo["fastext"] = f"{getattr(fastext, '__version__', '?')} {compiler_identity()}"
    return _memo["fastext"]


def key_inputs(fx_path: str, source: bytes, deps: list[tuple[str, bytes | None]], options,
               source_hash: str | None = None) -> dict[str, str]:
    """Every input of the key, named (stored in the sidecar so a miss can be explained).

    `source_hash` is `content_hash(source)` when the caller has it already.
    """
    return {
        "format": FORMAT,
        "source": fx_path,
        "source_hash": source_hash or content_hash(source),
        "deps": ";".join(f"{p}={content_hash(b) if b is not None else 'missing'}" for p, b in sorted(deps)),
        "fastext": _fastext_identity(),
        "llvm": llvm_identity(),
        "numpy": numpy_identity(),
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
            out.append((path, _read_bytes(path)))
        except (OSError, ValueError):  # ValueError: a NUL in a damaged `.deps` record
            out.append((path, None))
    return out


def usable_dir(directory: str) -> bool:
    """True when `directory` is a folder of this user (or root) that nobody else may write (one stat).

    Each file a hit reads is checked too (`_read_bytes(trusted_only=True)`, `verify_entry`).
    """
    try:
        st = os.stat(directory)
    except OSError:
        return False
    return st.st_mode & 0o170000 == 0o040000 and trusted(st)


# ---------------------------------------------------------------- the layout


def user_cache_root(platform: str | None = None, environ=None) -> str:
    """The per-user cache root: `$XDG_CACHE_HOME/fastext`, else `~/.cache/fastext` on Linux,
    `~/Library/Caches/fastext` on macOS (LOCALAPPDATA on Windows).

    XDG_CACHE_HOME / LOCALAPPDATA are platform conventions, not fastext switches,
    so they are read here rather than in fastext.config.  (`platform`, `environ`: for tests.)
    """
    platform = platform or sys.platform
    environ = os.environ if environ is None else environ
    if platform == "win32":
        base = environ.get("LOCALAPPDATA") or os.path.expanduser("~")
    elif environ.get("XDG_CACHE_HOME"):
        base = environ["XDG_CACHE_HOME"]
    elif platform == "darwin":      # where macOS keeps per-user caches (as platformdirs does)
        base = os.path.join(os.path.expanduser("~"), "Library", "Caches")
    else:
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "fastext")


def _per_source_dir(root: str, src_dir: str) -> str:
    # One subfolder per source folder: readable name, hash for uniqueness.
    return os.path.join(root, f"{os.path.basename(src_dir) or 'root'}-{content_hash(src_dir.encode())[:16]}")


def _iter_cache_dirs(fx_path: str):
    # Lazily, so that a hit beside the source never works out the per-user folder.
    src_dir = os.path.dirname(os.path.abspath(fx_path))
    override = config.cache_dir_override()
    if override:
        yield _per_source_dir(os.path.abspath(override), src_dir)
    else:
        yield os.path.join(src_dir, CACHE_FOLDER)
    # The private fallback: where builds go when the folder above can't be written or is
    # refused (another user's, writable by others); looked at only after a miss there.
    yield _per_source_dir(user_cache_root(), src_dir)


def cache_dirs(fx_path: str) -> list[str]:
    """Folders that may hold entries for `fx_path`, in lookup order (the writable one is tried in this
    order too): `__fxcache__/` beside the source, or FASTEXT_CACHE_DIR's folder for it; then the
    per-user cache."""
    return list(_iter_cache_dirs(fx_path))


def stem_of(fx_path: str) -> str:
    """`pkg/kernels.fx` -> `kernels` (the module name the object's PyInit_ is named after)."""
    name = os.path.basename(fx_path)
    return name[: -len(".fx")] if name.endswith(".fx") else name


def entry_base(cache_dir: str, stem: str, key: str) -> str:
    """`<cache_dir>/<stem>.<cache_tag>.<key16>`: add `.so`, `.o` or `.json`."""
    return os.path.join(cache_dir, f"{stem}.{_TAG}.{key[:16]}")


def deps_record(cache_dir: str, stem: str, source_hash: str) -> str:
    """Path of the record of which `.fx` files the last build of this exact source read."""
    return entry_base(cache_dir, stem, source_hash) + ".deps"


def read_deps_record(path: str) -> list[str]:
    """The dependency paths recorded at `path`; empty when there is no (trustworthy) record."""
    try:
        data = _read_bytes(path, trusted_only=True)  # binary + decode: no text wrapper to set up
        return [line for line in data.decode("utf-8").splitlines() if line]
    except (OSError, UnicodeDecodeError):
        return []


# ---------------------------------------------------------------- seals (written by store.write_seal)


def read_seal(path: str) -> dict[str, str] | None:
    """The fields of the seal at `path`, or None when it is missing, foreign or garbled."""
    try:
        parts = _read_bytes(path, trusted_only=True).decode("ascii").split()
    except (OSError, UnicodeDecodeError):
        return None
    if len(parts) < 2 or parts[0] != "fastext-seal" or parts[1] != "1" or len(parts) % 2:
        return None
    fields = dict(zip(parts[2::2], parts[3::2]))
    return fields if len(fields) == len(_SEAL_FIELDS) and all(f in fields for f in _SEAL_FIELDS) else None


_SEAL_FIELDS = ("key", "kind", "size", "hash", "ino", "mtime", "ctime", "source")


# ---------------------------------------------------------------- lookup


class Built:
    """A compiled module on disk: `kind` is "so" (load with dlopen) or "o" (load with the JIT).

    `problem` is set (and the entry must not be loaded) when the entry exists but is
    damaged or not trustworthy; `deps` are the `.fx` files the build read; `data` holds the
    object code of a build that could not be written anywhere, `transient` the private
    temporary folder of one that could not be cached (removed once it is loaded).
    """

    # A plain class: importing dataclasses would cost a cached import milliseconds.
    __slots__ = ("path", "kind", "key", "problem", "deps", "data", "transient")

    def __init__(self, path: str, kind: str, key: str, problem: str | None = None, deps=()):
        self.path, self.kind, self.key, self.problem, self.deps = path, kind, key, problem, deps
        self.data: bytes | None = None
        self.transient: str | None = None

    def __repr__(self) -> str:
        return f"Built({self.path!r}, {self.kind!r}{', ' + repr(self.problem) if self.problem else ''})"


def read_source(fx_path: str) -> bytes:
    """The bytes of `fx_path` (OSError when it cannot be read)."""
    return _read_bytes(fx_path)


def lookup(fx_path: str, options, kinds: tuple[str, ...] = ("so",), source: bytes | None = None) -> Built | None:
    """The cached build of `fx_path` for `options` whose kind is in `kinds` (tried in order), or None.

    Only reads files.  `source` is the file's content when the caller has just
    read it (the build re-checks under its lock with the source it will compile);
    otherwise it is read here.  A miss is `fastext.importer.store.obtain()`'s job.
    """
    fx_path = os.path.abspath(fx_path)
    if source is None:
        source = read_source(fx_path)
    stem = stem_of(fx_path)
    source_hash = content_hash(source)
    damaged = None
    for directory in _iter_cache_dirs(fx_path):
        if not usable_dir(directory):  # missing, or refused (store.writable_dir says why)
            continue
        dep_paths = read_deps_record(deps_record(directory, stem, source_hash))
        inputs = key_inputs(fx_path, source, read_deps(dep_paths) if dep_paths else [], options, source_hash)
        key = cache_key(inputs)
        base = entry_base(directory, stem, key)
        for kind in kinds:
            found = verify_entry(f"{base}.{kind}", kind, key)
            if found is not None:
                found.deps = dep_paths
                if found.problem is None:
                    return found
                damaged = damaged or found  # a later folder may still hold a good build
    return damaged


def verify_entry(path: str, kind: str, key: str) -> Built | None:
    """The artifact at `path` if its seal vouches for it; None when there is no sealed entry
    (not built yet, or still being stored); a Built with `problem` set when it is damaged.

    Cheap on purpose (one small read, one lstat): the content is hashed only when the
    file's inode, mtime or ctime differ from the seal's, e.g. after a copy or a restore.
    """
    seal = read_seal(path + SEAL_SUFFIX)
    if seal is None or seal["key"] != key or seal["kind"] != kind:
        # No (trustworthy) seal: not stored yet, or another user's file; another key: a
        # 64-bit name collision.  A miss either way: a build replaces it.
        return None
    try:
        st = os.lstat(path)  # never through a link: the name is predictable
    except OSError:
        return Built(path, kind, key, "the sealed file is missing")
    if st.st_mode & 0o170000 != 0o100000:
        return Built(path, kind, key, "it is not a regular file")
    if not trusted(st):  # our seal, somebody else's artifact (or one others may write)
        return Built(path, kind, key, f"it is not a private file of this user (owner uid {st.st_uid}, "
                                      f"mode {st.st_mode & 0o7777:o})")
    if str(st.st_size) != seal["size"]:
        return Built(path, kind, key, f"its size is {st.st_size} bytes, {seal['size']} when it was built")
    if (str(st.st_ino), str(st.st_mtime_ns), str(st.st_ctime_ns)) != (seal["ino"], seal["mtime"], seal["ctime"]):
        try:
            data = _read_bytes(path, trusted_only=True)
        except OSError as exc:
            return Built(path, kind, key, f"it cannot be read ({exc.strerror or exc})")
        if content_hash(data) != seal["hash"]:
            return Built(path, kind, key, "its content differs from what was built")
        # Intact, but copied or touched: record the new stat so the next hit skips the hash.
        from fastext.importer import store

        store.reseal(path, key, kind, st, seal)
    return Built(path, kind, key)
