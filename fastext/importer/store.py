"""Putting compiled `.fx` modules into the cache, and the tools that maintain it.

Imported only on a cache miss (by the loader) and by `fastext clean` / `fastext
info`; a hit needs nothing from here (see `fastext.importer.cache`).

`obtain()` picks a cache folder it may write and trust, takes the per-module build
lock, looks again (another process may just have built it), compiles exactly the
bytes it read (the module's and every `.fx` dependency's), links (or keeps the object
for the JIT path), stores atomically, seals the artifact, writes the sidecar and
evicts old builds.  Files are written to a temporary name in the same folder and
renamed into place, so a reader never sees half a file, and several processes may
race freely; the seal is written last, so an artifact without one is not used yet.

What is trusted, what is refused and why: docs/caching.md, "What the cache trusts".
"""
import os
import sys
import time

from _fastext_hook import warn
from fastext.importer import cache
from fastext.importer.cache import Built

_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
# A new file under a predictable or random name: never an existing file, never through a link.
_O_CREATE_NEW = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_NOFOLLOW | _O_CLOEXEC | getattr(os, "O_BINARY", 0)
FILE_MODE = 0o644      # artifacts, seals, sidecars: readable by others only inside a folder opened up on purpose
PRIVATE_MODE = 0o600   # lock and probe files
DIR_MODE = 0o700       # folders fastext creates (mkdir's mode can only lose bits to the umask)
UNSEALED_GRACE = 60.0  # seconds an unsealed artifact may be a build in progress in another process
TEMP_GRACE = 3600.0    # seconds before a temporary file is taken for a crashed build's leftover


def obtain(fx_path: str, options, kind: str) -> Built:
    """The cached build of `fx_path` for `options`, building it on a miss.

    `kind` is "so" (a linker exists, or we have not asked yet) or "o" (JIT path).
    With kind "so" and no linker on a miss, the result has kind "o".  A damaged entry is
    rebuilt with a warning.  When no cache folder can be written, the module is built
    into a private temporary folder (`Built.transient`, removed once loaded) or, failing
    that, kept in memory (`Built.data`), with a warning.  Raises the compiler's
    CompileError for bad source, ImportError for other failures.
    """
    fx_path = os.path.abspath(fx_path)
    stem = cache.stem_of(fx_path)
    if kind == "o":
        options = options.for_jit()
    hit = cache.lookup(fx_path, options, (kind,))
    if hit is not None and hit.problem is None:
        return hit
    if kind == "so" and not _have_linker():
        kind = "o"
        options = options.for_jit()
        hit = cache.lookup(fx_path, options, ("o",))
        if hit is not None and hit.problem is None:
            return hit
    try:
        directory = writable_dir(fx_path)
    except NoWritableCache as exc:
        return _build_uncached(fx_path, stem, options, kind, str(exc))
    with BuildLock(directory, stem, fx_path):
        # Re-check under the lock with the bytes that will be compiled; an object left by the
        # JIT path can be linked instead of recompiled.
        source = cache.read_source(fx_path)
        hit = cache.lookup(fx_path, options, (kind, "o") if kind == "so" else (kind,), source)
        if hit is not None and hit.problem is not None:
            warn(f"the cached build {hit.path} is damaged ({hit.problem}); rebuilding it", fx_path)
            discard(hit.path)
            hit = None
        if hit is not None and hit.kind == kind:
            return hit
        if hit is not None:
            return _link_cached_object(hit, directory, stem)
        return _build(fx_path, stem, source, options, kind, directory)


def _have_linker() -> bool:
    from fastext.compiler.link import find_linker

    return find_linker() is not None


# ---------------------------------------------------------------- compiling


def _compile(fx_path: str, stem: str, source: bytes, options):
    """Compile exactly `source` (the bytes the key is made of) and the `.fx` files it imports,
    each read once here; returns (artifact, [(dependency path, the bytes compiled)])."""
    from fastext.compiler.driver import compile_source

    read: dict[str, bytes] = {}

    def read_dependency(path: str) -> bytes:
        # The compiler reads each imported `.fx` file through this: the bytes it compiles are
        # the bytes the key records, even if the file changes during the build.
        path = os.path.abspath(path)
        if path not in read:
            read[path] = cache.read_source(path)
        return read[path]

    from fastext.compiler.source import decode_source     # PEP 263, a located CompileError otherwise
    with _Progress(fx_path, source):
        shown = decode_source(source, fx_path)
        artifact = compile_source(shown.text, fx_path, stem, options, read=read_dependency)
    for note in artifact.notes:     # e.g. a function too large to optimise (compiler/budget.py)
        warn(note.render(shown if note.span.file == fx_path else None), fx_path)
    deps = [os.path.abspath(d) for d in artifact.deps]
    # A dependency the compiler did not read through read_dependency (an older compiler):
    # its current bytes, as before.
    missing = [d for d in deps if d not in read]
    return artifact, [(d, read[d]) for d in deps if d in read] + cache.read_deps(missing)


