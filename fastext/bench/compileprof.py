"""Compile profile: cold compile per stage, cached import time, the user's cache hit or miss.

The cold compile runs in a fresh interpreter (so importing llvmlite and the compiler
counts) with FASTEXT_CACHE_DIR pointing at a temporary folder: the user's cache is
neither used nor touched.  The cached import is `import <module>` in fresh
interpreters against the user's normal cache, timed inside the process (interpreter
start-up excluded).
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile

_COLD = r"""
import json, os, sys, time
t0 = time.perf_counter()
from fastext.compiler.driver import compile_file
from fastext import config
t1 = time.perf_counter()
path, name, out = sys.argv[1], sys.argv[2], sys.argv[3]
try:
    art = compile_file(path, name, config.options_from_env())
except ImportError as e:
    print(json.dumps({"error": str(e).splitlines()[0]}))
    sys.exit(0)
t2 = time.perf_counter()
timings = dict(art.timings)
from fastext.compiler.link import find_linker, link_shared
if find_linker() is not None and os.environ.get("FASTEXT_LINKER", "").lower() != "none":
    t = time.perf_counter()
    link_shared(art.object_code, os.path.join(out, name + ".so"))
    timings["link"] = time.perf_counter() - t
print(json.dumps({"import_compiler": t1 - t0, "compile": t2 - t1, "stages": timings,
                  "total": time.perf_counter() - t0}))
"""

_CACHED = r"""
import sys, time
sys.path.insert(0, sys.argv[1])
if not any(getattr(f, "_fastext_finder", False) for f in sys.meta_path):
    import fastext   # no .pth start-up hook here: install it first (not timed)
t0 = time.perf_counter()
__import__(sys.argv[2])
t1 = time.perf_counter()
m = sys.modules[sys.argv[2]]
print(t1 - t0, getattr(m, "__cached__", None))
"""


def _env(**extra) -> dict:
    env = dict(os.environ)
    # the child must import the same fastext as this process
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.update(extra)
    return env


def cache_state(fx_path: str) -> dict:
    """Before loading: is the user's normal cache holding a build for the current options?"""
    from fastext import config
    from fastext.importer import cache

    options = config.options_from_env()
    try:
        hit = cache.lookup(fx_path, options, ("so", "o"))
    except OSError as e:
        return {"hit": False, "path": None, "dirs": [], "message": str(e)}
    return {"hit": hit is not None, "path": hit.path if hit else None, "dirs": cache.cache_dirs(fx_path),
            "message": None}


def sidecar_timings(fx_path: str, built_path: str | None) -> dict | None:
    """Stage timings recorded in the cache sidecar of the build that was loaded."""
    from fastext.importer import store

    for entry in store.entries(fx_path):
        artifact = entry.get("artifact")
        if built_path and artifact and os.path.basename(built_path) == artifact:
            return entry.get("timings")
    return None


def cold_compile(fx_path: str, name: str, timeout: float) -> dict:
    with tempfile.TemporaryDirectory(prefix="fastext-bench-") as tmp:
        try:
            proc = subprocess.run([sys.executable, "-c", _COLD, fx_path, name, tmp], capture_output=True, text=True,
                                  timeout=timeout, env=_env(FASTEXT_CACHE_DIR=tmp))
        except subprocess.TimeoutExpired:
            return {"status": "timeout", "message": f"cold compile took over {timeout:g} s"}
    if proc.returncode != 0 or not proc.stdout.strip():
        tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return {"status": "error", "message": f"cold compile failed: {tail}"}
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    if "error" in data:
        return {"status": "error", "message": data["error"]}
    return {"status": "ok", "import_compiler_s": data["import_compiler"], "stages_s": data["stages"],
            "total_s": data["total"]}


def cached_import(fx_path: str, name: str, runs: int, timeout: float) -> dict:
    samples, cached = [], None
    for _ in range(runs):
        try:
            proc = subprocess.run([sys.executable, "-c", _CACHED, os.path.dirname(fx_path), name],
                                  capture_output=True, text=True, timeout=timeout, env=_env())
        except subprocess.TimeoutExpired:
            return {"status": "timeout", "message": f"import took over {timeout:g} s"}
        if proc.returncode != 0:
            tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
            return {"status": "error", "message": f"import {name} failed: {tail}"}
        seconds, _, cached = proc.stdout.strip().splitlines()[-1].partition(" ")
        samples.append(float(seconds))
    ok = cached and cached != "None" and os.path.abspath(cached).startswith(tuple(
        os.path.abspath(d) for d in _dirs(fx_path)))
    return {"status": "ok", "median_s": statistics.median(samples), "samples_s": samples,
            "message": None if ok or not cached else f"the fresh process imported {cached}"}


def _dirs(fx_path: str) -> list[str]:
    from fastext.importer import cache

    return cache.cache_dirs(fx_path)
