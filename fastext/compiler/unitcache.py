"""The per-unit cache: a compiled unit's object (and optimised bitcode) by the hash of
everything that made it, so editing one function of a module recompiles only its unit.
It lives in `units/` of the folders the module cache uses for the source (docs/caching.md).

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
MAX_ENTRIES = 1024        # per folder; beyond it, the older half is removed on the next store


def folders(source_path: str) -> list[str]:
    """Where the units of `source_path` are kept: `units/` in each folder the module cache would
    use for it, in the same order (`__fxcache__/` beside the source or FASTEXT_CACHE_DIR's folder,
    then the per-user fallback); none for a source that is not a file (`compile_source` text)."""
    if not os.path.isfile(source_path):
        return []
    from fastext.importer.cache import cache_dirs
    return [os.path.join(d, "units") for d in cache_dirs(source_path)]


def key(*parts: str | bytes) -> str:
    """SHA-256 over the parts, each length-prefixed (no two part lists give one byte string)."""
    h = hashlib.sha256()
    for p in parts:
        b = p.encode() if isinstance(p, str) else p
        h.update(len(b).to_bytes(8, "little"))
        h.update(b)
    return h.hexdigest()


def load(k: str, where: list[str]) -> tuple[bytes, bytes] | None:
    """(object, bitcode) stored under `k` in the first of `where` that has it, or None
    (missing, untrusted or damaged)."""
    from fastext.importer.cache import _read_bytes, usable_dir
    for folder in where:
        if not (usable_dir(os.path.dirname(folder)) and usable_dir(folder)):
            continue
        try:
            data = _read_bytes(os.path.join(folder, k + ".unit"), trusted_only=True)
        except OSError:
            continue
        if not data.startswith(MAGIC):
            continue
        header, _, payload = data.partition(b"\n")
        fields = header[len(MAGIC):].split(b" ")
        if len(fields) != 2 or hashlib.sha256(payload).hexdigest().encode() != fields[1]:
            continue
        n = int(fields[0])
        return payload[:n], payload[n:]
    return None


def store(k: str, obj: bytes, bitcode: bytes, where: list[str]) -> None:
    """Keep a compiled unit in the first of `where` that can be made and trusted (best effort:
    a cache that cannot be written is skipped)."""
    from fastext.importer.cache import usable_dir
    from fastext.importer.store import make_private_dirs, write_atomic
    payload = obj + bitcode
    for folder in where:
        parent = os.path.dirname(folder)
        if os.path.lexists(parent) and not usable_dir(parent):
            continue        # a folder the module cache refuses gets nothing written into it either
        try:
            make_private_dirs(folder)
            if not (usable_dir(os.path.dirname(folder)) and usable_dir(folder)):
                continue
            write_atomic(os.path.join(folder, k + ".unit"),
                         MAGIC + f"{len(obj)} {hashlib.sha256(payload).hexdigest()}\n".encode() + payload)
            _prune(folder)
            return
        except OSError:
            continue


def _prune(folder: str) -> None:
    """Keep a folder's cache bounded: past MAX_ENTRIES entries, drop the older half."""
    try:
        names = [n for n in os.listdir(folder) if n.endswith(".unit")]
        if len(names) <= MAX_ENTRIES:
            return
        paths = sorted((os.path.join(folder, n) for n in names), key=lambda p: os.stat(p).st_mtime_ns)
        for p in paths[:len(paths) // 2]:
            os.unlink(p)
    except OSError:
        pass