def _build(fx_path: str, stem: str, source: bytes, options, kind: str, directory: str,
           evict_old: bool = True) -> Built:
    """Compile `source` and store the result in `directory` (sealed); returns the entry."""
    started = time.perf_counter()
    artifact, deps = _compile(fx_path, stem, source, options)
    inputs = cache.key_inputs(fx_path, source, deps, options)
    key = cache.cache_key(inputs)
    base = cache.entry_base(directory, stem, key)
    timings = dict(artifact.timings)
    path = f"{base}.{kind}"
    if kind == "so":
        t0 = time.perf_counter()
        _link_atomic(artifact.object_code, path)
        timings["link"] = time.perf_counter() - t0
    else:
        write_atomic(path, artifact.object_code)
    source_hash = inputs["source_hash"]
    write_seal(path, key, kind, source_hash)
    timings["total"] = time.perf_counter() - started
    dep_paths = [d for d, _ in deps]
    if dep_paths:
        write_atomic(cache.deps_record(directory, stem, source_hash), "\n".join(dep_paths).encode())
    _write_sidecar(base, stem, key, inputs, dep_paths, kind, timings)
    if evict_old:
        evict(directory, stem, keep=key[:16])
    return Built(path, kind, key, deps=dep_paths)


def _build_uncached(fx_path: str, stem: str, options, kind: str, why: str) -> Built:
    """No cache folder can be written (CPython then just skips writing `.pyc` files): build
    into a private temporary folder, removed once the module is loaded, or keep the object
    in memory for the JIT when not even that can be written."""
    import shutil
    import tempfile

    warn(f"no cache folder can be written ({why}); compiling {os.path.basename(fx_path)} without caching: "
         "every import compiles it again", fx_path)
    source = cache.read_source(fx_path)
    try:
        folder = tempfile.mkdtemp(prefix="fastext-")  # mode 0700
    except OSError:
        folder = None
    if folder is not None:
        try:
            built = _build(fx_path, stem, source, options, kind, folder, evict_old=False)
            built.transient = folder
            return built
        except OSError:
            shutil.rmtree(folder, ignore_errors=True)
    options = options.for_jit()      # kept in memory: only the JIT can load it
    artifact, deps = _compile(fx_path, stem, source, options)
    built = Built(fx_path, "o", cache.cache_key(cache.key_inputs(fx_path, source, deps, options)))
    built.data = artifact.object_code
    return built


def _link_atomic(object_code: bytes, so_path: str) -> None:
    from fastext.compiler.link import LinkError, link_shared

    tmp = temp_path(so_path) + ".so"
    try:
        link_shared(object_code, tmp)
        os.chmod(tmp, FILE_MODE)  # the linker honours the umask (0777 under umask 000); a random name: no race
        _replace(tmp, so_path)
    except LinkError as exc:
        raise ImportError(f"linking {so_path} failed: {exc}", path=so_path) from None
    finally:
        _unlink(tmp)


def _link_cached_object(hit: Built, directory: str, stem: str) -> Built:
    """A JIT-path object is cached and a linker exists now: link it instead of recompiling."""
    so_path = cache.entry_base(directory, stem, hit.key) + ".so"
    seal = cache.read_seal(hit.path + cache.SEAL_SUFFIX) or {}
    _link_atomic(cache._read_bytes(hit.path, trusted_only=True), so_path)
    write_seal(so_path, hit.key, "so", seal.get("source", "unknown"))
    return Built(so_path, "so", hit.key, deps=hit.deps)


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
        pass  # the sidecar is informational; the artifact and its seal are what count


