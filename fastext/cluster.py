"""Shipping `.fx` sources to the workers of a cluster, compiled once per node (docs/distributed.md).

Compiled functions pickle by reference (`module.function`), so a worker only needs the
`.fx` file importable: the import hook compiles it there on first import.  Where the file
lands decides how often it is compiled: the cache is keyed by the source's path, and a
build in progress is waited for by the other processes importing the same file
(docs/caching.md, "Several processes at once").  `client.upload_file` gives every Dask
worker its own copy (one compile per worker process); `install` puts one copy per node,
in a folder named by the source's content hash, so all the workers of a node share one
build.  Ray's `runtime_env={"working_dir": ...}` already unpacks one copy per node.
"""
from __future__ import annotations

import hashlib
import importlib
import os
import sys
import tempfile

__all__ = ["install", "node_folder", "ship_to_dask"]


def node_folder(name: str, source: bytes, root: str | None = None) -> str:
    """The node-wide folder that holds `name.fx` with this `source` (written there once,
    atomically, by whichever process comes first): `<tmp>/fastext-cluster-<uid>/<hash>/`."""
    if not name.isidentifier():
        raise ValueError(f"install() needs a module name, not {name!r}")
    digest = hashlib.sha256(source).hexdigest()[:16]
    base = root or os.path.join(tempfile.gettempdir(), f"fastext-cluster-{os.getuid() if hasattr(os, 'getuid') else 0}")
    folder = os.path.join(base, digest)
    os.makedirs(folder, mode=0o700, exist_ok=True)
    target = os.path.join(folder, name + ".fx")
    if not os.path.exists(target):
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(source)
        os.replace(tmp, target)      # readers see the whole file or none (same content either way)
    return folder


def install(name: str, source: bytes, root: str | None = None) -> str:
    """On a worker: make `import name` find this `.fx` source in the node-wide folder; returns it."""
    folder = node_folder(name, source, root)
    if folder not in sys.path:
        sys.path.insert(0, folder)
    importlib.invalidate_caches()
    return folder


def ship_to_dask(client, path: str, root: str | None = None) -> None:
    """Install the `.fx` file at `path` on every worker of a `distributed.Client`, now and on
    workers that join later (a worker plugin); workers of one node share one compile."""
    from distributed.diagnostics.plugin import WorkerPlugin

    name = os.path.basename(path).rsplit(".", 1)[0]
    with open(path, "rb") as f:
        source = f.read()

    class _Install(WorkerPlugin):
        def setup(self, worker):
            install(name, source, root)

    client.register_plugin(_Install(), name=f"fastext-install-{name}")
