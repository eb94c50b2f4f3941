"""Optimise and codegen a module's compilation units (compiler/units.py) in parallel, reuse
the ones the per-unit cache holds, and join their objects into the module's one object.

llvmlite serialises every call into LLVM behind one process-wide lock, so threads cannot
overlap LLVM's work; the units go to worker processes forked from this one (a fork costs a
few milliseconds, and the children have llvmlite and the compiler loaded already).  The
pool is made on first use and kept for the next module; it is only used while this
process runs a single thread (forking a multi-threaded process can leave a child holding
a lock no thread will release), otherwise the units compile here, one after the other.
The objects are joined with the linker driver (`cc -r`) into one relocatable object, so
everything downstream — the `.so` link, the JIT, wheels — sees one object as before.
"""
from __future__ import annotations

import atexit
import functools
import os
import re
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field

from fastext.config import Options

_pool = None
_pool_jobs = 0


@dataclass
class UnitsResult:
    """The joined object, the optimised bitcode of each unit (for `Artifact.llvm_ir`), stage
    timings (CPU seconds summed over units, plus the wall time of the parallel part) and how
    many units were compiled and how many came from the cache."""

    object_code: bytes
    bitcode: list[bytes]
    timings: dict[str, float] = field(default_factory=dict)
    compiled: int = 0
    cached: int = 0


@functools.lru_cache(maxsize=64)
def _runtime_parts(used: frozenset[str]) -> tuple[str, str]:
    from fastext.abi.runtime import runtime_ir
    from fastext.compiler.units import runtime_parts
    return runtime_parts(runtime_ir(), used)


def compile_unit(text: str, runtime_text: str, option_fields: tuple, no_vector: tuple[str, ...],
                 no_opt: tuple[str, ...]) -> tuple[bytes, bytes, float, float, float]:
    """One unit: parse + link its runtime part, optimise, emit (object, optimised bitcode, and
    the seconds of the three steps).  Runs in a worker process or in this one; `option_fields`
    are the Options' fields (Options itself does not pickle)."""
    from fastext.compiler import backend
    options = Options(*option_fields)
    t0 = time.process_time()
    mod = backend.build_module(text, runtime_text, options)
    t1 = time.process_time()
    backend.optimize(mod, options, set(no_vector), set(no_opt))
    t2 = time.process_time()
    obj = backend.emit_object(mod, options)
    bitcode = mod.as_bitcode()
    return obj, bitcode, t1 - t0, t2 - t1, time.process_time() - t2


def _key(text: str, runtime_text: str, options: Options, no_vector, no_opt) -> str:
    from fastext import __version__
    from fastext.compiler import unitcache
    from fastext.compiler.backend import host_cpu, llvm_version
    from fastext.importer.cache import compiler_identity, llvm_identity
    cpu = "|".join(host_cpu()) if options.cpu == "host" else ""
    return unitcache.key(text, runtime_text, options.key(), cpu, ",".join(no_vector), ",".join(no_opt),
                         llvm_version(), llvm_identity(), __version__, compiler_identity())


def _executor(jobs: int):
    """The worker pool (None: compile here) — forked, so only while this process has one thread."""
    global _pool, _pool_jobs
    if jobs <= 1 or not hasattr(os, "fork") or threading.active_count() > 1:
        return None
    if _pool is None or _pool_jobs != jobs:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        if _pool is not None:
            _pool.shutdown(wait=False)
        _pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"), initializer=_worker_start)
        _pool_jobs = jobs
    return _pool


def _worker_start() -> None:
    """A worker's collector: on again (the compile forked it with the collector paused:
    driver.gc_paused), over the worker's own objects only -- the heap it inherited is frozen,
    so collections never walk (and copy, page by page) the parent's objects."""
    import gc
    gc.freeze()
    gc.enable()


@atexit.register
def _shutdown() -> None:
    if _pool is not None:
        _pool.shutdown(wait=False, cancel_futures=True)