class _Progress:
    """`fastext: compiling kernels.fx (7 functions)...` on stderr once a compile has taken a
    second (FASTEXT_PROGRESS: only when stderr is a terminal, unless `always`; never with `never`)."""

    DELAY = 1.0

    def __init__(self, fx_path: str, source: bytes):
        self._timer = None
        if not _chatty():
            return
        import threading

        functions = sum(1 for line in source.splitlines() if line.startswith((b"def ", b"async def ")))
        line = f"fastext: compiling {_display(fx_path)} ({functions} function{'s' if functions != 1 else ''})..."
        self._timer = threading.Timer(self.DELAY, _say, (line,))
        self._timer.daemon = True

    def __enter__(self) -> "_Progress":
        if self._timer is not None:
            self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        if self._timer is not None:
            self._timer.cancel()


def _chatty(notice: bool = False) -> bool:
    """Print progress?  `notice`: a lock-wait notice, shown unless FASTEXT_PROGRESS=never (a
    silent wait looks like a hang, as cargo's "Blocking waiting for file lock" knows)."""
    from fastext import config

    mode = config.progress()
    if mode == "never":
        return False
    if mode == "always" or notice:
        return True
    try:
        return sys.stderr is not None and sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def _say(line: str) -> None:
    try:
        print(line, file=sys.stderr, flush=True)
    except (AttributeError, OSError, ValueError):
        pass  # no usable stderr: progress is optional


def _display(path: str) -> str:
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


# ---------------------------------------------------------------- writing safely


def dir_problem(st) -> str | None:
    """Why a cache folder with stat `st` must not be used, or None when it may."""
    if st.st_mode & 0o170000 != 0o040000:
        return "is not a folder"
    euid = cache._EUID
    if euid is not None and st.st_uid != euid and st.st_uid != 0:
        return f"is owned by uid {st.st_uid}, not by this user (uid {euid})"
    if euid is not None and st.st_mode & 0o022:
        return f"is writable by other users (mode {st.st_mode & 0o7777:o})"
    return None


class NoWritableCache(OSError):
    """No cache folder for a module can be created, trusted and written; the message says why."""


def writable_dir(fx_path: str) -> str:
    """The first cache folder for `fx_path` that can be created, trusted and written.

    A folder of another user, one others may write, or an unusable FASTEXT_CACHE_DIR is
    refused with a one-line warning naming the folder used instead; a read-only source
    folder falls back silently (as documented).  Raises NoWritableCache when none is left.
    """
    from fastext import config

    refused: list[str] = []
    problems: list[str] = []
    override = config.cache_dir_override()
    for index, directory in enumerate(cache.cache_dirs(fx_path)):
        try:
            why = _prepare_dir(directory)
        except OSError as exc:
            problems.append(f"{directory}: {exc.strerror or exc}")
            if index == 0 and override:
                refused.append(f"FASTEXT_CACHE_DIR={override} cannot be used ({exc.strerror or exc})")
            continue
        if why is not None:
            problems.append(f"{directory} {why}")
            refused.append(f"the cache folder {directory} {why}")
            continue
        if refused:
            warn(f"{'; '.join(refused)}: using {directory} instead", fx_path)
        return directory
    raise NoWritableCache("; ".join(problems) or "no cache folder")


def _prepare_dir(directory: str) -> str | None:
    """Create `directory` (0700) if needed; why it must not be used, or None once it is
    known to be trusted and writable.  OSError when it cannot be created or written."""
    make_private_dirs(directory)
    why = dir_problem(os.stat(directory))
    if why is not None:
        return why
    # Writable?  A fresh random name, created exclusively and never through a link: threads
    # and processes probing at once never meet, and a planted `.probe.*` link is not followed.
    probe = os.path.join(directory, f".probe.{os.getpid()}.{os.urandom(6).hex()}")
    os.close(os.open(probe, _O_CREATE_NEW, PRIVATE_MODE))
    os.unlink(probe)
    return None


def make_private_dirs(directory: str) -> None:
    """`os.makedirs` whose every new folder is 0700 whatever the umask (makedirs gives the
    intermediate ones 0777 less the umask).  Existing folders are left as they are."""
    if os.path.isdir(directory):
        return
    parent = os.path.dirname(directory)
    if parent and parent != directory:
        make_private_dirs(parent)
    try:
        os.mkdir(directory, DIR_MODE)  # the umask can only remove bits: never group/other bits
    except FileExistsError:
        if not os.path.isdir(directory):  # a file where the folder would go: not usable, not a threat
            raise NotADirectoryError(20, "not a folder", directory) from None
        return
    if os.stat(directory).st_mode & 0o700 != 0o700:  # an umask that masks the owner's own bits
        os.chmod(directory, DIR_MODE)


