"""Measurements that need a fresh interpreter each time.

    cold compile + import – a generated 10-function module, an empty FASTEXT_CACHE_DIR
    cached import          – `import kernels` (cache hit) vs `import fastbench_c`
    start-up               – `python -c pass` with the .pth hook vs FASTEXT_NO_HOOK=1

Each child reports its own timings as one JSON line on stdout (so interpreter start-up
is not part of an import figure); the parent only adds the wall time of the process.
"""
from __future__ import annotations

import atexit
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from . import coldgen
from .impls import C_MODULE, HERE, ROOT, compare, exec_plain_python
from .timing import Stats, time_repeated

PY = sys.executable
_cwd: str | None = None


def neutral_cwd() -> str:
    """An empty folder to run children in: `-c` puts the working directory first on sys.path,
    and whatever sits in the caller's (a checkout, say) must not decide what they import."""
    global _cwd
    if _cwd is None:
        _cwd = tempfile.mkdtemp(prefix="fxbench-cwd-")
        atexit.register(shutil.rmtree, _cwd, True)
    return _cwd

_ENSURE_HOOK = "if 'fastext' not in sys.modules:\n    import fastext\n"

COLD_CHILD = """
import json, sys, time, types, traceback
src_dir, mod_name, calls = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
sys.path.insert(0, src_dir)
""" + _ENSURE_HOOK + """
before = 'llvmlite' in sys.modules
out = {"llvmlite_before": before}
t0 = time.perf_counter_ns()
try:
    mod = __import__(mod_name)
except BaseException as exc:
    out["error"] = "".join(traceback.format_exception_only(type(exc), exc))[-3000:]
    print(json.dumps(out)); sys.exit(0)
out["import_ns"] = time.perf_counter_ns() - t0
import numpy as np
out["compiled"] = all(isinstance(getattr(mod, n), types.BuiltinFunctionType) for n, _ in calls)
out["file"] = getattr(mod, "__file__", None)
res = {}
for name, args in calls:
    conv = [np.array(a["array"], dtype=np.float64) if isinstance(a, dict) else a for a in args]
    try:
        res[name] = getattr(mod, name)(*conv)
    except BaseException as exc:
        res[name] = "raised %s: %s" % (type(exc).__name__, exc)
out["results"] = res
print(json.dumps(out))
"""

FX_IMPORT_CHILD = """
import json, sys, time, types
sys.path.insert(0, sys.argv[1])
""" + _ENSURE_HOOK + """
loaded = set(sys.modules)
t0 = time.perf_counter_ns()
import kernels
t1 = time.perf_counter_ns()
new = sorted(set(sys.modules) - loaded - {"kernels"})
heavy = [m for m in sys.modules if m.startswith(("llvmlite", "fastext.compiler"))]
print(json.dumps({"ns": t1 - t0, "compiled": isinstance(kernels.add, types.BuiltinFunctionType),
                  "heavy_after": heavy, "new_modules": new}))
"""

C_IMPORT_CHILD = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
t0 = time.perf_counter_ns()
import {mod}
t1 = time.perf_counter_ns()
print(json.dumps({{"ns": t1 - t0}}))
""".format(mod=C_MODULE)


def child_env(build: Path) -> dict:
    """The environment of every fresh interpreter: bytecode caching on, in our build folder.

    An installed package has its .pyc files; PYTHONDONTWRITEBYTECODE (set in some sandboxes)
    would make every child compile fastext's modules from source and inflate import times.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(build / "pycache")
    return env


def _run_json(cmd: list[str], env: dict, timeout: float = 120) -> tuple[dict, int]:
    """Run a child that prints one JSON line; returns (that object, wall ns)."""
    t0 = time.perf_counter_ns()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout, cwd=neutral_cwd())
    wall = time.perf_counter_ns() - t0
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode != 0 or not lines:
        return {"error": f"exit {proc.returncode}: {(proc.stderr or proc.stdout).strip()[-3000:]}"}, wall
    return json.loads(lines[-1]), wall


# ----------------------------------------------------------------------------- cold compile