def compile_units(ir_text: str, options: Options, no_vector=frozenset(), no_opt=frozenset(),
                  jobs: int | None = None, use_cache: bool | None = None, source_path: str = "") -> UnitsResult:
    """The module's object through its units (see the module docstring); compiled units are
    kept beside the module cache of `source_path` (compiler/unitcache.py)."""
    from fastext import config
    from fastext.compiler import unitcache
    from fastext.compiler.units import split, unoptimised
    jobs = config.compile_jobs() if jobs is None else jobs
    use_cache = config.unit_cache() if use_cache is None else use_cache
    where = unitcache.folders(source_path) if use_cache and source_path else []
    t_split = time.perf_counter()
    units = split(ir_text)
    # the helpers the code calls (the declarations name every helper an entry point may use)
    used = frozenset(re.findall(r'@"?(fx_\w+)', "\n".join(
        line for line in ir_text.split("\n") if not line.startswith("declare"))))
    shared, inline = _runtime_parts(used)
    timings = {"split": time.perf_counter() - t_split, "llvm": 0.0, "optimize": 0.0, "codegen": 0.0}
    jobs_args, keys = [], []
    results: list = [None] * len(units)
    for i, u in enumerate(units):
        rt = inline if u.name else shared
        nv = tuple(sorted(set(no_vector) & set(u.functions)))
        no = tuple(sorted((set(no_opt) & set(u.functions)) | unoptimised(u)))
        k = _key(u.text, rt, options, nv, no) if where else None
        keys.append(k)
        hit = unitcache.load(k, where) if k else None
        if hit is not None:
            results[i] = hit
        else:
            jobs_args.append((i, (u.text, rt, options._fields(), nv, no)))
    cached = len(units) - len(jobs_args)
    t0 = time.perf_counter()
    pool = _executor(min(jobs, len(jobs_args)))
    # biggest first, so the longest unit does not start last
    jobs_args.sort(key=lambda job: -len(job[1][0]))
    outputs = None
    if pool is not None:
        try:
            futures = [(i, pool.submit(compile_unit, *args)) for i, args in jobs_args]
            outputs = [(i, f.result()) for i, f in futures]
        except Exception:       # a broken pool (a worker killed): compile here instead
            _forget_pool()
            outputs = None
    if outputs is None:
        outputs = [(i, compile_unit(*args)) for i, args in jobs_args]
    for i, (obj, bitcode, t_llvm, t_opt, t_cg) in outputs:
        results[i] = (obj, bitcode)
        timings["llvm"] += t_llvm
        timings["optimize"] += t_opt
        timings["codegen"] += t_cg
        if keys[i]:
            unitcache.store(keys[i], obj, bitcode, where)
    timings["units"] = time.perf_counter() - t0
    t1 = time.perf_counter()
    obj = join_objects([r[0] for r in results])
    timings["join"] = time.perf_counter() - t1
    return UnitsResult(obj, [r[1] for r in results], timings, len(jobs_args), cached)


def _forget_pool() -> None:
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=False, cancel_futures=True)
    _pool = None


def join_objects(objects: list[bytes]) -> bytes:
    """One relocatable object holding every unit's (`cc -r`; the linker resolves the hidden
    symbols between units and keeps them hidden)."""
    if len(objects) == 1:
        return objects[0]
    from fastext.compiler.link import LinkError, find_linker
    linker = find_linker()
    if linker is None:
        raise LinkError("joining compilation units needs a linker")
    with tempfile.TemporaryDirectory(prefix="fastext-units-") as tmp:
        paths = []
        for k, data in enumerate(objects):
            paths.append(os.path.join(tmp, f"u{k}.o"))
            with open(paths[-1], "wb") as f:
                f.write(data)
        out = os.path.join(tmp, "module.o")
        proc = subprocess.run([linker, "-r", "-nostdlib", "-o", out, *paths], capture_output=True, text=True)
        if proc.returncode != 0:
            raise LinkError(f"joining compilation units failed:\n{proc.stderr.strip()}")
        with open(out, "rb") as f:
            return f.read()


def link_bitcode(bitcode: list[bytes]) -> str:
    """The optimised LLVM IR of the whole module, from the units' bitcode (on demand:
    `Artifact.llvm_ir`, `fastext build --emit llvm`)."""
    import llvmlite.binding as llvm
    from fastext.compiler import backend
    backend._init()
    mods = [llvm.parse_bitcode(b) for b in bitcode]
    first = mods[0]
    for m in mods[1:]:
        first.link_in(m)
    # once joined, what crossed units is private to the module again, as in a one-module build
    for v in list(first.functions) + list(first.global_variables):
        if not v.is_declaration and v.visibility == llvm.Visibility.hidden:
            v.linkage = llvm.Linkage.internal
            v.visibility = llvm.Visibility.default
    return str(first)