def temp_path(final_path: str) -> str:
    """A unique temporary name in the folder of `final_path` (same file system, so rename is atomic)."""
    directory, name = os.path.split(final_path)
    return os.path.join(directory, f".{name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")


def write_atomic(path: str, data: bytes, mode: int = FILE_MODE) -> None:
    """Write `data` to `path` so that readers see either no file or the whole file (mode `mode`)."""
    tmp = temp_path(path)
    fd = os.open(tmp, _O_CREATE_NEW, mode)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
        _replace(tmp, path)
    except BaseException:
        _unlink(tmp)
        raise


def _replace(tmp: str, path: str) -> None:
    """os.replace into the cache; a folder squatting on the final name (damage) is removed first."""
    try:
        os.replace(tmp, path)
    except IsADirectoryError:
        import shutil

        shutil.rmtree(path, ignore_errors=True)
        os.replace(tmp, path)


def write_seal(path: str, key: str, kind: str, source_hash: str) -> None:
    """Seal the artifact at `path` (already in place): its key, size, hash and stat (cache.format_seal).

    Read back through a descriptor so the stat and the hash are of the very file sealed.
    """
    fd = os.open(path, os.O_RDONLY | _O_NOFOLLOW | _O_CLOEXEC)
    try:
        st = os.fstat(fd)
        chunks = []
        while True:
            chunk = os.read(fd, max(st.st_size, 1 << 16))
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(fd)
    digest = cache.content_hash(b"".join(chunks))
    write_atomic(path + cache.SEAL_SUFFIX, format_seal(key, kind, st, digest, source_hash))


def discard(artifact: str) -> None:
    """Remove an artifact and its seal (a damaged entry, in a folder of ours); never raises."""
    _unlink(artifact + cache.SEAL_SUFFIX)
    if not _unlink(artifact) and os.path.isdir(artifact) and not os.path.islink(artifact):
        import shutil  # a folder where the artifact should be: it would block the rename

        shutil.rmtree(artifact, ignore_errors=True)


def format_seal(key: str, kind: str, st, digest: str, source_hash: str) -> bytes:
    """The seal of an artifact: what a hit checks before loading it (one line of ASCII).

    `st` is the artifact's os.stat after it was put in place: while inode, mtime, ctime
    and size are unchanged, nothing wrote to the file since it was sealed (the kernel sets
    ctime on every change and nobody can set it back), so a hit needs no hash; otherwise
    the content hash `digest` decides.
    """
    return (f"fastext-seal 1 key {key} kind {kind} size {st.st_size} hash {digest} ino {st.st_ino} "
            f"mtime {st.st_mtime_ns} ctime {st.st_ctime_ns} source {source_hash}\n").encode("ascii")


def reseal(path: str, key: str, kind: str, st, seal: dict[str, str]) -> None:
    """The artifact at `path` is intact but was copied or touched: record its new stat `st` so
    the next hit skips the hash again.  Best effort (a read-only cache keeps hashing)."""
    try:
        write_atomic(path + cache.SEAL_SUFFIX, format_seal(key, kind, st, seal["hash"], seal["source"]))
    except OSError:
        pass


# ---------------------------------------------------------------- the build lock