def measure_cold_compile(reps: int, env: dict) -> dict:
    """Cold compile + import of a freshly generated 10-function module, `reps` times.

    One more compile runs first and is not counted: it leaves the .pyc files of the
    compiler behind, as installing fastext with pip does.
    """
    import_ns, wall_ns, notes, failures = [], [], [], []
    for rep in range(-1, reps):
        seed = random.SystemRandom().getrandbits(63)
        source, calls = coldgen.generate(seed)
        mod_name = f"fxcold_{seed:016x}"
        tmp = Path(tempfile.mkdtemp(prefix="fxbench-cold-"))
        try:
            (tmp / "src").mkdir()
            (tmp / "cache").mkdir()
            (tmp / "src" / f"{mod_name}.fx").write_text(source)
            cold_env = dict(env, FASTEXT_CACHE_DIR=str(tmp / "cache"))
            out, wall = _run_json([PY, "-c", COLD_CHILD, str(tmp / "src"), mod_name, json.dumps(calls)],
                                  cold_env)
            if "error" in out:
                failures.append(out["error"])
                break
            if not out.get("compiled"):
                failures.append(f"module imported but its functions are not compiled ({out.get('file')})")
                break
            if out.get("llvmlite_before"):
                notes.append("llvmlite was already imported before the timed import (start-up imports it)")
            mismatches = _check_cold_results(source, mod_name, calls, out["results"])
            if mismatches:
                failures.append("wrong results from the compiled module: " + "; ".join(mismatches))
                break
            cached = [p for p in (tmp / "cache").rglob("*") if p.is_file()]
            if not cached and rep == 0:
                notes.append("FASTEXT_CACHE_DIR stayed empty after the compile")
            if rep >= 0:
                import_ns.append(out["import_ns"])
                wall_ns.append(wall)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return {
        "import": Stats.of(import_ns).as_dict() if import_ns else None,
        "process_wall": Stats.of(wall_ns).as_dict() if wall_ns else None,
        "failures": failures,
        "notes": sorted(set(notes)),
        "example_source": coldgen.generate(0)[0],
    }


def _check_cold_results(source: str, mod_name: str, calls: list, results: dict) -> list[str]:
    ns = exec_plain_python(source, f"{mod_name}.fx", mod_name)
    bad = []
    for name, args in calls:
        conv = [np.array(a["array"], dtype=np.float64) if isinstance(a, dict) else a for a in args]
        expected = ns[name](*conv)
        got = results.get(name)
        kernel = "add" if isinstance(expected, int) else "sum1"
        tol = 1e-12 * (abs(expected) + 1.0) if kernel == "sum1" else 0.0
        outcome = compare(kernel, expected, got, tol) if not isinstance(got, str) else got
        if outcome not in ("exact", "close"):
            bad.append(f"{name}{tuple(args)}: {outcome}")
    return bad


# ----------------------------------------------------------------------------- cached import

def measure_cached_import(runs: int, env: dict, c_dir: Path, pin: list[str]) -> dict:
    """Fresh interpreters: the `import kernels` statement (cache hit) vs `import fastbench_c`."""
    fx_env = dict(env)
    fx_env.pop("FASTEXT_NO_HOOK", None)
    c_env = dict(env, FASTEXT_NO_HOOK="1")
    first, _ = _run_json(pin + [PY, "-c", FX_IMPORT_CHILD, str(HERE)], fx_env)   # fills the caches
    if "error" in first:
        return {"error": first["error"]}
    _run_json(pin + [PY, "-c", C_IMPORT_CHILD, str(c_dir)], c_env)
    flags: list[dict] = []

    def one(name: str) -> float:
        if name == "fastext":
            out, _ = _run_json(pin + [PY, "-c", FX_IMPORT_CHILD, str(HERE)], fx_env)
            flags.append(out)
        else:
            out, _ = _run_json(pin + [PY, "-c", C_IMPORT_CHILD, str(c_dir)], c_env)
        if "error" in out:
            raise RuntimeError(out["error"])
        return out["ns"]

    try:
        stats = time_repeated(one, ["fastext", "c"], runs)
    except RuntimeError as exc:
        return {"error": str(exc)}
    if not all(f.get("compiled") for f in flags):
        return {"error": "`import kernels` gave plain-Python functions, not the compiled module"}
    heavy = sorted({m for f in flags for m in f.get("heavy_after", [])})
    return {
        "fastext": stats["fastext"].as_dict(),
        "c": stats["c"].as_dict(),
        "heavy_modules": heavy,
        "new_modules": flags[0].get("new_modules", []) if flags else [],
    }


