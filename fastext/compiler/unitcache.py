"""The per-unit cache: a compiled unit's object (and optimised bitcode) by the hash of
everything that made it, so editing one function of a module recompiles only its unit.

The key is a SHA-256 of the unit's LLVM IR text (which holds the function's body and the
bodies of every function it may inline, with its private names renumbered: compiler/units.py),
the runtime helpers it links, the compile options, the functions the budget keeps from
(some) optimisation, the LLVM build and fastext's compiler identity (docs/caching.md, "The
key").  It follows the module cache's trust rules: folders `0700` of this user, entries
read only when they are regular files of this user (or root) that nobody else may write,
never through a symbolic link, and written by atomic rename.  An entry carries the SHA-256
of its payload, checked on every read: a damaged entry is a miss, never a broken object.
"""
from __future__ import annotations

import hashlib
import os

MAGIC = b"fastext-unit 1 "
MAX_ENTRIES = 4096        # beyond this many entries, the older half is removed on the next store


def root() -> str:
    """`$FASTEXT_CACHE_DIR/units`, else the per-user cache root's `units/`."""
    from fastext import config
    from fastext.importer.cache import user_cache_root
    base = config.cache_dir_override() or user_cache_root()
    return os.path.join(base, "units")


def key(*parts: str | bytes) -> str:
    """SHA-256 over the parts, each length-prefixed (no two part lists give one byte string)."""
    h = hashlib.sha256()
    for p in parts:
        b = p.encode() if isinstance(p, str) else p
        h.update(len(b).to_bytes(8, "little"))
        h.update(b)
    return h.hexdigest()


def _path(k: str) -> str:
    return os.path.join(root(), k[:2], k + ".unit")


def load(k: str) -> tuple[bytes, bytes] | None:
    """(object, bitcode) stored under `k`, or None (missing, untrusted or damaged)."""
    from fastext.importer.cache import _read_bytes, usable_dir
    path = _path(k)
    if not (usable_dir(root()) and usable_dir(os.path.dirname(path))):
        return None
    try:
        data = _read_bytes(path, trusted_only=True)
    except OSError:
        return None
    if not data.startswith(MAGIC):
        return None
    header, _, payload = data.partition(b"\n")
    fields = header[len(MAGIC):].split(b" ")
    if len(fields) != 2 or hashlib.sha256(payload).hexdigest().encode() != fields[1]:
        return None
    n = int(fields[0])
    return payload[:n], payload[n:]


def store(k: str, obj: bytes, bitcode: bytes) -> None:
    """Keep a compiled unit (best effort: a cache that cannot be written is skipped)."""
    from fastext.importer.cache import usable_dir
    from fastext.importer.store import make_private_dirs, write_atomic
    path = _path(k)
    payload = obj + bitcode
    try:
        make_private_dirs(os.path.dirname(path))
        if not (usable_dir(root()) and usable_dir(os.path.dirname(path))):
            return
        write_atomic(path, MAGIC + f"{len(obj)} {hashlib.sha256(payload).hexdigest()}\n".encode() + payload)
        _prune(os.path.dirname(path))
    except OSError:
        pass


def _prune(folder: str) -> None:
    """Keep the cache bounded: when a folder (1/256 of it) passes its share, drop its older half."""
    try:
        names = [n for n in os.listdir(folder) if n.endswith(".unit")]
        if len(names) * 256 <= MAX_ENTRIES:
            return
        paths = sorted((os.path.join(folder, n) for n in names), key=lambda p: os.stat(p).st_mtime_ns)
        for p in paths[:len(paths) // 2]:
            os.unlink(p)
    except OSError:
        pass