class BuildLock:
    """An exclusive lock around building one module in one cache folder (flock; no-op without fcntl).

    The lock file records its holder (`pid boot-id start-time host`).  A waiter polls; after
    a few seconds it says who holds the lock; it breaks the lock at once when the holder has
    exited (a forked child may still hold the inherited descriptor) or the machine restarted
    since, after those few seconds when the holder is stopped (Ctrl-Z, SIGSTOP), and after
    FASTEXT_LOCK_TIMEOUT seconds in any case.  Breaking removes the lock file and takes a new
    one: at worst two processes build the same module, which atomic renames make harmless.
    The lock file is otherwise left in place: removing it would let two processes lock
    different inodes under the same name.
    """

    def __init__(self, cache_dir: str, stem: str, fx_path: str | None = None):
        self.path = os.path.join(cache_dir, f"{stem}.{sys.implementation.cache_tag}.lock")
        self.what = _display(fx_path) if fx_path else stem
        self._fd: int | None = None

    def __enter__(self) -> "BuildLock":
        try:
            import fcntl
        except ImportError:  # Windows: atomic renames still keep the cache consistent
            return self
        from fastext import config

        timeout = config.lock_timeout()
        notice_after = min(3.0, timeout / 2)
        started, delay, noticed = time.monotonic(), 0.005, False
        while True:
            fd = self._open()
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = _read_holder(fd)
                waited = time.monotonic() - started
                stale = _stale(holder, waited, timeout, notice_after)
                if stale is not None:
                    self._break(fd, stale)
                    os.close(fd)
                    continue
                if not noticed and waited >= notice_after:
                    noticed = True
                    if _chatty(notice=True):
                        who = f"pid {holder[0]}" if holder else "another process"
                        _say(f"fastext: waiting for {who} to finish building {self.what} "
                             f"(lock {self.path}; FASTEXT_LOCK_TIMEOUT={timeout:g} s)")
                os.close(fd)
                time.sleep(delay)
                delay = min(delay * 2, 0.2)
                continue
            except BaseException:
                os.close(fd)
                raise
            if not self._current(fd):  # broken and replaced while we waited: lock the new one
                os.close(fd)
                continue
            self._fd = fd
            _write_holder(fd)
            return self

    def __exit__(self, *exc) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing releases the flock
            self._fd = None

    def _open(self) -> int:
        """The lock file, created 0600 if missing, never through a link, always a file of ours."""
        for _ in range(3):
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | _O_NOFOLLOW | _O_CLOEXEC, PRIVATE_MODE)
            except OSError as exc:
                if not os.path.islink(self.path):
                    raise
                _unlink(self.path)  # a planted link (ELOOP): replaced by a real file
                last = exc
                continue
            st = os.fstat(fd)
            if st.st_mode & 0o170000 == 0o100000 and cache.trusted(st):
                return fd
            os.close(fd)
            _unlink(self.path)  # not a plain file of ours: replace it
            last = PermissionError(f"{self.path} is not a lock file of this user")
        raise last

    def _current(self, fd: int) -> bool:
        try:
            st, here = os.fstat(fd), os.stat(self.path)
        except OSError:
            return False
        return (st.st_ino, st.st_dev) == (here.st_ino, here.st_dev)

    def _break(self, fd: int, why: str) -> None:
        if self._current(fd):
            _unlink(self.path)
        if _chatty(notice=True):
            _say(f"fastext: breaking the build lock of {self.what}: {why}")


def _boot_id() -> str:
    try:
        return cache._read_bytes("/proc/sys/kernel/random/boot_id").decode().strip()
    except OSError:
        return "-"


def _write_holder(fd: int) -> None:
    import socket

    record = f"{os.getpid()} {_boot_id()} {int(time.time())} {socket.gethostname() or '-'}\n".encode()
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, record, 0)
    except OSError:
        pass  # waiters then rely on the timeout alone


def _read_holder(fd: int) -> tuple[int, str, int, str] | None:
    try:
        pid, boot, since, host = os.pread(fd, 512, 0).decode().split()
        return int(pid), boot, int(since), host
    except (OSError, ValueError, UnicodeDecodeError):
        return None  # just created, or written by an older fastext


def _stale(holder, waited: float, timeout: float, notice_after: float) -> str | None:
    """Why the lock may be broken now, or None to keep waiting."""
    import socket

    if holder is not None and holder[3] == (socket.gethostname() or "-"):  # pids mean nothing elsewhere
        pid, boot = holder[0], holder[1]
        mine = _boot_id()
        if boot != "-" and mine != "-" and boot != mine:
            return f"its holder, pid {pid}, ran before the machine restarted"
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return f"its holder, pid {pid}, has exited"
        except OSError:
            pass  # alive, another user's
        if waited >= notice_after and _stopped(pid):
            return f"its holder, pid {pid}, is stopped"
    if waited >= timeout:
        who = f"pid {holder[0]}" if holder else "its holder"
        return f"{who} has held it for more than FASTEXT_LOCK_TIMEOUT={timeout:g} s"
    return None


def _stopped(pid: int) -> bool:
    """Linux: the process is stopped (job control, SIGSTOP) or stopped under a tracer."""
    try:
        data = cache._read_bytes(f"/proc/{pid}/stat")
    except OSError:
        return False
    state = data[data.rfind(b")") + 2:][:1]  # the name in parentheses may hold anything
    return state in (b"T", b"t")


# ---------------------------------------------------------------- maintenance