# ----------------------------------------------------------------------------- start-up

_IMPORTTIME = re.compile(r"^import time:\s+(\d+)\s+\|\s+(\d+)\s+\|(\s*)(\S+)")


def hook_state(env: dict) -> dict:
    """Is the .pth hook active in a plain `python` of this environment?"""
    env = dict(env)
    env.pop("FASTEXT_NO_HOOK", None)
    code = "import sys, json; print(json.dumps({'pth': '_fastext_hook' in sys.modules, " \
           "'fastext': 'fastext' in sys.modules}))"
    out, _ = _run_json([PY, "-c", code], env)
    return out


def measure_startup(runs: int, env: dict, pin: list[str]) -> dict:
    """`python -c pass` with the hook vs FASTEXT_NO_HOOK=1 (wall, medians) and -X importtime."""
    state = hook_state(env)
    base_env = dict(env)
    base_env.pop("FASTEXT_NO_HOOK", None)
    if state.get("pth") and state.get("fastext"):
        mode, code = "installed .pth", "pass"
    else:
        # Not pip-installed here: do what the .pth line does, `import _fastext_hook`, in both
        # variants, so the difference is the hook's own cost.
        mode, code = "emulated (.pth not installed: both runs `import _fastext_hook` from the checkout)", \
            "import _fastext_hook"
        paths = [str(ROOT)] + [p for p in base_env.get("PYTHONPATH", "").split(os.pathsep) if p]
        base_env["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(paths))
    variants = {"hook": base_env, "no hook": dict(base_env, FASTEXT_NO_HOOK="1")}

    def one(name: str) -> float:
        t0 = time.perf_counter_ns()
        subprocess.run(pin + [PY, "-c", code], env=variants[name], check=True, cwd=neutral_cwd(),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return time.perf_counter_ns() - t0

    for name in variants:                       # warm the page cache and .pyc files
        one(name)
    wall = time_repeated(one, list(variants), runs)

    self_us, cum_us = [], []
    for _ in range(max(5, runs // 4)):
        proc = subprocess.run(pin + [PY, "-X", "importtime", "-c", code], env=variants["hook"],
                              capture_output=True, text=True, check=True, cwd=neutral_cwd())
        s, c = _importtime_fastext(proc.stderr)
        self_us.append(s)
        cum_us.append(c)

    listing = "import sys; print('\\n'.join(sorted(sys.modules)))"
    mods = {name: set(subprocess.run([PY, "-c", f"{code}\n{listing}"], env=variants[name], cwd=neutral_cwd(),
                                     capture_output=True, text=True, check=True).stdout.split())
            for name in variants}
    extra = sorted(mods["hook"] - mods["no hook"])
    return {
        "mode": mode,
        "wall": {k: v.as_dict() for k, v in wall.items()},
        "importtime_self_us": statistics.median(self_us),
        "importtime_hook_cumulative_us": statistics.median(cum_us),
        "extra_modules": extra,
    }


def _importtime_fastext(stderr: str) -> tuple[int, int]:
    """(sum of 'self' µs over fastext lines, cumulative µs of the top-level hook import)."""
    total_self, top_cum = 0, 0
    for line in stderr.splitlines():
        m = _IMPORTTIME.match(line)
        if not m:
            continue
        self_us, cum_us, indent, name = int(m[1]), int(m[2]), len(m[3]), m[4]
        if name.startswith(("fastext", "_fastext_hook")):
            total_self += self_us
            if name == "_fastext_hook" or (name == "fastext" and indent <= 1 and not top_cum):
                top_cum = max(top_cum, cum_us)
    return total_self, top_cum