def evict(cache_dir: str, stem: str, keep: str) -> list[str]:
    """Best effort: keep this module's FASTEXT_CACHE_KEEP most recently built builds (for this
    interpreter) in `cache_dir`, always the build `keep` (a 16-hex key prefix); remove the
    others, their sidecars and `.deps` records no kept build uses, unsealed leftovers and
    stale temporary files.  Returns what was removed; never raises."""
    from fastext import config

    limit = config.cache_keep()
    prefix = f"{stem}.{sys.implementation.cache_tag}."
    try:
        names = os.listdir(cache_dir)
    except OSError:
        return []
    now = time.time()
    groups: dict[str, list[str]] = {}
    for name in names:
        if name.startswith(prefix):
            tag, _, suffix = name[len(prefix):].partition(".")
            if "." + suffix in cache.ENTRY_SUFFIXES:
                groups.setdefault(tag, []).append(name)
    builds = []  # (built at, tag, source hash prefix)
    for tag, members in groups.items():
        for name in members:
            if name.endswith(cache.SEAL_SUFFIX):
                seal = cache.read_seal(os.path.join(cache_dir, name))
                if seal is not None:
                    builds.append((_mtime(os.path.join(cache_dir, name)), tag, seal["source"][:16]))
                break
    builds.sort(reverse=True)  # the most recently built first
    kept = {keep}
    for _, tag, _ in builds:
        if len(kept) >= limit:
            break
        kept.add(tag)
    sealed = {tag for _, tag, _ in builds}
    sources = {source for _, tag, source in builds if tag in kept}
    removed = []
    for tag, members in groups.items():
        for name in members:
            path = os.path.join(cache_dir, name)
            if name.endswith(".deps"):
                gone = tag not in sources and now - _mtime(path) > UNSEALED_GRACE
            elif tag in sealed:
                gone = tag not in kept
            else:  # no seal: a build being stored by another process, or a crashed one's leftover
                gone = now - _mtime(path) > UNSEALED_GRACE
            if gone and _unlink(path):
                removed.append(path)
    for name in names:  # temporary files and probes of builds that died
        if name.startswith(("." + prefix, ".probe.")) and (name.endswith(".tmp") or name.startswith(".probe.")):
            path = os.path.join(cache_dir, name)
            if now - _mtime(path) > TEMP_GRACE and _unlink(path):
                removed.append(path)
    return removed


def _mtime(path: str) -> float:
    try:
        return os.lstat(path).st_mtime
    except OSError:
        return 0.0


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
        if not cache.usable_dir(directory):
            continue
        try:
            names = sorted(os.listdir(directory))
        except OSError:
            continue
        for name in names:
            if name.startswith(prefix) and name.endswith(".json"):
                try:
                    data = json.loads(cache._read_bytes(os.path.join(directory, name), trusted_only=True))
                except (OSError, ValueError):
                    continue
                if data.get("source") == os.path.abspath(fx_path):
                    data["path"] = os.path.join(directory, name)
                    found.append(data)
    return found


def is_fastext_build(path: str) -> bool:
    """Whether the extension module at `path` came from fastext (every one exports `PyInit_fx`,
    the entry point of `import <mod>.fx`); a hand-written extension does not."""
    try:
        with open(path, "rb") as f:
            return b"PyInit_fx\x00" in f.read()
    except OSError:
        return False


def prebuilt_beside(fx_path: str) -> list[str]:
    """Extension modules fastext built that sit beside `fx_path` under its name
    (`fastext build` output, `kernels.cpython-311-x86_64-linux-gnu.so`, `kernels.abi3.so`)."""
    import importlib.machinery

    folder, stem = os.path.dirname(fx_path), cache.stem_of(fx_path)
    return [os.path.join(folder, stem + s) for s in sorted({".abi3.so", *importlib.machinery.EXTENSION_SUFFIXES})
            if os.path.isfile(os.path.join(folder, stem + s)) and is_fastext_build(os.path.join(folder, stem + s))]


def clean(paths, prebuilt: bool = False) -> list[str]:
    """Delete cached builds for `.fx` files and folders in `paths` (for `fastext clean`).

    A folder is searched recursively: its `__fxcache__/` folders go, and the
    per-user (or FASTEXT_CACHE_DIR) folders of every `.fx` found.  With `prebuilt`, also
    the extension modules fastext built beside each `.fx` (`fastext build` output), which
    would otherwise shadow it.  Returns what was removed.
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
        if prebuilt:
            removed.extend(p for p in prebuilt_beside(fx_path) if _unlink(p))
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
